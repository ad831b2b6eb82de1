import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, startApp, type App } from './harness.js';

/**
 * Every page, checked by axe-core against WCAG 2.1 A and AA: labelled forms, contrast,
 * names for links and buttons, landmarks. And the main journeys by keyboard alone.
 */
describe('accessible to keyboards, screen readers and low vision', () => {
  let app: App;
  let page: Page;
  beforeAll(async () => {
    // axe-core is injected as a script, so this page alone runs without the CSP.
    app = await startApp({ bypassCsp: true });
    page = app.page;
    await fetch(`${app.base}/api/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const PAGES: [string, string, string][] = [
    ['/', 'heading', 'This month'],
    ['/people', 'heading', 'People'],
    ['/people?add=1', 'button', 'Add person'],
    ['/networks', 'heading', 'Networks'],
    ['/goals', 'heading', 'Goals'],
    ['/map', 'heading', 'Map'],
    ['/plan', 'heading', 'Suggestions'],
    ['/check', 'heading', 'Strength × importance'],
    ['/log', 'heading', 'Log an exchange'],
    ['/import', 'heading', 'Import'],
    ['/settings', 'heading', 'Settings'],
    ['/analyse', 'heading', 'Analyse a network'],
  ];

  it.each(PAGES)('%s has no WCAG A or AA violations', async (path, role, name) => {
    await page.goto(`${app.base}${path}`);
    await page.getByRole(role as 'heading', { name }).first().waitFor();
    await page.waitForTimeout(300);
    const problems = await accessibilityProblems(page);
    expect(problems.map((p) => `${p.id} (${p.impact}): ${p.help} at ${p.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  it('the checker itself sees a problem when there is one', async () => {
    await page.goto(`${app.base}/people`);
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.evaluate(`document.querySelector('main').insertAdjacentHTML('beforeend', '<input id="unlabelled"><p style="color:#bbb">faint</p>')`);
    const ids = (await accessibilityProblems(page)).map((p) => p.id);
    expect(ids).toContain('label');
    expect(ids).toContain('color-contrast');
  });

  it('a person page and a network page have no violations either', async () => {
    const people = (await (await fetch(`${app.base}/api/people?limit=1&sort=importance`)).json()) as { items: { id: string; name: string }[] };
    await page.goto(`${app.base}/people/${people.items[0]!.id}`);
    await page.getByRole('heading', { level: 1, name: people.items[0]!.name }).waitFor();
    expect((await accessibilityProblems(page)).map((p) => p.id)).toEqual([]);
    const networks = (await (await fetch(`${app.base}/api/networks`)).json()) as { items: { id: string; name: string }[] };
    await page.goto(`${app.base}/networks/${networks.items[0]!.id}`);
    await page.getByRole('heading', { level: 1, name: networks.items[0]!.name }).waitFor();
    expect((await accessibilityProblems(page)).map((p) => p.id)).toEqual([]);
  });

  it('logs an exchange with the keyboard alone', async () => {
    await page.goto(`${app.base}/log`);
    await page.getByRole('heading', { name: 'Log an exchange' }).waitFor();
    // Tab from the top: skip link first, then into the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Skip to content');
    await page.getByLabel('Name').focus();
    await page.keyboard.type('Rosa');
    await page.getByRole('button', { name: 'Dr Rosa Jiménez' }).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Dr Rosa Jiménez', { exact: true }).waitFor();
    await page.getByLabel('What did you learn?').focus();
    await page.keyboard.type('Keyboard only');
    // Through the follow-up, the feeling and the thank-you reminder to the button, in order.
    const stops: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate<string>("document.activeElement.labels?.[0]?.textContent?.trim() || document.activeElement.textContent"));
    }
    expect(stops).toEqual(['Any follow-up? (due in a week)', expect.stringMatching(/^How did it feel\?/), 'Remind me to send a thank-you within two days', 'Log it']);
    await page.keyboard.press('Enter');
    await page.getByText(/^Logged: coffee with Dr Rosa Jiménez/).waitFor();
  });
});

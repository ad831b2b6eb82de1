import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schema } from '../src/api/shapes.js';
import { ROOT, SHOTS, startApp, type App } from './harness.js';

/**
 * The check as a dashboard on the demo map, in headless Chromium: the things to do now
 * as cards (the same as the command line's first screen), the two pictures, each part
 * collapsed to its first items and opening in place, and a one-page printed report.
 */
describe('the check as a dashboard', () => {
  let app: App;
  let page: Page;
  let report: Schema<'CheckReport'>;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1366, height: 900 } });
    page = app.page;
    await fetch(`${app.base}/api/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    report = (await (await fetch(`${app.base}/api/check`)).json()) as Schema<'CheckReport'>;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('opens with the things to do now, each card with exactly one action', async () => {
    await page.goto(`${app.base}/check`);
    const cards = page.getByRole('list', { name: 'Do now' }).getByRole('listitem');
    await cards.first().waitFor();
    expect(report.summary.cards.length).toBeGreaterThan(2);
    expect(await cards.count()).toBe(report.summary.cards.length);
    for (const [i, card] of report.summary.cards.entries()) {
      const shown = cards.nth(i);
      expect(await shown.locator('p').textContent()).toBe(card.text);
      const actions = shown.getByRole('link');
      expect(await actions.count()).toBe(1);
      expect((await actions.textContent())?.trim()).toBe(card.action);
    }
    await page.screenshot({ path: join(SHOTS, 'check-dashboard.png') });
    // The wall of text was about 9,700 px tall on the demo; the dashboard is well under half of that.
    expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(4500);
  });

  it('says the same things as the first screen of `waggle check`', () => {
    const data = mkdtempSync(join(tmpdir(), 'waggle-check-cli-'));
    try {
      const run = (...args: string[]) => execFileSync(process.execPath, [join(ROOT, 'bin', 'waggle.js'), '--data', data, ...args], { env: { ...process.env, WAGGLE_NOW: '2026-11-22T10:00:00Z', DATABASE_URL: '' }, encoding: 'utf8' });
      run('demo');
      const firstScreen = run('check').split('\n== ')[0]!;
      const bullets = firstScreen.split('\n').filter((l) => l.startsWith('• ')).map((l) => l.slice(2));
      const actions = firstScreen.split('\n').filter((l) => l.startsWith('  → ')).map((l) => l.slice(4).split(': ')[0]);
      // The demo's ids differ between the two folders, so the cards are compared as sentences and actions.
      expect([...bullets].sort()).toEqual(report.summary.cards.map((c) => c.text).sort());
      expect([...actions].sort()).toEqual(report.summary.cards.map((c) => c.action).sort());
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it("draws strength × importance and each goal's coverage as pictures", async () => {
    await page.getByTestId('quadrant-chart').waitFor();
    // Drawn at once from the summary's first items, then with each quadrant's first page: until every
    // dot is placed, the chart says how many of how many are drawn.
    await page.locator('#check-quadrants').getByText(/ of \d+ drawn/).waitFor({ state: 'detached' });
    const dots = await page.getByTestId('quadrant-chart').locator('.dot').count();
    const q = report.quadrants;
    expect(dots).toBe(q.maintain.length + q.strengthen.length + q.overInvested.length + q.letBe.length);
    const goals = page.getByTestId('coverage-chart').locator(':scope > li');
    expect(await goals.count()).toBe(report.goals.items.length);
    for (const g of report.goals.items) {
      const row = page.getByTestId('coverage-chart').locator(':scope > li', { hasText: g.statement });
      expect(await row.locator('.badge').first().textContent()).toContain(g.verdict);
      expect(await row.getByRole('img').getAttribute('aria-label')).toContain(`Score ${g.score} `);
      expect(await row.locator('.need-chips li').count()).toBe(g.needs.length);
    }
  });

  it('shows each part collapsed to its first three items with its count, and opens it in place', async () => {
    const part = page.locator('#check-strengthen');
    const total = report.quadrants.strengthen.length;
    expect(total).toBeGreaterThan(3);
    expect(await part.getByRole('heading').textContent()).toBe(`Strengthen (${total})`);
    expect(await part.locator('.findings > li').count()).toBe(3);
    const more = part.getByRole('button', { name: `and ${total - 3} more` });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.scrollIntoViewIfNeeded();
    const headingTop = () => part.getByRole('heading').evaluate((el) => el.getBoundingClientRect().top);
    const before = await headingTop();
    await more.click();
    // The rest of the part is fetched when it opens (GET /api/check/parts/{part}): wait for its last item.
    await part.locator('.findings > li').nth(total - 1).waitFor();
    expect(await part.locator('.findings > li').count()).toBe(total);
    expect(await part.getByRole('button', { name: 'Show the first few only' }).getAttribute('aria-expanded')).toBe('true');
    // In place: still on the same page, nothing navigated.
    expect(new URL(page.url()).pathname).toBe('/check');
    expect(Math.abs((await headingTop()) - before)).toBeLessThan(2);
    await part.getByRole('button', { name: 'Show the first few only' }).click();
    expect(await part.locator('.findings > li').count()).toBe(3);
  });

  it('a card pointing to a part brings that part into view, its heading focused', async () => {
    const card = report.summary.cards.find((c) => c.target.kind === 'section' && c.target.section === 'reciprocity');
    expect(card).toBeDefined();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('link', { name: card!.action }).click();
    // Polled from here: the app's CSP forbids the string evaluation page.waitForFunction polls with.
    const focused = () => page.evaluate<string | null>('document.activeElement ? document.activeElement.id : null');
    for (let i = 0; i < 50 && (await focused()) !== 'check-reciprocity-title'; i++) await page.waitForTimeout(100);
    expect(await focused()).toBe('check-reciprocity-title');
    expect(await page.locator('#check-reciprocity').isVisible()).toBe(true);
    const top = await page.locator('#check-reciprocity-title').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(900);
  });

  it('a person card opens the person', async () => {
    const card = report.summary.cards.find((c) => c.target.kind === 'person')!;
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('link', { name: card.action, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: (card.target as { name: string }).name }).waitFor();
    await page.goBack();
  });

  it("prints on one A4 page: the cards, both pictures and each part's first items, without the controls", async () => {
    await page.goto(`${app.base}/check`);
    await page.getByRole('list', { name: 'Do now' }).waitFor();
    await page.locator('#check-start-here').getByRole('button', { name: /more$/ }).click();
    // The pictures and the opened part arrive after the summary: print once they are drawn.
    await page.getByTestId('quadrant-chart').waitFor();
    await page.getByTestId('coverage-chart').waitFor();
    await page.locator('#check-start-here').getByRole('button', { name: 'Show the first few only' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print a one-page report' }).isVisible()).toBe(false);
    expect(await page.getByTestId('quadrant-chart').isVisible()).toBe(true);
    expect(await page.getByTestId('coverage-chart').isVisible()).toBe(true);
    // Even an opened part prints its first three items only.
    expect(await page.locator('#check-start-here .findings > li:visible').count()).toBe(3);
    await page.screenshot({ path: join(SHOTS, 'check-print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it('on a phone, the dashboard fits the width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${app.base}/check`);
    await page.getByRole('list', { name: 'Do now' }).waitFor();
    await page.getByTestId('quadrant-chart').waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'check-dashboard-phone.png') });
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});

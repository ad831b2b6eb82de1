import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityProblems, SHOTS, startApp, type App } from './harness.js';

/**
 * The hive in a real Chromium, two members in two browser contexts: Lea makes a team
 * and invites Max by link; Max shares a person (held back: a network), Lea sees them
 * and asks for an introduction, Max answers, then withdraws, and Lea no longer sees
 * them. Everything either keeps to themselves carries a canary (zqxlea, zqxmax); the
 * team's pages, crawled as each, never show the other's.
 */
describe('the hive: two members, two browsers', () => {
  let app: App;
  let lea: Page;
  let max: Page;
  let teamPath = '';
  let anaId = '';
  beforeAll(async () => {
    app = await startApp({ serveArgs: (port) => ['--public-url', `http://127.0.0.1:${port}`] });
    // Lea's context lets axe-core be injected (bypassing the CSP); Max's keeps the app's CSP.
    lea = await (await app.browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })).newPage();
    max = await (await app.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const call = <T>(page: Page, path: string, method = 'GET', body?: unknown) =>
    page.evaluate<T, { path: string; method: string; body: unknown }>(
      async ({ path, method, body }) => {
        const response = await fetch(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
        return (text ? JSON.parse(text) : null) as T;
      },
      { path, method, body },
    );
  /** Everything a page holds: its markup and its text, and the team's files as that member downloads them. */
  const crawl = async (page: Page, paths: string[]) => {
    let all = '';
    for (const path of paths) {
      await page.goto(`${app.base}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByText('Loading').first().waitFor({ state: 'detached' }).catch(() => undefined);
      await page.waitForTimeout(300);
      all += (await page.content()) + (await page.evaluate<string>('document.body.innerText'));
    }
    return all;
  };

  it('two accounts with maps of their own; Lea makes a team and Max joins by its link', async () => {
    const code = /give the code ([A-Za-z0-9_-]+)/.exec(app.output())![1]!;
    await lea.goto(app.base);
    await call(lea, '/api/auth/setup', 'POST', { code, name: 'Lea Lead', email: 'lea@example.org', password: 'lea has a long passphrase' });
    const { path } = await call<{ path: string }>(lea, '/api/auth/invitations', 'POST', {});
    await max.goto(app.base);
    await call(max, `/api/auth/invitations/${path.split('/').pop()}/accept`, 'POST', { name: 'Max Member', email: 'max@example.org', password: 'max has a long passphrase' });

    const ana = await call<{ id: string }>(max, '/api/people', 'POST', {
      name: 'Ana Silva',
      organisation: 'Hospital Norte',
      category: 'leader-in-field',
      strength: 4,
      notes: 'zqxmax notes about Ana',
      channels: [
        { kind: 'email', value: 'ana.zqxmax@example.org' },
        { kind: 'phone', value: '+351 900 zqxmax' },
      ],
    });
    anaId = ana.id;
    await call(max, '/api/people', 'POST', { name: 'Zqxmax Hidden', organisation: 'Zqxmax Org', notes: 'zqxmax' });
    const physio = await call<{ id: string }>(max, '/api/networks', 'POST', { name: 'Physio Society', kind: 'professional-body', role: 'committee', notes: 'zqxmax network notes' });
    await call(max, '/api/networks', 'POST', { name: 'Zqxmax Club', kind: 'interest-group' });
    await call(max, `/api/networks/${physio.id}/members/${ana.id}`, 'PUT', { role: 'member' });
    await call(max, '/api/exchanges', 'POST', { channel: 'coffee', personIds: [ana.id], learned: 'zqxmax lesson kept', notes: 'zqxmax' });
    await call(lea, '/api/people', 'POST', { name: 'Zqxlea Private', notes: 'zqxlea', channels: [{ kind: 'email', value: 'zqxlea@example.org' }] });
    await call(lea, '/api/networks', 'POST', { name: 'Lea Network', kind: 'alumni', notes: 'zqxlea' });

    await lea.goto(`${app.base}/teams`);
    await lea.getByLabel('Team name').fill('Hive Alpha');
    await lea.getByRole('button', { name: 'Make the team' }).click();
    await lea.getByRole('heading', { name: 'Hive Alpha' }).waitFor();
    teamPath = new URL(lea.url()).pathname;
    await lea.getByRole('button', { name: 'Make an invitation link' }).click();
    const link = await lea.getByLabel(/^Invitation link/).inputValue();
    expect(link).toMatch(/\/team-invite\/[A-Za-z0-9_-]+$/);

    await max.goto(link);
    await max.getByText('Networks you would offer: Physio Society, Zqxmax Club.').waitFor();
    await max.getByRole('button', { name: 'Join the team' }).click();
    await max.getByRole('heading', { name: 'Hive Alpha' }).waitFor();
    expect(new URL(max.url()).pathname).toBe(teamPath);
  });

  it('Max holds a network back and shares Ana, previewed; Lea sees her and asks for an introduction; Max accepts', async () => {
    // A click, not check()/uncheck(): the box is replaced when the consent is read back, which may be before Playwright looks again.
    await max.getByLabel('Offer Zqxmax Club').click();
    await max.getByLabel('What my team will see').getByText(/^Networks: Physio Society \(/).waitFor();
    await max.getByLabel('Find someone in my map').fill('Ana');
    await max.getByRole('button', { name: 'Find', exact: true }).click();
    await max.getByLabel('Teammates may ask me for an introduction to Ana Silva').first().click();
    const preview = max.getByLabel('What my team will see');
    await preview.getByText(/People: Ana Silva, Hospital Norte, leader-in-field, tie 4\/5/).waitFor();
    await preview.getByText(/Networks: Physio Society \(professional-body, committee/).waitFor();
    expect(await preview.innerText()).not.toMatch(/zqxmax/i);
    await max.screenshot({ path: join(SHOTS, 'team-my-sharing.png'), fullPage: true });

    await lea.reload();
    const people = lea.getByRole('table', { name: 'Shared people' });
    await people.getByRole('cell', { name: 'Ana Silva', exact: true }).waitFor();
    lea.once('dialog', (dialog) => void dialog.accept('May I ask her about the research unit?'));
    await lea.getByRole('button', { name: 'Ask Max Member for an introduction to Ana Silva' }).click();
    await lea.getByRole('list', { name: 'Introduction requests' }).getByText(/You asked Max Member for an introduction to Ana Silva: “May I ask her about the research unit\?” — open/).waitFor();
    await lea.screenshot({ path: join(SHOTS, 'team-lead.png'), fullPage: true });
    const problems = await accessibilityProblems(lea);
    expect(problems.map((p) => `${p.id} (${p.impact}): ${p.help} at ${p.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await max.reload();
    await max.getByText(/Lea Lead asks you for an introduction to Ana Silva/).waitFor();
    await max.getByRole('button', { name: 'I will introduce them' }).click();
    await max.getByText(/Lea Lead asks you for an introduction to Ana Silva.*accepted/).waitFor();
    // The dance floor: Max shares news from the society; Lea, the lead, reads it and sees who shares.
    await max.locator('select[name="kind"]').selectOption('event');
    await max.getByLabel('News from my networks').fill('The society runs a grant-writing day in March');
    await max.locator('select[name="network"]').selectOption({ label: 'Physio Society' });
    await max.getByRole('button', { name: 'Share with the team' }).click();
    await max.getByRole('list', { name: 'The dance floor' }).getByText(/Max Member — Event: The society runs a grant-writing day in March \(from Physio Society\)/).waitFor();
    await lea.reload();
    await lea.getByRole('list', { name: 'The dance floor' }).getByText(/The society runs a grant-writing day in March/).waitFor();
    await lea.getByRole('list', { name: 'Who shares' }).getByText(/Max Member: 1 shared/).waitFor();
  }, 90_000);

  it('Max shares a learned item from Ana\'s timeline in one click, tagged to the society: Lea reads only its words', async () => {
    await call(max, '/api/exchanges', 'POST', {
      channel: 'lunch',
      personIds: [anaId],
      learned: 'Pilot studies open doors',
      notes: 'zqxmax lunch notes',
      gave: [{ kind: 'resource', note: 'zqxmax template' }],
      feeling: 'energising',
    });
    await max.goto(`${app.base}/people/${anaId}`);
    await max.getByRole('button', { name: 'Share with team: Pilot studies open doors' }).click();
    const form = max.getByRole('form', { name: 'Share with a team what you learned: Pilot studies open doors' });
    await form.getByText(/Only these words go to the team's dance floor/).waitFor();
    await form.locator('select[name="network"]').selectOption({ label: 'Physio Society' });
    await form.getByRole('button', { name: 'Share', exact: true }).click();
    await max.getByRole('status').getByText('Shared with Hive Alpha: only what you learned.').waitFor();

    await lea.goto(`${app.base}${teamPath}`);
    const floor = lea.getByRole('list', { name: 'The dance floor' });
    await floor.getByText(/Max Member — Learned: Pilot studies open doors \(from Physio Society\)/).waitFor();
    const text = await floor.innerText();
    expect(text).not.toMatch(/zqxmax|lunch|energising|template/i);
  }, 60_000);

  it('no team page or file shows a canary that is not the viewer\'s own: as the lead and as the member', async () => {
    const teamId = teamPath.split('/').pop()!;
    const asLea = await crawl(lea, ['/teams', teamPath, `${teamPath}/map`]);
    expect(asLea).toContain('Ana Silva');
    expect(asLea).toContain('Physio Society');
    // The team map, drawn from the consented graph: two hubs, the society and Ana around them, a legend of what is drawn.
    await lea.getByRole('img', { name: 'Team map of 2 members and 3 shared networks and people' }).waitFor();
    const legend = lea.getByTestId('team-map-legend');
    expect((await legend.innerText()).replace(/\s+/g, ' ')).toMatch(/member 2 .*professional body 1 .*alumni 1 .*leader in field 1/);
    expect(await lea.locator('[data-testid="team-map"] canvas').count()).toBeGreaterThan(0);
    await lea.screenshot({ path: join(SHOTS, 'team-map.png'), fullPage: true });
    const problems = await accessibilityProblems(lea);
    expect(problems.map((p) => `${p.id} (${p.impact}): ${p.help} at ${p.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    const files = await lea.evaluate<string>(`Promise.all(['export/gexf', 'export/graphml', 'map'].map((f) => fetch('/api/teams/${teamId}/' + f).then((r) => r.text()))).then((t) => t.join('\\n'))`);
    expect(files).toContain('Ana Silva');
    expect(`${asLea}\n${files}`).not.toMatch(/zqxmax/i);
    const asMax = await crawl(max, ['/teams', teamPath, `${teamPath}/map`]);
    await max.getByRole('img', { name: /^Team map of 2 members/ }).waitFor();
    expect(asMax).toContain('Lea Network');
    expect(asMax).not.toMatch(/zqxlea/i);
  });

  it('Max withdraws Ana: Lea no longer sees her', async () => {
    await max.goto(`${app.base}${teamPath}`);
    await max.getByRole('list', { name: 'People I share' }).getByLabel('Teammates may ask me for an introduction to Ana Silva').click();
    await max.getByLabel('What my team will see').getByText('People: none').waitFor();
    // Lea opens the team page again (the crawl left her on the team map).
    await lea.goto(`${app.base}${teamPath}`);
    await lea.getByRole('heading', { name: 'Hive Alpha' }).waitFor();
    await lea.getByRole('table', { name: 'Shared networks' }).getByText('Physio Society').waitFor();
    expect(await lea.evaluate<string>('document.body.innerText')).not.toContain('Ana Silva');
    expect(await lea.content()).not.toContain('Ana Silva');
  });
});

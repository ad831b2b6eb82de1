import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeSnapshot } from '../../src/demo/generate-map.js';
import { bulkLoad } from '../../src/services/bulk-load.js';
import { openSession } from '../../src/services/session.js';
import { updateProfile } from '../../src/services/workspace.js';
import type { Schema } from '../src/api/shapes.js';
import { startApp, type App } from './harness.js';

const PAGE = 50;
const QUADRANTS = ['maintain', 'strengthen', 'overInvested', 'letBe'] as const;

/**
 * The check page on a map too big for one look (1,500 people): the summary and the chart come first,
 * then each list a page of 50 at a time, never the whole of a list before the first paint.
 */
describe('the check page on a big map', () => {
  let app: App;
  let page: Page;
  let dataDir: string;
  let summary: Schema<'CheckSummaryView'>;
  const partsAsked: URL[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'waggle-check-paging-'));
    const snapshot = generateLargeSnapshot({ people: 1500, networks: 60, goals: 5, exchanges: 0, today: '2026-11-22', seed: 4 });
    const session = await openSession({ kind: 'sqlite', dataDir }, { clock: { now: () => new Date('2026-11-22T10:00:00Z') }, defaultTimeZone: 'UTC' });
    await bulkLoad(session.ctx, snapshot);
    await updateProfile(session.ctx, snapshot.profile);
    await session.close();
    app = await startApp({ dataDir, viewport: { width: 1366, height: 900 } });
    page = app.page;
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/check/parts/')) partsAsked.push(url);
    });
    summary = (await (await fetch(`${app.base}/api/check/summary`)).json()) as Schema<'CheckSummaryView'>;
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const dots = () => page.getByTestId('quadrant-chart').locator('.dot').count();
  /** Polls from the test's side: the app's CSP forbids the string evaluation page.waitForFunction polls with. */
  async function until(done: () => Promise<boolean>, what: string) {
    const end = Date.now() + 60_000;
    while (!(await done())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(100);
    }
  }

  it('draws each quadrant’s first page, and a page more of each on "Draw more"', async () => {
    const totals = QUADRANTS.map((q) => summary.quadrants[q].total);
    expect(Math.max(...totals)).toBeGreaterThan(2 * PAGE);
    await page.goto(`${app.base}/check`);
    await page.getByRole('list', { name: 'Do now' }).waitFor();
    await page.getByTestId('quadrant-chart').waitFor();
    const firstPages = totals.reduce((sum, t) => sum + Math.min(t, PAGE), 0);
    await until(async () => (await dots()) === firstPages, `${firstPages} dots`);
    const all = totals.reduce((sum, t) => sum + t, 0);
    expect(await page.locator('#check-quadrants').getByText(`${firstPages} dots of ${all} drawn`).count()).toBe(1);
    // Only first pages, of 50, were asked: nothing of 1,000 before the first paint.
    expect(partsAsked.map((u) => [u.searchParams.get('offset'), u.searchParams.get('limit')])).toEqual(partsAsked.map(() => ['0', String(PAGE)]));
    await page.getByRole('button', { name: 'Draw more' }).click();
    const twoPages = totals.reduce((sum, t) => sum + Math.min(t, 2 * PAGE), 0);
    await until(async () => (await dots()) === twoPages, `${twoPages} dots`);
  });

  it('opens a part at its first page and shows a page more at each "Show more", in the same order as the API', async () => {
    const strengthen = page.locator('#check-strengthen');
    const strong = summary.quadrants.strengthen.total;
    expect(strong).toBeGreaterThan(PAGE);
    await strengthen.getByRole('button', { name: `and ${strong - 3} more` }).click();
    await until(async () => (await strengthen.locator('.findings > li').count()) === PAGE, `${PAGE} items`);
    const more = strengthen.getByRole('button', { name: `Show more (${PAGE} of ${strong} shown)` });
    await more.click();
    const shown = Math.min(strong, 2 * PAGE);
    await until(async () => (await strengthen.locator('.findings > li').count()) === shown, `${shown} items`);
    const expected = (await (await fetch(`${app.base}/api/check/parts/strengthen?offset=0&limit=${shown}`)).json()) as { items: { name: string }[] };
    const names = await strengthen.locator('.findings > li a').allTextContents();
    expect(names).toEqual(expected.items.map((i) => i.name));
  });
});

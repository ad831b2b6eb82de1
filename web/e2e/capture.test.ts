import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outlookCalendarExport } from '../../src/test-support/capture-fixtures.js';
import { SHOTS, startApp, type App } from './harness.js';

/**
 * Capture in a real browser: a calendar export imported on the Import page,
 * its proposals chosen and logged, and the result on the person's timeline
 * with the next contact moved by it.
 */
describe('capturing a calendar in the browser', () => {
  let app: App;
  let page: Page;
  let ana: string;

  const post = async (path: string, body: unknown, method = 'POST') => {
    const response = await fetch(`${app.base}${path}`, { method, headers: { 'content-type': 'application/json', origin: app.base }, body: JSON.stringify(body) });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as { id: string };
  };

  beforeAll(async () => {
    app = await startApp();
    page = app.page;
    await post('/api/profile', { timeZone: 'Europe/London', emails: ['me@example.org'] }, 'PATCH');
    ana = (await post('/api/people', { name: 'Ana Silva', cadence: '1m', channels: [{ kind: 'email', value: 'ana@example.org' }] })).id;
    await post('/api/people', { name: 'Kofi Mensah', channels: [{ kind: 'email', value: 'kofi@example.org' }] });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('previews the proposals, logs the chosen ones, and shows them on the timeline with the next contact moved', async () => {
    await page.goto(`${app.base}/people/${ana}`);
    await page.getByRole('heading', { level: 1, name: 'Ana Silva' }).waitFor();
    await page.getByText('2026-12-22 (from the cadence)').waitFor();

    await page.goto(`${app.base}/import`);
    await page.locator('input[type=file]').setInputFiles({ name: 'calendar.ics', mimeType: 'text/calendar', buffer: Buffer.from(outlookCalendarExport()) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: /4 exchanges proposed from 3 events/ }).waitFor();
    await page.getByText('Left out: 1 cancelled.').waitFor();
    await page.screenshot({ path: join(SHOTS, '40-capture-preview.png'), fullPage: true });
    // The June lunch did not happen after all: untick it.
    await page.getByRole('checkbox', { name: 'Log 2026-06-15 with Kofi Mensah' }).uncheck();
    await page.getByRole('button', { name: 'Log 3 exchanges, decline 1' }).click();
    await page.getByText('Logged 3 exchanges, declined 1.').waitFor();
    await page.screenshot({ path: join(SHOTS, '41-capture-done.png') });

    await page.getByRole('link', { name: 'Ana Silva' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Silva' }).waitFor();
    const timeline = page.locator('ol.timeline');
    await timeline.getByText('Grant proposal review').waitFor();
    expect(await timeline.locator('li').first().textContent()).toMatch(/^2026-11-19 video/);
    await page.getByText('2026-12-19 (from the cadence)').waitFor();
    await page.screenshot({ path: join(SHOTS, '42-capture-timeline.png'), fullPage: true });

    const kofi = (await (await fetch(`${app.base}/api/exchanges`)).json()) as { items: { occurredOn: string }[] };
    expect(kofi.items.map((e) => e.occurredOn).sort()).toEqual(['2026-05-15', '2026-08-15', '2026-11-19']);
  });

  it('proposes nothing twice when the same calendar is imported again', async () => {
    await page.goto(`${app.base}/import`);
    await page.locator('input[type=file]').setInputFiles({ name: 'calendar.ics', mimeType: 'text/calendar', buffer: Buffer.from(outlookCalendarExport()) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: /0 exchanges proposed from 3 events/ }).waitFor();
    await page.getByText('Left out: 3 captured before; 1 declined before; 1 cancelled.').waitFor();
  });

  it('names the line of a broken calendar and stores nothing', async () => {
    const broken = outlookCalendarExport().replace('SUMMARY;LANGUAGE=en-GB:Grant proposal review', 'SUMMARY Grant proposal review');
    const line = broken.split('\r\n').indexOf('SUMMARY Grant proposal review') + 1;
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: Buffer.from(broken) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('alert').filter({ hasText: `line ${line}: not a calendar line` }).waitFor();
  });
});

import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startApp, type App } from './harness.js';

/**
 * On a phone (390×844) the lists are cards, not tables cut to three columns: every
 * field of a row shows, named, within the screen's width. Checked in headless
 * Chromium on the demo map: people, networks, goals and a person's journal.
 */
describe('lists on a phone are cards', () => {
  let app: App;
  let page: Page;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 390, height: 844 } });
    page = app.page;
    await fetch(`${app.base}/api/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');

  /** Each cell of the row: shown, inside the screen, and named by its label before it (the column header, hidden on a phone). */
  async function expectCard(row: Locator, labels: string[]): Promise<void> {
    const box = await row.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const cells = row.locator('td');
    expect(await cells.count()).toBe(labels.length);
    for (const [i, label] of labels.entries()) {
      const cell = cells.nth(i);
      if ((await cell.textContent())?.trim() === '') continue; // an empty field is left out of the card
      expect(await cell.isVisible(), label).toBe(true);
      const cellBox = (await cell.boundingBox())!;
      expect(cellBox.x + cellBox.width, label).toBeLessThanOrEqual(390);
      // The name needs no label; every other field says what it is, from its data-label.
      expect(await cell.getAttribute('data-label'), label).toBe(label);
      const before = await cell.evaluate((td, pseudo) => td.ownerDocument.defaultView!.getComputedStyle(td, pseudo).content, '::before');
      if (i === 0) expect(before, label).toBe('none');
      else expect(before, label).not.toMatch(/^(none|normal)$/);
    }
    // Stacked: the fields sit one under another, not side by side as table cells (an empty field has no box).
    const boxes = (await Promise.all(labels.map((_, i) => cells.nth(i).boundingBox()))).filter((b) => b !== null);
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    expect(boxes.at(-1)!.y).toBeGreaterThan(boxes[0]!.y);
  }

  it('people: every field of every row shows on the card, and nothing is wider than the phone', async () => {
    await page.goto(`${app.base}/people`);
    const rows = page.getByRole('table', { name: 'People' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(1);
    // The header row is there for screen readers, not drawn.
    const header = (await page.getByRole('table', { name: 'People' }).locator('thead').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(1);
    for (let i = 0; i < Math.min(5, await rows.count()); i++) await expectCard(rows.nth(i), ['Name', 'Organisation', 'Stage', 'Strength', 'Importance', 'Next contact']);
    // The fields the three-column table used to cut are there, with their values.
    const strength = rows.first().locator('td[data-label="Strength"]');
    expect(await strength.isVisible()).toBe(true);
    expect((await strength.textContent())?.trim()).toMatch(/^[0-5]$/);
    await page.screenshot({ path: join(SHOTS, '30-phone-people-cards.png'), fullPage: false });
  });

  it('networks: the kind, my role, scores and hours show on each card', async () => {
    await page.goto(`${app.base}/networks`);
    const rows = page.getByRole('table', { name: 'Networks' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(1);
    const count = await rows.count();
    expect(count).toBeGreaterThan(3);
    for (let i = 0; i < count; i++) await expectCard(rows.nth(i), ['Network', 'Kind', 'My role', 'Strength', 'Importance', 'Hours a month']);
  });

  it('goals and a person’s journal are cards and lists that fit the phone', async () => {
    await page.goto(`${app.base}/goals`);
    const goal = page.locator('article.card').first();
    await goal.waitFor();
    expect(await overflow()).toBeLessThanOrEqual(1);
    const box = (await goal.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);

    const rosa = ((await (await fetch(`${app.base}/api/people?search=Rosa`)).json()) as { items: { id: string }[] }).items[0]!.id;
    await page.goto(`${app.base}/people/${rosa}`);
    const entry = page.locator('ol.timeline > li').first();
    await entry.waitFor();
    expect(await overflow()).toBeLessThanOrEqual(1);
    const entryBox = (await entry.boundingBox())!;
    expect(entryBox.x + entryBox.width).toBeLessThanOrEqual(390);
  });

  it('on a desktop the same lists stay tables with their header row', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    try {
      await page.goto(`${app.base}/people`);
      const table = page.getByRole('table', { name: 'People' });
      await table.locator('tbody tr').first().waitFor();
      expect(await table.locator('thead th').first().isVisible()).toBe(true);
      const cells = table.locator('tbody tr').first().locator('td');
      // Side by side in one row: the same top edge.
      expect((await cells.nth(5).boundingBox())!.y).toBeCloseTo((await cells.nth(0).boundingBox())!.y, 0);
    } finally {
      await page.setViewportSize({ width: 390, height: 844 });
    }
  });
});

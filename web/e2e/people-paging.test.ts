import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startApp, type App } from './harness.js';

/** The People page's Next goes on by cursor (keyset paging); Previous goes back by offset. In a real Chromium. */
describe('paging through people in a real browser', () => {
  let app: App;
  let page: Page;
  let base: string;
  const firstName = () => page.getByRole('table', { name: 'People' }).locator('tbody tr td[data-label="Name"]').first().innerText();

  beforeAll(async () => {
    app = await startApp();
    ({ page, base } = app);
    await page.goto(base);
    // 120 people, added from the page itself (same origin, as the app's own requests are).
    const added = await page.evaluate(async () => {
      let ok = 0;
      for (let i = 1; i <= 120; i++) {
        const r = await fetch('/api/people', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: `Person ${String(i).padStart(3, '0')}` }) });
        if (r.status === 201) ok += 1;
      }
      return ok;
    });
    expect(added).toBe(120);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('goes on by cursor with Next, and back by offset with Previous', async () => {
    await page.goto(`${base}/people?sort=name`);
    await page.getByText('1–50 of 120').waitFor();
    expect(await firstName()).toBe('Person 001');
    const pager = page.getByRole('navigation', { name: 'Pages' });

    await pager.getByRole('button', { name: 'Next' }).click();
    await page.getByText('51–100 of 120').waitFor();
    // The pager's words follow the address at once; the rows follow when the page arrives.
    await expect.poll(firstName, { timeout: 15_000 }).toBe('Person 051');
    expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();

    await pager.getByRole('button', { name: 'Next' }).click();
    await page.getByText('101–120 of 120').waitFor();
    await expect.poll(firstName, { timeout: 15_000 }).toBe('Person 101');
    expect(await pager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'people-paging-last.png'), fullPage: true });

    await pager.getByRole('button', { name: 'Previous' }).click();
    await page.getByText('51–100 of 120').waitFor();
    // The pager's words follow the address at once; the rows follow when the page arrives.
    await expect.poll(firstName, { timeout: 15_000 }).toBe('Person 051');
    expect(new URL(page.url()).searchParams.get('cursor')).toBeNull();
  }, 60_000);
});

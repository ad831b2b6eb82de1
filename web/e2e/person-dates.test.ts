import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayOfYearWritten, dayWritten } from '../src/dates.js';
import { accessibilityProblems, SHOTS, startApp, type App } from './harness.js';

/**
 * Dates that matter in the browser: added, changed and removed on the person's page,
 * with each mistake marked on its field, and the ones still to come on This month,
 * each linked to its person. The clock is fixed at 2026-11-22 (harness.ts).
 */
describe('dates that matter on the person page and This month', () => {
  let app: App;
  let page: Page;
  let ana: string;
  let locale: string;
  const send = async (method: string, path: string, body: unknown) =>
    (await fetch(`${app.base}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<{ id: string }>;
  const storedDates = async (id: string) => ((await (await fetch(`${app.base}/api/people/${id}/dates`)).json()) as { dates: unknown[] }).dates;

  beforeAll(async () => {
    // axe is injected as a script, so the CSP is off here; the app's CSP is tested elsewhere.
    app = await startApp({ bypassCsp: true });
    page = app.page;
    ana = (await send('POST', '/api/people', { name: 'Ana Silva' })).id;
    // A hostile name, a date already past this month and one next month: only the first is listed.
    const hostile = (await send('POST', '/api/people', { name: '<img src=x onerror=alert(1)>' })).id;
    await send('PUT', `/api/people/${hostile}/dates`, { dates: [{ kind: 'anniversary', label: null, month: 11, day: 30, year: 2016 }] });
    const rui = (await send('POST', '/api/people', { name: 'Rui Costa' })).id;
    await send('PUT', `/api/people/${rui}/dates`, { dates: [{ kind: 'birthday', label: null, month: 11, day: 5, year: null }, { kind: 'other', label: 'Joined the society', month: 12, day: 1, year: null }] });
    await page.goto(app.base);
    locale = await page.evaluate<string>('navigator.language');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('adds a birthday, an anniversary and a named date, marking each mistake on its field until it is put right', async () => {
    await page.goto(`${app.base}/people/${ana}`);
    const section = page.getByRole('region', { name: 'Dates that matter' });
    await section.getByText('No birthday or other date yet.').waitFor();
    await section.getByRole('button', { name: 'Change dates' }).click();
    const form = page.getByRole('form', { name: 'Dates that matter' });
    await form.getByRole('button', { name: 'Add a date' }).click();
    const first = form.getByRole('group', { name: 'Date 1' });
    expect(await first.getByLabel('Kind', { exact: true }).inputValue()).toBe('birthday');
    await first.getByLabel('Date', { exact: true }).fill('11-31');
    await form.getByRole('button', { name: 'Add a date' }).click();
    const second = form.getByRole('group', { name: 'Date 2' });
    await second.getByLabel('Kind', { exact: true }).selectOption('anniversary');
    await second.getByLabel('Date', { exact: true }).fill('2016-03-12');
    await form.getByRole('button', { name: 'Add a date' }).click();
    const third = form.getByRole('group', { name: 'Date 3' });
    await third.getByLabel('Kind', { exact: true }).selectOption('other');
    await third.getByLabel('Date', { exact: true }).fill('2019-09-01');
    await form.getByRole('button', { name: 'Save dates' }).click();

    await form.getByRole('alert').getByText('2 things need a look: see the marked fields.').waitFor();
    const badDay = first.getByLabel('Date', { exact: true });
    expect(await badDay.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await badDay.getAttribute('aria-describedby')}`).textContent()).toBe('"11-31": month 11 has no day 31');
    expect(await third.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await second.getByLabel('Date', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await storedDates(ana)).toEqual([]);
    // The editor with its marks is as accessible as the rest.
    expect((await accessibilityProblems(page)).map((p) => `${p.id}: ${p.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'person-dates-errors.png'), fullPage: true });

    await badDay.fill('1985-11-28');
    expect(await badDay.getAttribute('aria-invalid')).toBeNull();
    await third.getByLabel('Name', { exact: true }).fill('Started at the trust');
    await form.getByRole('button', { name: 'Save dates' }).click();
    const list = section.getByTestId('person-dates');
    await list.waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      `Birthday: ${dayWritten('1985-11-28', locale)}`,
      `Anniversary: ${dayWritten('2016-03-12', locale)}`,
      `Started at the trust: ${dayWritten('2019-09-01', locale)}`,
    ]);
    expect(await storedDates(ana)).toEqual([
      { kind: 'birthday', label: null, month: 11, day: 28, year: 1985 },
      { kind: 'anniversary', label: null, month: 3, day: 12, year: 2016 },
      { kind: 'other', label: 'Started at the trust', month: 9, day: 1, year: 2019 },
    ]);
  });

  it('changes one date and removes another; a second birthday is refused on its field', async () => {
    await page.goto(`${app.base}/people/${ana}`);
    const section = page.getByRole('region', { name: 'Dates that matter' });
    await section.getByRole('button', { name: 'Change dates' }).click();
    const form = page.getByRole('form', { name: 'Dates that matter' });
    await form.getByRole('button', { name: 'Remove date 2' }).click();
    // The named date moved up to be the second.
    await form.getByRole('group', { name: 'Date 2' }).getByLabel('Date', { exact: true }).fill('09-02');
    await form.getByRole('button', { name: 'Add a date' }).click();
    const extra = form.getByRole('group', { name: 'Date 3' });
    await extra.getByLabel('Kind', { exact: true }).selectOption('birthday');
    await extra.getByLabel('Date', { exact: true }).fill('1990-01-01');
    await form.getByRole('button', { name: 'Save dates' }).click();
    await extra.getByText('a person has one birthday: remove this one or the other').waitFor();
    expect(await extra.getByLabel('Date', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Remove date 3' }).click();
    await form.getByRole('button', { name: 'Save dates' }).click();
    await section.getByTestId('person-dates').waitFor();
    expect(await section.getByTestId('person-dates').getByRole('listitem').allTextContents()).toEqual([
      `Birthday: ${dayWritten('1985-11-28', locale)}`,
      `Started at the trust: ${dayOfYearWritten(9, 2, locale)}`,
    ]);
    expect(await storedDates(ana)).toEqual([
      { kind: 'birthday', label: null, month: 11, day: 28, year: 1985 },
      { kind: 'other', label: 'Started at the trust', month: 9, day: 2, year: null },
    ]);
  });

  it("lists on This month the dates still to come, each person linked, a hostile name as text; and Ana's link leads to her", async () => {
    await page.goto(app.base);
    const card = page.getByRole('article', { name: 'Dates this month' });
    const list = card.getByTestId('dates-this-month');
    await list.getByRole('listitem').first().waitFor();
    expect(await list.getByRole('listitem').allTextContents()).toEqual([
      `Ana Silva Birthday, turns 41 ${dayOfYearWritten(11, 28, locale)}`,
      `<img src=x onerror=alert(1)> Anniversary, 10 years ${dayOfYearWritten(11, 30, locale)}`,
    ]);
    expect(await page.locator('main img').count()).toBe(0);
    expect(app.dialogs).toEqual([]);
    expect((await accessibilityProblems(page)).map((p) => p.id)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'this-month-dates.png'), fullPage: true });
    await card.getByRole('link', { name: 'Ana Silva' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Silva' }).waitFor();
    expect(page.url()).toBe(`${app.base}/people/${ana}`);
  });
});

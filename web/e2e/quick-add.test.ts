import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, startApp, type App } from './harness.js';

interface Detail {
  person: { name: string; organisation: string | null; knowAndLike: boolean; channels: { kind: string; value: string }[] };
  goals: { goal: { statement: string }; relevance: number }[];
  networks: { network: { name: string }; role: string | null }[];
}

/**
 * A map in minutes: a new user, on an empty map, makes a goal, two networks and ten
 * people linked to all three, counting every click, keystroke batch and choice.
 */
describe('a map in minutes', () => {
  let app: App;
  let page: Page;
  let actions = 0;
  /** One user action: a click, a typed field, a ticked box, a chosen option. */
  const act = async (work: () => Promise<unknown>) => {
    actions++;
    await work();
  };
  const people = async () => (await (await fetch(`${app.base}/api/people`)).json()) as { items: { id: string; name: string }[]; total: number };
  const detail = async (id: string) => (await (await fetch(`${app.base}/api/people/${id}`)).json()) as Detail;

  beforeAll(async () => {
    app = await startApp({ viewport: { width: 1366, height: 900 } });
    page = app.page;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  it('a new user maps 10 people linked to a goal and two networks in under 40 actions', async () => {
    await page.goto(app.base);
    await page.getByRole('heading', { name: 'Start your map' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });

    await act(() => nav.getByRole('link', { name: 'Goals' }).click());
    await act(() => page.getByRole('button', { name: 'Add a goal' }).click());
    await act(() => page.getByLabel('Goal', { exact: true }).fill('Get involved in research in my clinical specialty'));
    await act(() => page.getByRole('button', { name: 'Add goal' }).click());
    await page.getByText('Get involved in research in my clinical specialty').first().waitFor();

    for (const name of ['Physio Society', 'Respiratory Research Network']) {
      await act(() => nav.getByRole('link', { name: 'Networks' }).click());
      await act(() => page.getByRole('button', { name: 'Add a network' }).click());
      await act(() => page.getByLabel('Name', { exact: true }).fill(name));
      await act(() => page.getByRole('button', { name: 'Add network' }).click());
      await page.getByRole('heading', { level: 1, name }).waitFor();
    }

    await act(() => nav.getByRole('link', { name: 'People' }).click());
    await act(() => page.getByRole('button', { name: 'Quick add several' }).click());
    const lines = [
      'Ana Silva, Hospital Norte, ana@example.org',
      'Rui Costa, Physio Society',
      'Dr Mia Lee, University of Porto, mia.lee@example.org',
      'Tom Ng',
      'Sara Lopes, Hospital Norte, Lisbon, sara@example.org',
      'João Pires, jp@example.org',
      'Kate Brennan, Trinity College',
      'Vikram Nair',
      'Lena Hoffmann, Charité, lena@example.de',
      'Omar Farouk, NHS Lothian',
    ];
    await act(() => page.getByLabel(/One person a line/).fill(lines.join('\n')));
    const form = page.getByRole('form', { name: 'Quick add several people' });
    await act(() => form.getByLabel('Get involved in research in my clinical specialty').check());
    await act(() => form.getByLabel('Physio Society', { exact: true }).check());
    await act(() => form.getByLabel('Respiratory Research Network', { exact: true }).check());
    await page.screenshot({ path: join(SHOTS, 'quick-add.png'), fullPage: true });
    await act(() => form.getByRole('button', { name: 'Add 10 people' }).click());
    await page.getByRole('status').getByText('Added 10 people.').waitFor();

    expect(actions).toBeLessThan(40);
    const list = await people();
    expect(list.total).toBe(10);
    for (const p of list.items) {
      const d = await detail(p.id);
      expect(d.goals.map((g) => [g.goal.statement, g.relevance])).toEqual([['Get involved in research in my clinical specialty', 4]]);
      expect(d.networks.map((n) => n.network.name).sort()).toEqual(['Physio Society', 'Respiratory Research Network']);
      expect(d.person.knowAndLike).toBe(true);
    }
    const sara = list.items.find((p) => p.name === 'Sara Lopes')!;
    expect((await detail(sara.id)).person).toMatchObject({ organisation: 'Hospital Norte, Lisbon', channels: [expect.objectContaining({ kind: 'email', value: 'sara@example.org' })] });
    console.log(`a map of 10 people, a goal and two networks: ${actions} actions`);
  }, 90_000);

  it('a line that cannot be read is named, and nobody is added until it is fixed', async () => {
    const before = (await people()).total;
    await page.getByRole('button', { name: 'Quick add several' }).click();
    const form = page.getByRole('form', { name: 'Quick add several people' });
    await page.getByLabel(/One person a line/).fill('Nina Berg, Oslo\n, no name here\nPia Moe, pia@');
    const problems = page.getByRole('list', { name: 'Lines to fix' });
    await problems.waitFor();
    expect(await problems.getByRole('listitem').allTextContents()).toEqual(['line 2: the name is missing (write "Name, Organisation, email")', 'line 3: "pia@" is not an email address']);
    await form.getByRole('button', { name: /^Add 1 person$/ }).click();
    await form.getByRole('alert').waitFor();
    expect((await people()).total).toBe(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the add form marks the field the server refuses, beside it, and adds nobody', async () => {
    const before = (await people()).total;
    await page.getByRole('button', { name: 'Add a person' }).click();
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name', { exact: true }).fill('Eva Lund');
    await form.getByLabel('Organisation').fill('O'.repeat(201));
    await form.getByRole('button', { name: 'Add person' }).click();
    // The server names people.0.organisation (the person is sent as one of a list); the form reads it as its own field.
    const refusal = form.getByRole('alert');
    await refusal.waitFor({ timeout: 5000 });
    const organisation = form.getByLabel('Organisation');
    expect(await organisation.getAttribute('aria-invalid')).toBe('true');
    expect((await organisation.getAttribute('aria-describedby'))?.split(' ')).toContain(await refusal.getAttribute('id'));
    expect(await refusal.textContent()).toBe('must be at most 200 characters');
    expect(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect((await people()).total).toBe(before);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('the add form links the new person to goals and networks, and "Add and add another" keeps the links for the next', async () => {
    await page.getByRole('button', { name: 'Add a person' }).click();
    const form = page.getByRole('form', { name: 'Add a person' });
    await form.getByLabel('Name', { exact: true }).fill('Eva Lund');
    await form.getByLabel('Get involved in research in my clinical specialty').check();
    await form.getByLabel('Relevance').selectOption('5');
    await form.getByLabel('Physio Society', { exact: true }).check();
    await form.getByLabel('Their role').selectOption('committee');
    await form.getByRole('button', { name: 'Add and add another' }).click();
    await form.getByRole('status').getByText('Added Eva Lund').waitFor();
    expect(await form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await form.getByLabel('Name', { exact: true }).fill('Finn Dahl');
    await form.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Finn Dahl' }).waitFor();
    const list = await people();
    for (const name of ['Eva Lund', 'Finn Dahl']) {
      const d = await detail(list.items.find((p) => p.name === name)!.id);
      expect(d.goals.map((g) => g.relevance)).toEqual([5]);
      expect(d.networks.map((n) => [n.network.name, n.role])).toEqual([['Physio Society', 'committee']]);
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

describe('dates that matter on the command line', () => {
  let dir: string;
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.WAGGLE_NOW;
    process.env.WAGGLE_NOW = '2026-11-22T10:00:00Z';
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WAGGLE_NOW;
    else process.env.WAGGLE_NOW = previous;
  });
  // A data folder per test: what \`waggle due\` lists is one test's dates alone, in any order.
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'waggle-dates-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('sets a birthday and a named date with person edit, refuses a bad one naming the flag, and waggle due shows what comes round', async () => {
    expect((await waggleInProcess(dir, ['person', 'add', 'Ana Silva'])).code).toBe(0);
    expect((await waggleInProcess(dir, ['person', 'edit', 'Ana Silva', '--birthday', '11-25', '--date', 'Started at the trust=2019-12-20'])).code).toBe(0);
    const bad = await waggleInProcess(dir, ['person', 'edit', 'Ana Silva', '--birthday', '1985-02-30']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/--birthday.*no day 30/);

    const due = await waggleInProcess(dir, ['due']);
    expect(due.stdout).toMatch(/Dates:\n.*\n2026-11-25\s+Birthday\s+Ana Silva/);
    expect(due.stdout).not.toMatch(/Started at the trust/);
    const month = JSON.parse((await waggleInProcess(dir, ['due', '--within', '31', '--json'])).stdout) as { dates: { on: string; label: string | null }[] };
    expect(month.dates.map((d) => [d.on, d.label])).toEqual([['2026-11-25', null], ['2026-12-20', 'Started at the trust']]);

    // The dates go with the other changes: a date refused refuses the whole edit.
    const long = await waggleInProcess(dir, ['person', 'edit', 'Ana Silva', '--role', 'Consultant', '--date', `${'x'.repeat(121)}=2020-01-01`]);
    expect(long.code).not.toBe(0);
    expect(long.stderr).toMatch(/--date/);
    const unchanged = JSON.parse((await waggleInProcess(dir, ['person', 'show', 'Ana Silva', '--json'])).stdout) as { person: { role: string | null }; dates: { label: string | null }[] };
    expect([unchanged.person.role, unchanged.dates.map((d) => d.label)]).toEqual([null, [null, 'Started at the trust']]);

    expect((await waggleInProcess(dir, ['person', 'edit', 'Ana Silva', '--birthday', 'none'])).code).toBe(0);
    expect((await waggleInProcess(dir, ['person', 'show', 'Ana Silva'])).stdout).toMatch(/Dates:\n {2}Started at the trust: 2019-12-20$/m);
  });

  it('person add takes the dates with the person in one go: a bad one adds nobody, and names its flag', async () => {
    const added = await waggleInProcess(dir, ['person', 'add', 'Bo Li', '--birthday', '1990-11-30', '--anniversary', '06-01', '--date', 'Joined the society=2021-03-15', '--json']);
    expect(added.code).toBe(0);
    const shown = JSON.parse((await waggleInProcess(dir, ['person', 'show', 'Bo Li', '--json'])).stdout) as { dates: unknown[] };
    expect(shown.dates).toEqual([
      { kind: 'birthday', label: null, month: 11, day: 30, year: 1990 },
      { kind: 'anniversary', label: null, month: 6, day: 1, year: null },
      { kind: 'other', label: 'Joined the society', month: 3, day: 15, year: 2021 },
    ]);

    for (const [flags, problem] of [
      [['--birthday', '1985-02-30'], /--birthday.*no day 30/],
      [['--date', 'Graduation=sometime'], /--date.*not a date/],
      [['--birthday', '04-12', '--date', `${'x'.repeat(121)}=2020-01-01`], /--date/],
    ] as const) {
      const refused = await waggleInProcess(dir, ['person', 'add', 'Nobody Added', ...flags]);
      expect(refused.code, flags.join(' ')).not.toBe(0);
      expect(refused.stderr).toMatch(problem);
    }
    const list = JSON.parse((await waggleInProcess(dir, ['person', 'list', '--search', 'Nobody', '--json'])).stdout) as { items: unknown[] };
    expect(list.items).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waggleInProcess } from '../test-support/waggle-in-process.js';

describe('dates that matter on the command line', () => {
  let dir: string;
  let previous: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'waggle-dates-'));
    previous = process.env.WAGGLE_NOW;
    process.env.WAGGLE_NOW = '2026-11-22T10:00:00Z';
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.WAGGLE_NOW;
    else process.env.WAGGLE_NOW = previous;
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

    expect((await waggleInProcess(dir, ['person', 'edit', 'Ana Silva', '--birthday', 'none'])).code).toBe(0);
    expect((await waggleInProcess(dir, ['person', 'show', 'Ana Silva'])).stdout).toMatch(/Dates:\n {2}Started at the trust: 2019-12-20$/m);
  });
});

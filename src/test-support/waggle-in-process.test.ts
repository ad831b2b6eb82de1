import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waggleInProcess } from './waggle-in-process.js';

/*
 * Runs of the in-process `waggle` overlap when a test times out (vitest moves on while the run goes
 * on) or when a test starts two at once. Each run's output must stay its own.
 */
describe('the in-process waggle keeps each run’s output its own', () => {
  const folders = [mkdtempSync(join(tmpdir(), 'waggle-inproc-a-')), mkdtempSync(join(tmpdir(), 'waggle-inproc-b-'))];
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });
  const [ada, bea] = folders as [string, string];

  it('two runs at once on two data folders each capture only their own output', async () => {
    expect((await waggleInProcess(ada, ['person', 'add', 'Ada Lovelace'])).code).toBe(0);
    expect((await waggleInProcess(bea, ['person', 'add', 'Bea Okafor'])).code).toBe(0);
    const runs = await Promise.all([
      waggleInProcess(ada, ['person', 'list', '--json']),
      waggleInProcess(bea, ['person', 'list', '--json']),
      waggleInProcess(ada, ['person', 'show', 'Nobody Here']),
    ]);
    const [adaList, beaList, missing] = runs;
    expect(JSON.parse(adaList.stdout).items.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace']);
    expect(JSON.parse(beaList.stdout).items.map((p: { name: string }) => p.name)).toEqual(['Bea Okafor']);
    expect(adaList.stderr + beaList.stderr).toBe('');
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/Nobody Here/);
  });

  it('a run nobody waits for any more does not write into the next one’s capture', async () => {
    // Started and left running, as a timed-out test leaves its run.
    const abandoned = waggleInProcess(ada, ['person', 'list', '--json']);
    const next = await waggleInProcess(bea, ['person', 'list']);
    expect(next.stdout).toContain('Bea Okafor');
    expect(next.stdout).not.toContain('Ada Lovelace');
    expect((await abandoned).stdout).toContain('Ada Lovelace');
  });

  it('a write outside any run still reaches the real stream', () => {
    // Nothing captures it: write returns what the stream itself returns, and the callback runs.
    let called = false;
    const accepted = process.stdout.write('', () => (called = true));
    expect(typeof accepted).toBe('boolean');
    return new Promise<void>((resolve) => setImmediate(() => (expect(called).toBe(true), resolve())));
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { growHeapSlowly, NO_PRETENURING } from './heap-growth.js';

const mb = (bytes: number) => bytes / 2 ** 20;

/**
 * What a busy server does to its heap: a set it keeps (here some 15 MB of ids, like the listings'
 * kept orders), each part replaced again and again, the old one left for the collector after it
 * has lived long enough to be promoted to the old space. Returns the most heap in use meanwhile,
 * above what was in use before.
 */
function churn(rounds: number): { live: number; mostUsed: number } {
  const before = getHeapStatistics().used_heap_size;
  const kept = Array.from({ length: 12 }, (_, part) => Array.from({ length: 10_000 }, (_, i) => `person-${part}-${i}-0123456789`));
  let mostUsed = 0;
  for (let round = 0; round < rounds; round++) {
    kept[round % kept.length] = Array.from({ length: 10_000 }, (_, i) => `person-${round}-${i}-0123456789`);
    mostUsed = Math.max(mostUsed, getHeapStatistics().used_heap_size);
  }
  return { live: kept.reduce((sum, part) => sum + part.length, 0), mostUsed: mb(mostUsed - before) };
}

describe("the server's heap growth", () => {
  // This test file's process runs with the setting from here on (vitest gives each file its own).
  it('keeps the heap near what is held under a churn that V8 alone lets grow to several times that', () => {
    growHeapSlowly();
    const { live, mostUsed } = churn(200);
    expect(live).toBe(12 * 10_000);
    // Some 15 MB more held; V8's own growth let some 80–90 MB more be in use on this churn, at 1.5 times about 45.
    expect(mostUsed).toBeLessThan(65);
  });

  it('refuses a growth that is not a positive whole percent', () => {
    expect(() => growHeapSlowly(0)).toThrow(RangeError);
    expect(() => growHeapSlowly(12.5)).toThrow(/positive whole number/);
  });
});

/*
 * What a server's answers do to V8's pretenuring (allocateYoungFirst): a process holding a set
 * (like the server's kept answers), then a burst of answers each outliving a young collection
 * (50 clients at once), then answers that die as soon as made. How much the old space grows over
 * those last: with pretenuring, V8 learned from the burst to make them in the old space.
 */
const ANSWERS_AFTER_A_BURST = `
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
if (process.argv[2]) setFlagsFromString(process.argv[2]);
const oldUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_used_size;
const held = Array.from({ length: 600_000 }, (_, i) => ({ kept: i, name: 'person ' + i, tags: [i] }));
function answer(i) { return { id: i, status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":' + i + '}' }; }
function run(inFlight, n) { const ring = new Array(inFlight); for (let i = 0; i < n; i++) ring[i % inFlight] = answer(i); }
run(300_000, 1_500_000);
const before = oldUsed();
run(1_000, 1_000_000);
process.stdout.write(JSON.stringify({ oldGrewMb: (oldUsed() - before) / 2 ** 20, held: held.length }));
`;

describe("the server's answers after a burst", () => {
  const script = join(mkdtempSync(join(tmpdir(), 'waggle-pretenuring-')), 'answers.mjs');
  writeFileSync(script, ANSWERS_AFTER_A_BURST);
  const oldGrowth = (...flags: string[]): number => {
    const run = spawnSync(process.execPath, [script, ...flags], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as { oldGrewMb: number }).oldGrewMb;
  };

  it('are made young with pretenuring off, where V8 alone makes them in the old space', () => {
    // Measured: some 143 MB of the million short-lived answers in the old space with V8's pretenuring, 0-12 MB without.
    expect(oldGrowth()).toBeGreaterThan(60);
    expect(oldGrowth(NO_PRETENURING)).toBeLessThan(30);
  });
});

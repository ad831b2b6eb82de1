import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * `waggle check` keeps V8's young generation small (young-generation.ts). What shows it: the
 * young generation's size after the command has run, when a burst of long-lived objects would
 * have grown it. A module registered before the program starts makes that burst as the process
 * exits, and notes the size V8 then gives the young generation (`new_space`, both semi-spaces).
 */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');
const MB = 1024 * 1024;

describe('the young generation of a waggle command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-young-'));
  const hook = join(dir, 'note-young-generation.mjs');
  writeFileSync(
    hook,
    [
      "import { writeFileSync } from 'node:fs';",
      "import { getHeapSpaceStatistics } from 'node:v8';",
      "process.on('exit', () => {",
      '  const kept = [];',
      '  for (let i = 0; i < 300000; i++) kept.push({ i, text: `item ${i}`, pair: [i, i + 1] });',
      "  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');",
      '  writeFileSync(process.env.WAGGLE_YOUNG_NOTE, `${young.space_size} ${kept.length}`);',
      '});',
    ].join('\n'),
  );
  const youngAfter = (...args: string[]): number => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const note = join(dir, `young-${args.join('-').replace(/\W+/g, '_')}.txt`);
    const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_YOUNG_NOTE: note, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
    delete env.DATABASE_URL;
    delete env.WAGGLE_SERVER;
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, BIN, ...args], { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const [size, kept] = readFileSync(note, 'utf8').split(' ').map(Number);
    expect(kept).toBe(300_000);
    return size!;
  };

  it('stays small after `waggle check`, started by plain `node bin/waggle.js` with no V8 flags', () => {
    const size = youngAfter('--data', join(dir, 'data'), 'check', '--json');
    // V8 starts at 1 MB a semi-space; the check may begin after one growth, to 2 MB.
    expect(size).toBeLessThanOrEqual(4 * MB);
  });

  it('stays small after `waggle import` of a contacts file', () => {
    const csv = join(dir, 'Connections.csv');
    writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Silva,https://www.linkedin.com/in/ana,,Hospital Norte,Nurse,07 Dec 2025\r\n');
    expect(youngAfter('--data', join(dir, 'import-data'), 'import', csv)).toBeLessThanOrEqual(4 * MB);
  });

  it('grows as V8 grows it by default after a command that does not ask (`waggle --version`), so the size above is the check’s doing', () => {
    expect(youngAfter('--version')).toBeGreaterThanOrEqual(16 * MB);
  });
});

/*
 * `waggle import` lets the old generation grow to seven times what a full collection leaves
 * (young-generation.ts letOldGenerationGrow). What shows it: V8's own trace of its collections
 * over an import of 30,000 LinkedIn rows, every one of which the import keeps to the end. Grown by
 * V8's own factor, the heap met its limit again half way through the plan and was marked whole.
 */
describe('the old generation of `waggle import`', () => {
  it('is marked whole at most once, early, over a 30,000-row import that keeps everything it reads', () => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const dir = mkdtempSync(join(tmpdir(), 'waggle-old-'));
    const csv = join(dir, 'Connections.csv');
    const rows = Array.from({ length: 30_000 }, (_, i) => `Ana${i},Silva${i},https://www.linkedin.com/in/${i}-person,${i % 10 === 0 ? `p${i}@example.com` : ''},Company ${i % 50},Clinical Specialist,0${(i % 9) + 1} Mar 2020`);
    writeFileSync(csv, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n${rows.join('\r\n')}\r\n`);
    const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
    delete env.DATABASE_URL;
    delete env.WAGGLE_SERVER;
    const run = spawnSync(process.execPath, ['--trace-gc', BIN, '--data', join(dir, 'data'), 'import', csv], { env, encoding: 'utf8', maxBuffer: 64 * MB });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('30000 new');
    expect(run.stdout.split('\n').filter((line) => line.includes('Mark-Compact')).length).toBeLessThanOrEqual(1);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * `waggle check` ends once its output is written, not when Node would end the process
 * (leave.ts). What shows it: work left waiting in the process, a timer a module registered
 * before the program starts, which keeps Node's event loop, and so the process, alive until it
 * fires. A command that said it finished everything ends before it fires; any other waits for it.
 */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');

describe('a waggle command that finished everything', () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-leave-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `waggle ARGS` with a timer of `waitMs` left in the process that notes, if it ever fires, that it did. */
  const run = (waitMs: number, ...args: string[]) => {
    const note = join(dir, `fired-${args.join('-').replace(/\W+/g, '_')}`);
    const hook = join(dir, `timer-${waitMs}.mjs`);
    writeFileSync(hook, `import { writeFileSync } from 'node:fs';\nsetTimeout(() => writeFileSync(process.env.WAGGLE_TIMER_NOTE, 'fired'), ${waitMs});\n`);
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_TIMER_NOTE: note, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
    delete env.DATABASE_URL;
    delete env.WAGGLE_SERVER;
    // Far shorter than the timer: a process that waited for it is killed, and the run fails.
    const result = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, BIN, ...args], { env, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
    return { ...result, fired: existsSync(note) };
  };

  it('`waggle check --json` ends once its report is written, without waiting for what is left in the process', () => {
    const result = run(120_000, '--data', join(dir, 'data'), 'check', '--json');
    expect(result.error).toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
    expect(result.fired).toBe(false);
    // Every byte of the report came out before the process ended.
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(expect.arrayContaining(['summary', 'map', 'quadrants']));
  });

  it('`waggle import` of a contacts file ends once its summary is written, without waiting for what is left in the process', () => {
    const csv = join(dir, 'Connections.csv');
    writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,Silva,https://www.linkedin.com/in/ana,,Hospital Norte,Nurse,07 Dec 2025\r\n');
    const result = run(120_000, '--data', join(dir, 'import-data'), 'import', csv);
    expect(result.error).toBeUndefined();
    expect(result.status, result.stderr).toBe(0);
    expect(result.fired).toBe(false);
    expect(result.stdout).toContain('1 record: 1 new, 0 merged, 0 skipped.');
    // Written, and kept: the same file again merges into the person the first run stored.
    const again = run(200, '--data', join(dir, 'import-data'), 'import', csv, '--dry-run');
    expect(again.stdout).toContain('1 record: 0 new, 1 merged, 0 skipped.');
  });

  it('`waggle import` that fails leaves the process to end as Node ends it, and says why', () => {
    const csv = join(dir, 'Broken.csv');
    writeFileSync(csv, 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAna,"Silva,https://www.linkedin.com/in/ana,,Hospital Norte,Nurse,07 Dec 2025\r\n');
    const result = run(200, '--data', join(dir, 'import-broken'), 'import', csv);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Broken.csv: line 2');
    expect(result.fired).toBe(true);
  });

  it('leaves a command that did not say so (`waggle --version`) to end as Node ends it: after what is left in the process', () => {
    const result = run(200, '--version');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('0.1.0\n');
    expect(result.fired).toBe(true);
  });
});

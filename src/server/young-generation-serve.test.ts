import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../test-support/databases.js';
import { capYoungGeneration, youngGenerationCapped } from './heap-growth.js';

/*
 * `waggle serve` on SQLite holds V8's young generation at 8 MB a semi-space (heap-growth.ts,
 * capYoungGeneration), where V8 grows it to 16; on PostgreSQL it leaves V8's own (youngGenerationCapped).
 * What shows it: a module registered before the program starts waits for a
 * file saying "go", then makes objects that outlive young collections, in bursts between turns of the
 * event loop as a server's requests would, and notes the largest young generation it saw (`new_space`,
 * both semi-spaces). The same module in a bare node process, with nothing capping it, sees V8's own growth.
 */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');
const MB = 1024 * 1024;

const HOOK = [
  "import { existsSync, writeFileSync } from 'node:fs';",
  "import { getHeapSpaceStatistics } from 'node:v8';",
  "const young = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;",
  'const note = process.env.WAGGLE_YOUNG_NOTE;',
  'const turn = () => new Promise((resolve) => setImmediate(resolve));',
  'async function burst() {',
  '  const kept = [];',
  '  let most = 0;',
  '  for (let i = 0; i < 1500000; i++) {',
  '    kept.push({ i, text: `item ${i}`, pair: [i, i + 1] });',
  '    if (kept.length > 300000) kept.splice(0, 150000);',
  '    if (i % 5000 === 0) { most = Math.max(most, young()); await turn(); }',
  '  }',
  '  writeFileSync(note, `${Math.max(most, young())} ${kept.length > 0}`);',
  '}',
  "const wait = setInterval(() => { if (existsSync(`${note}.go`)) { clearInterval(wait); void burst(); } }, 50);",
].join('\n');

describe("the young generation of `waggle serve`", () => {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-serve-young-'));
  const hook = join(dir, 'burst.mjs');
  writeFileSync(hook, HOOK);

  /** The largest young generation the burst saw in a process started with `args` (after --import hook), once `ready` is true of its output. */
  const mostYoung = async (name: string, args: string[], ready: (stdout: string) => boolean, databaseUrl?: string): Promise<number> => {
    const note = join(dir, `${name}.txt`);
    const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_YOUNG_NOTE: note, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
    delete env.DATABASE_URL;
    delete env.WAGGLE_SERVER;
    if (databaseUrl) env.DATABASE_URL = databaseUrl;
    const child = spawn(process.execPath, ['--import', pathToFileURL(hook).href, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      for (let waited = 0; !ready(stdout); waited += 50) {
        if (child.exitCode !== null || waited > 30_000) throw new Error(`not ready (exit ${child.exitCode}): ${stdout} ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      writeFileSync(`${note}.go`, '');
      for (let waited = 0; !existsSync(note); waited += 50) {
        if (child.exitCode !== null || waited > 60_000) throw new Error(`no note (exit ${child.exitCode}): ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      const [size, kept] = readFileSync(note, 'utf8').split(' ');
      expect(kept).toBe('true');
      return Number(size);
    } finally {
      child.kill('SIGKILL');
    }
  };

  it('stays at 8 MB a semi-space on SQLite under a burst that grows a bare process to 16', async () => {
    if (!existsSync(join(import.meta.dirname, '..', '..', 'dist', 'bundle', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const served = await mostYoung('serve', [BIN, '--data', join(dir, 'data'), 'serve', '--port', '0'], (out) => out.includes('Waggle is serving'));
    // Both semi-spaces: 2 × 8 MB.
    expect(served).toBeLessThanOrEqual(16 * MB);
    // V8's own ceiling is 16 MB a semi-space: the bare process reaches it on the same burst.
    const bare = await mostYoung('bare', ['-e', 'setInterval(() => {}, 1000)'], () => true);
    expect(bare).toBeGreaterThanOrEqual(32 * MB);
  }, 120_000);

  it('grows as V8 grows it on PostgreSQL, where a request waits for its round trips', async () => {
    const database = await freshDatabase('postgres');
    try {
      const served = await mostYoung('serve-postgres', [BIN, 'serve', '--port', '0'], (out) => out.includes('Waggle is serving postgres'), (database.config as { url: string }).url);
      expect(served).toBeGreaterThanOrEqual(32 * MB);
    } finally {
      await database.dispose();
    }
  }, 120_000);

  it('is capped on SQLite only', () => {
    expect(youngGenerationCapped('sqlite')).toBe(true);
    expect(youngGenerationCapped('postgres')).toBe(false);
  });

  it('refuses a cap that is not a positive whole number of MB', () => {
    expect(() => capYoungGeneration(0)).toThrow(RangeError);
    expect(() => capYoungGeneration(2.5)).toThrow(/positive whole number/);
  });
});

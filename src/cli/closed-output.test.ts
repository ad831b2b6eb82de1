import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The real `waggle`, as a shell runs it in `waggle … | head`: its reader gone before it writes. */
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'waggle.js');

function runWithReaderGone(dataDir: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--data', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed at once: node takes longer than this to start, so every write waggle makes meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('waggle whose reader closed the pipe (waggle … | head)', () => {
  let dataDir: string;
  const waggle = (...args: string[]) => spawnSync(process.execPath, [BIN, '--data', dataDir, ...args], { encoding: 'utf8' });
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'waggle-closed-output-'));
    for (const name of ['Ana Silva', 'Kofi Mensah', 'Lin Wei']) expect(waggle('person', 'add', name).status).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('a listing ends quietly, with no stack trace, as it would have', async () => {
    for (const args of [['person', 'list', '--json'], ['person', 'list']]) {
      const run = await runWithReaderGone(dataDir, args);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
  });

  it('a write whose summary nobody reads is still made, whole', async () => {
    const run = await runWithReaderGone(dataDir, ['person', 'add', 'Zeynep Kaya', '--email', 'zeynep@example.org']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const listed = JSON.parse(waggle('person', 'list', '--json').stdout) as { items: Array<{ name: string }> };
    expect(listed.items.map((p) => p.name)).toContain('Zeynep Kaya');
  });

  it('a real failure still says why, on stderr', async () => {
    const run = await runWithReaderGone(dataDir, ['person', 'show', 'Nobody Here']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/Nobody Here/);
  });
});

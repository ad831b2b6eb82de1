import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * WAGGLE_STATEMENT_COUNT=FILE on a command line: the file holds every statement the command ran,
 * its last ones included (the write's COMMIT), though the command ends before the counts' next
 * half-second write.
 */
const ROOT = join(import.meta.dirname, '..', '..');

describe('statement counts of a command line', () => {
  it('are written whole as the command ends, with the time each text took', () => {
    if (!existsSync(join(ROOT, 'dist', 'bundle', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const dir = mkdtempSync(join(tmpdir(), 'waggle-statements-'));
    const file = join(dir, 'statements.json');
    const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_STATEMENT_COUNT: file, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
    delete env.DATABASE_URL;
    delete env.WAGGLE_SERVER;
    const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'waggle.js'), '--data', join(dir, 'data'), 'person', 'add', 'Ana Silva', '--org', 'Hospital Norte'], { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const counts = JSON.parse(readFileSync(file, 'utf8')) as { total: number; byText: Record<string, number>; msByText: Record<string, number> };
    const texts = Object.keys(counts.byText);
    expect(texts.some((text) => text.startsWith('insert into "people"'))).toBe(true);
    expect(counts.byText.commit).toBeGreaterThanOrEqual(1);
    expect(counts.msByText.commit).toBeGreaterThan(0);
    expect(counts.total).toBe(Object.values(counts.byText).reduce((sum, n) => sum + n, 0));
  });
});

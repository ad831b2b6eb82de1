import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../test-support/databases.js';
import type { WritePart } from './write-sections.js';

/*
 * WAGGLE_WRITE_SECTIONS=FILE (scripts/bench-api.mjs --write-sections): a write to a person from the
 * command line leaves in the file the time of each part of its section, written as the command ends.
 */
const ROOT = join(import.meta.dirname, '..', '..');

describe.each(DIALECTS)('the parts of a write to a person on %s', (dialect) => {
  it('are each timed once for one edit, and the section holds its parts', async () => {
    if (!existsSync(join(ROOT, 'dist', 'bundle', 'main.js'))) throw new Error('Build first: npm run build (npm test does it)');
    const db = await freshDatabase(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'waggle-sections-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, WAGGLE_NOW: '2026-11-22T10:00:00Z' };
      delete env.DATABASE_URL;
      delete env.WAGGLE_SERVER;
      const place = db.config.kind === 'sqlite' ? ['--data', db.config.dataDir] : [];
      if (db.config.kind === 'postgres') env.DATABASE_URL = db.config.url;
      const waggle = (extra: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'waggle.js'), ...place, ...args], { env: { ...env, ...extra }, encoding: 'utf8' });
      // The workspace's first write makes its counter: the edit after it is a locked write.
      expect(waggle({}, 'person', 'add', 'Ana Silva', '--org', 'Hospital Norte').status).toBe(0);
      const file = join(dir, 'sections.json');
      const edit = waggle({ WAGGLE_WRITE_SECTIONS: file }, 'person', 'edit', 'Ana Silva', '--notes', 'Met at the congress');
      expect(edit.status, edit.stderr).toBe(0);
      const { parts } = JSON.parse(readFileSync(file, 'utf8')) as { parts: Partial<Record<WritePart, { count: number; ms: number }>> };
      const timed: WritePart[] = dialect === 'postgres' ? ['turn', 'lock', 'statements', 'commit', 'after', 'section'] : ['turn', 'section'];
      expect(Object.keys(parts).sort()).toEqual([...timed].sort());
      for (const part of timed) expect(parts[part]?.count, part).toBe(1);
      const inside = (['lock', 'statements', 'commit', 'after'] as const).reduce((sum, part) => sum + (parts[part]?.ms ?? 0), 0);
      expect(parts.section!.ms).toBeGreaterThanOrEqual(inside);
      expect(parts.section!.ms).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.dispose();
    }
  });
});

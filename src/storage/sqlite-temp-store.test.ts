import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { createSqliteDialect } from './sqlite.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-temp-store-'));
  dirs.push(dir);
  return dir;
}

/** The temporary files this process holds open: SQLite makes them in the temp folder and unlinks them at once (`etilqs_…`). */
function sqliteTempFilesOpen(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(join('/proc/self/fd', fd));
      return target.includes('etilqs_') ? [target] : [];
    } catch {
      return [];
    }
  });
}

it('a transaction of multi-row inserts keeps its statement journals in memory, never in a temporary file', async () => {
  const file = join(folder(), 'waggle.db');
  const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: createSqliteDialect(file) });
  await sql`create table t (id text primary key, body text not null)`.execute(db);
  const held = await db.transaction().execute(async (trx) => {
    // Each statement after the first rewrites pages earlier ones dirtied: SQLite journals them, past 64 KB in a file unless temp_store is memory.
    for (let batch = 0; batch < 40; batch++) {
      const rows = Array.from({ length: 100 }, (_, i) => sql`(${`id-${String(batch * 100 + i).padStart(6, '0')}`}, ${'x'.repeat(300)})`);
      await sql`insert into t (id, body) values ${sql.join(rows)}`.execute(trx);
    }
    return { files: sqliteTempFilesOpen(), tempStore: (await sql<{ temp_store: number }>`pragma temp_store`.execute(trx)).rows[0]?.temp_store };
  });
  const count = (await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]?.n;
  await db.destroy();
  expect(held.files).toEqual([]);
  expect(held.tempStore).toBe(2);
  expect(count).toBe(4000);
});

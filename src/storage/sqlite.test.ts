import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteDialect } from './sqlite.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe('SQLite migrations', () => {
  it('a migration that fails half-way leaves nothing behind (its DDL runs in one transaction), so the next start can run it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waggle-sqlite-'));
    dirs.push(dir);
    const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: createSqliteDialect(join(dir, 'waggle.db')) });
    try {
      await sql`create table t (id integer primary key)`.execute(db);
      let fail = true;
      const migrator = new Migrator({
        db,
        provider: {
          getMigrations: async () => ({
            '0001-add-column': {
              up: async (trx: Kysely<unknown>) => {
                await sql`alter table t add column extra text`.execute(trx);
                // What a kill -9 between the DDL and the migration's record looks like to the next start.
                if (fail) throw new Error('killed');
              },
            },
          }),
        },
      });
      expect((await migrator.migrateToLatest()).error).toBeInstanceOf(Error);
      const columns = await sql<{ name: string }>`select name from pragma_table_info('t')`.execute(db);
      expect(columns.rows.map((c) => c.name)).toEqual(['id']);
      fail = false;
      const again = await migrator.migrateToLatest();
      expect(again.error).toBeUndefined();
      expect(again.results?.map((r) => r.status)).toEqual(['Success']);
    } finally {
      await db.destroy();
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
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

describe('SQLite read-only transactions', () => {
  /** A database holding one row of `t`, through Waggle's dialect, and a second connection to it (another process's). */
  async function withTwoConnections(work: (db: Kysely<Record<string, Record<string, unknown>>>, writer: SqliteDatabase.Database) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'waggle-sqlite-'));
    dirs.push(dir);
    const file = join(dir, 'waggle.db');
    const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: createSqliteDialect(file) });
    const writer = new SqliteDatabase(file);
    try {
      await sql`create table t (id integer primary key)`.execute(db);
      await sql`insert into t (id) values (1)`.execute(db);
      await work(db, writer);
    } finally {
      writer.close();
      await db.destroy();
    }
  }

  it('take no write lock: one reads, on its own picture of the data, while another connection holds the write lock', async () => {
    await withTwoConnections(async (db, writer) => {
      // Another process's write (a command line's import) holding the lock, not yet committed.
      writer.exec('begin immediate; insert into t (id) values (2)');
      const started = Date.now();
      const seen = await db
        .transaction()
        .setAccessMode('read only')
        .execute(async (trx) => (await sql<{ n: number }>`select count(*) as n from t`.execute(trx)).rows[0]?.n);
      // Under `begin immediate` this waited the whole busy timeout (10 s) and failed.
      expect(Date.now() - started).toBeLessThan(2000);
      expect(seen).toBe(1);
      writer.exec('commit');
    });
  });

  it('its picture is taken as it begins: a version read first names the data read after, whatever commits in between', async () => {
    await withTwoConnections(async (db, writer) => {
      const { version, count, versionAfter } = await db
        .transaction()
        .setAccessMode('read only')
        .execute(async (trx) => {
          const before = (await sql<{ data_version: number }>`pragma data_version`.execute(trx)).rows[0]?.data_version;
          // Another connection commits between the version and the read.
          writer.exec('insert into t (id) values (2)');
          const n = (await sql<{ n: number }>`select count(*) as n from t`.execute(trx)).rows[0]?.n;
          const after = (await sql<{ data_version: number }>`pragma data_version`.execute(trx)).rows[0]?.data_version;
          return { version: before, count: n, versionAfter: after };
        });
      expect(count).toBe(1);
      expect(versionAfter).toBe(version);
      // Outside it, the other connection's row and a new version.
      expect((await sql<{ n: number }>`select count(*) as n from t`.execute(db)).rows[0]?.n).toBe(2);
      expect((await sql<{ data_version: number }>`pragma data_version`.execute(db)).rows[0]?.data_version).not.toBe(version);
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, schemaIsCurrent } from './database.js';
import { migrations } from './migrations/index.js';
import { SQLITE_SNAPSHOT } from './migrations/sqlite-snapshot.js';
import { createdFromSnapshot } from './sqlite-fresh.js';
import { snapshotOfMigrations } from './sqlite-snapshot-read.js';
import { createSqliteDialect } from './sqlite.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the raw schema, as the migrations see it
type RawDatabase = Kysely<any>;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function freshFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-snapshot-test-'));
  dirs.push(dir);
  return join(dir, 'waggle.db');
}

/** Everything a database's schema is: each entry SQLite holds (its statistics aside), the rows of every table, each FTS5 setting, the migrations recorded (without their times). */
async function everything(db: RawDatabase) {
  const entries = (await sql<{ type: string; name: string; tbl_name: string; sql: string | null }>`select type, name, tbl_name, sql from sqlite_master where name not like 'sqlite\\_stat%' escape '\\' order by type, name`.execute(db)).rows;
  const rows: Record<string, unknown[]> = {};
  for (const { name } of entries.filter((e) => e.type === 'table' && !/^create virtual/i.test(e.sql ?? ''))) {
    rows[name] = (await sql`select * from ${sql.table(name)} order by 1`.execute(db)).rows.map((row) => (name === 'kysely_migration' ? (row as { name: string }).name : withoutConfigCookie(name, row)));
  }
  return { entries, rows };
}

/**
 * An FTS5 index's structure record (id 10 of its `_data` table) starts with a cookie that counts
 * the changes of its settings: the migrations set secure-delete on and later off (two changes),
 * the snapshot writes the setting as it ends (one). The count means nothing else: left out.
 */
function withoutConfigCookie(table: string, row: unknown): unknown {
  const { id, block } = row as { id?: unknown; block?: unknown };
  if (!table.endsWith('_data') || id !== 10 || !(block instanceof Uint8Array)) return row;
  return { ...(row as object), block: Buffer.concat([Buffer.alloc(4), block.subarray(4)]) };
}

async function withRaw<T>(file: string, work: (db: RawDatabase) => Promise<T>): Promise<T> {
  const db: RawDatabase = new Kysely({ dialect: createSqliteDialect(file) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

describe('the SQLite schema snapshot', () => {
  it('is what the migrations make now, step by step (npm run gen:sqlite-snapshot writes it again after a new migration)', async () => {
    const now = await snapshotOfMigrations();
    expect(SQLITE_SNAPSHOT.migrations).toEqual(now.migrations);
    expect(SQLITE_SNAPSHOT.statements).toEqual(now.statements);
    expect(SQLITE_SNAPSHOT.migrations).toEqual(Object.keys(migrations).sort());
  });

  it('makes a fresh database the same, entry for entry and row for row, as the migrations run one by one', async () => {
    const stepByStep = freshFile();
    const migrated = await withRaw(stepByStep, async (db) => {
      const result = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
      expect(result.error).toBeUndefined();
      return everything(db);
    });
    const fromSnapshot = freshFile();
    const made = await withRaw(fromSnapshot, async (db) => {
      expect(await createdFromSnapshot(db)).toBe(true);
      return everything(db);
    });
    expect(made.entries.length).toBeGreaterThan(50);
    expect(made).toEqual(migrated);
    expect(made.rows['people_search_config']).toContainEqual({ k: 'secure-delete', v: 0 });
  });

  it('is used by openStore on an empty database, which is then current: every migration recorded', async () => {
    const file = freshFile();
    const store = await openStore({ kind: 'sqlite', dataDir: join(file, '..') });
    try {
      expect(await schemaIsCurrent(store.db)).toBe(true);
      const recorded = await sql<{ name: string; timestamp: string }>`select name, timestamp from kysely_migration order by name`.execute(store.db.withoutPlugins());
      expect(recorded.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());
      expect(Number.isNaN(Date.parse(recorded.rows[0]!.timestamp))).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('is not applied over anything: a database holding a table is left to the migrations, untouched', async () => {
    const file = freshFile();
    await withRaw(file, async (db) => {
      await sql`create table someone_elses (id integer primary key)`.execute(db);
      expect(await createdFromSnapshot(db)).toBe(false);
      const names = (await sql<{ name: string }>`select name from sqlite_master`.execute(db)).rows.map((r) => r.name);
      expect(names).toEqual(['someone_elses']);
    });
  });
});

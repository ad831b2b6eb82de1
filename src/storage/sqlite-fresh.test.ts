import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { expect, it, vi } from 'vitest';
import { createSqliteDialect } from './sqlite.js';

// A snapshot whose last statement fails, as a crash part way through would stop it.
vi.mock('./migrations/sqlite-snapshot.js', () => ({
  SQLITE_SNAPSHOT: {
    migrations: ['2026-11-22T0900-initial'],
    statements: ['create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)', 'create table first (id integer primary key)', 'create table broken ('],
  },
}));

it('a snapshot that fails part way leaves the database empty, for the next start to make again', async () => {
  const { createdFromSnapshot } = await import('./sqlite-fresh.js');
  const dir = mkdtempSync(join(tmpdir(), 'waggle-fresh-test-'));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw database
  const db = new Kysely<any>({ dialect: createSqliteDialect(join(dir, 'waggle.db')) });
  try {
    await expect(createdFromSnapshot(db)).rejects.toThrow();
    expect((await sql`select name from sqlite_master`.execute(db)).rows).toEqual([]);
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
});

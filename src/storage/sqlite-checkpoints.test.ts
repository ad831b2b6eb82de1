import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSqliteDialect } from './sqlite.js';
import { checkpointOffThread, SAFETY_NET_BYTES, safetyNetPages } from './sqlite-checkpoints.js';

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
  vi.restoreAllMocks();
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'waggle-checkpoints-'));
  dirs.push(dir);
  return dir;
}

/** About 400 KB of new rows, far below SAFETY_NET_BYTES: only a checkpoint in the worker copies them into the file. */
async function writeSomePages(db: Kysely<Record<string, Record<string, unknown>>>): Promise<void> {
  await sql`create table if not exists t (id integer primary key, body text)`.execute(db);
  for (let i = 0; i < 100; i++) await sql`insert into t (body) values (${'x'.repeat(4000)})`.execute(db);
}

const fileBytes = (file: string) => statSync(file).size;

async function eventually(check: () => boolean, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe("a server's checkpoints off its thread", () => {
  it('copies committed pages into the database file without the writing connection checkpointing, and leaves no log once closed', async () => {
    const file = join(folder(), 'waggle.db');
    const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: createSqliteDialect(file, { checkpointsOffThread: true }) });
    await writeSomePages(db);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    // 16 MB of log in the new database's 16 KB pages (sqlite.ts).
    expect(rows[0]?.wal_autocheckpoint).toBe(SAFETY_NET_BYTES / 16384);
    // The rows are in the log; the file grows only when a checkpoint copies them there.
    expect(await eventually(() => fileBytes(file) > 100 * 4000, 3000)).toBe(true);
    await db.destroy();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('without it (a command line), the same writes stay in the log until the connection checkpoints or closes', async () => {
    const file = join(folder(), 'waggle.db');
    const db = new Kysely<Record<string, Record<string, unknown>>>({ dialect: createSqliteDialect(file) });
    await writeSomePages(db);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(fileBytes(file)).toBeLessThan(100 * 4000);
    await db.destroy();
    expect(fileBytes(file)).toBeGreaterThan(100 * 4000);
  });

  it("a worker that cannot checkpoint says so once and gives the connection SQLite's own checkpoints back", async () => {
    const dir = folder();
    const database = new SqliteDatabase(join(dir, 'waggle.db'));
    database.pragma('journal_mode = WAL');
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A database file that is not there: the worker's connection fails as it opens.
    const checkpoints = checkpointOffThread(join(dir, 'gone', 'waggle.db'), database);
    // A file made at SQLite's own 4 KB pages: the same 16 MB is 4,096 of them.
    expect(database.pragma('wal_autocheckpoint', { simple: true })).toBe(SAFETY_NET_BYTES / 4096);
    expect(safetyNetPages(database)).toBe(4096);
    expect(await eventually(() => database.pragma('wal_autocheckpoint', { simple: true }) === 1000, 5000)).toBe(true);
    expect(said).toHaveBeenCalledTimes(1);
    expect(String(said.mock.calls[0]?.[0])).toMatch(/background checkpoints stopped/);
    await checkpoints.stop();
    database.close();
  });
});

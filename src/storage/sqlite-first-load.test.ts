import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSession } from '../services/session.js';
import { sequentialIds } from '../services/context.js';
import { createPerson, listPeople } from '../services/people.js';
import { loadIntoNewDatabase } from './sqlite-first-load.js';
import { FIRST_LOAD_CACHE_KIB } from './sqlite.js';

const clock = { now: () => new Date('2026-12-01T10:00:00Z') };

/** A session on the folder's database, or on a first load's file. */
const open = (dataDir: string, firstLoadFile?: string) => openSession({ kind: 'sqlite', dataDir }, { clock, ids: sequentialIds(), defaultTimeZone: 'UTC', ...(firstLoadFile ? { firstLoadFile } : {}) });

/** Adds people named `names` through the session opened on `dataDir` (or a first load's file), and closes it. */
async function add(dataDir: string, names: string[], firstLoadFile?: string): Promise<void> {
  const session = await open(dataDir, firstLoadFile);
  try {
    for (const name of names) await createPerson(session.ctx, { name });
  } finally {
    await session.close();
  }
}

async function namesIn(dataDir: string): Promise<string[]> {
  const session = await open(dataDir);
  try {
    return (await listPeople(session.ctx)).items.map((p) => p.name);
  } finally {
    await session.close();
  }
}

describe('a first load into a data folder with no database', () => {
  let dir: string;
  let data: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'waggle-first-load-'));
    data = join(dir, 'data');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is written beside the folder, which holds nothing until the load is whole, then linked into place in WAL mode, readable by the owner only', async () => {
    let seenDuringLoad: string[] = [];
    const loaded = await loadIntoNewDatabase(data, async (file) => {
      await add(data, ['Ana Silva', 'Ben Okafor'], file);
      seenDuringLoad = readdirSync(data);
      return 'done';
    });
    expect(loaded).toEqual({ value: 'done' });
    expect(seenDuringLoad).toHaveLength(1);
    expect(seenDuringLoad[0]).toMatch(/^waggle\.db\.first-load-\d+-[0-9a-f]+$/);
    // Only the database is left: the load's own name and its journal are gone.
    expect(readdirSync(data)).toEqual(['waggle.db']);
    expect(statSync(join(data, 'waggle.db')).mode & 0o777).toBe(0o600);
    const raw = new SqliteDatabase(join(data, 'waggle.db'), { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
    expect(await namesIn(data)).toEqual(['Ana Silva', 'Ben Okafor']);
  });

  it("writes through a small page cache, and the folder's database, opened after, has the usual one", async () => {
    // The pragma's one value, whatever the plugins name its column.
    const cacheOf = async (session: Awaited<ReturnType<typeof open>>) => Object.values((await sql<Record<string, number>>`pragma cache_size`.execute(session.ctx.db)).rows[0] ?? {})[0];
    let duringLoad: number | undefined;
    await loadIntoNewDatabase(data, async (file) => {
      const session = await open(data, file);
      try {
        await createPerson(session.ctx, { name: 'Ana Silva' });
        duringLoad = await cacheOf(session);
      } finally {
        await session.close();
      }
    });
    expect(duringLoad).toBe(FIRST_LOAD_CACHE_KIB);
    // The library's own default (better-sqlite3 builds SQLite with 16 MB), which every other connection keeps.
    const plain = new SqliteDatabase(':memory:');
    const libraryDefault = plain.pragma('cache_size', { simple: true }) as number;
    plain.close();
    expect(libraryDefault).not.toBe(FIRST_LOAD_CACHE_KIB);
    const after = await open(data);
    try {
      expect(await cacheOf(after)).toBe(libraryDefault);
    } finally {
      await after.close();
    }
  });

  it('is not made when the folder holds a database, or what is left of one: null, and nothing is run', async () => {
    await add(data, ['Kept Person']);
    let ran = false;
    expect(
      await loadIntoNewDatabase(data, async () => {
        ran = true;
      }),
    ).toBeNull();
    expect(ran).toBe(false);
    expect(await namesIn(data)).toEqual(['Kept Person']);

    // A log with no database beside it (a database deleted by hand): a new one must not meet it.
    const other = join(dir, 'other');
    await add(other, []);
    rmSync(join(other, 'waggle.db'));
    writeFileSync(join(other, 'waggle.db-wal'), '');
    expect(await loadIntoNewDatabase(other, async () => 'ran')).toBeNull();

    // A symbolic link by the database's name, even one to nothing, is the folder's to keep: nothing is linked over it.
    const linked = join(dir, 'linked');
    mkdirSync(linked);
    symlinkSync(join(dir, 'elsewhere.db'), join(linked, 'waggle.db'));
    expect(await loadIntoNewDatabase(linked, async () => 'ran')).toBeNull();
    expect(readdirSync(linked)).toEqual(['waggle.db']);
  });

  it('gives way to a database another process made in the folder meanwhile: null, that database untouched, the load thrown away', async () => {
    const loaded = await loadIntoNewDatabase(data, async (file) => {
      await add(data, ['Made Meanwhile']);
      await add(data, ['From The Load'], file);
    });
    expect(loaded).toBeNull();
    expect(readdirSync(data).filter((name) => name.includes('first-load'))).toEqual([]);
    expect(await namesIn(data)).toEqual(['Made Meanwhile']);
  });

  it('that fails leaves the folder as it was, with no database and none of its files', async () => {
    const failure = new Error('line 7: refused');
    await expect(
      loadIntoNewDatabase(data, async (file) => {
        await add(data, ['Half Loaded'], file);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(readdirSync(data)).toEqual([]);
  });

  it('rolls back a failed transaction, whose pages reached the file before it failed', async () => {
    await loadIntoNewDatabase(data, async (file) => {
      const session = await open(data, file);
      try {
        await createPerson(session.ctx, { name: 'Committed' });
        // A cache of two pages: the failed transaction's pages are written to the file before it fails,
        // and the journal (in memory) puts back what they overwrote.
        await sql`pragma cache_size = 2`.execute(session.ctx.db);
        await expect(
          session.ctx.db.transaction().execute(async (trx) => {
            for (let i = 0; i < 200; i++) await createPerson({ ...session.ctx, db: trx }, { name: `Rolled Back ${i}`, notes: 'x'.repeat(2000) });
            throw new Error('part way');
          }),
        ).rejects.toThrow('part way');
      } finally {
        await session.close();
      }
    });
    expect(await namesIn(data)).toEqual(['Committed']);
    const raw = new SqliteDatabase(join(data, 'waggle.db'), { readonly: true });
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }
  });

  it("leaves nothing of a load whose process has ended past the next start, and keeps a running one's", async () => {
    // A process that has ended: its id is no longer in use.
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    const dead = join(data, `waggle.db.first-load-${ended}-0badf00d`);
    const running = join(data, `waggle.db.first-load-${process.pid}-0000beef`);
    // The folder as a killed first load leaves it, beside another load still running (this process's).
    mkdirSync(data, { recursive: true });
    writeFileSync(dead, 'half a database');
    writeFileSync(`${dead}-journal`, '');
    writeFileSync(running, '');
    await loadIntoNewDatabase(data, (file) => add(data, ['Ana Silva'], file));
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(`${dead}-journal`)).toBe(false);
    expect(existsSync(running)).toBe(true);
    expect(await namesIn(data)).toEqual(['Ana Silva']);

    // Beside a database (no first load to come), any command's start removes them too: they hold people's data.
    writeFileSync(dead, 'half a database');
    await namesIn(data);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(running)).toBe(true);
  });
});

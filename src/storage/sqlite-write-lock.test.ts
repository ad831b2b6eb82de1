import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createPerson, listPeople } from '../services/people.js';
import { freshSession } from '../test-support/fresh-session.js';
import { SQLITE_FILE_NAME } from './database.js';
import { beginImmediateWithoutBlocking, type HeldConnection } from './sqlite-write-lock.js';

/** Two real connections to one file, as a server and a command-line import beside it have. */
function twoConnections() {
  const folder = mkdtempSync(join(tmpdir(), 'waggle-write-lock-'));
  const file = join(folder, 'lock.db');
  const ours = new SqliteDatabase(file);
  ours.pragma('journal_mode = WAL');
  ours.exec('create table t (n integer)');
  const theirs = new SqliteDatabase(file);
  return {
    ours,
    theirs,
    close: () => {
      for (const db of [ours, theirs]) {
        if (db.inTransaction) db.exec('rollback');
        db.close();
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A connection held as Kysely's driver holds it, counting how often it was handed back. */
function held() {
  let handedBack = 0;
  let holding = true;
  const connection: HeldConnection = {
    handBack: async () => {
      handedBack += 1;
      holding = false;
    },
    takeAgain: async () => {
      holding = true;
    },
  };
  return { connection, handedBack: () => handedBack, holding: () => holding };
}

describe("a write's lock, while another process holds the file's", () => {
  let close = () => {};
  afterEach(() => close());

  it('is waited for without holding the thread or the connection, and taken once the other lets it go', async () => {
    const world = twoConnections();
    close = world.close;
    world.ours.pragma('busy_timeout = 5000');
    world.theirs.exec('begin immediate');
    const connection = held();
    let settled = false;
    const begun = beginImmediateWithoutBlocking(world.ours, async () => world.ours.exec('begin immediate'), connection.connection).then(() => (settled = true));

    // While it waits: timers fire (the thread is free), the connection was handed back and reads on it answer.
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(settled).toBe(false);
    expect(connection.handedBack()).toBeGreaterThan(0);
    expect(world.ours.prepare('select count(*) as n from t').get()).toEqual({ n: 0 });

    world.theirs.exec('insert into t values (1)');
    world.theirs.exec('commit');
    await begun;
    expect(connection.holding()).toBe(true);
    expect(world.ours.inTransaction).toBe(true);
    // The lock is ours: what the other wrote is seen, and the other cannot write now.
    expect(world.ours.prepare('select count(*) as n from t').get()).toEqual({ n: 1 });
    world.theirs.pragma('busy_timeout = 0');
    expect(() => world.theirs.exec('begin immediate')).toThrow(/locked/);
    world.ours.exec('commit');
    // The connection's own busy timeout is as it was.
    expect(world.ours.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('gives up as SQLite would, with SQLITE_BUSY, after the connection’s busy timeout, holding the connection again', async () => {
    const world = twoConnections();
    close = world.close;
    world.ours.pragma('busy_timeout = 60');
    world.theirs.exec('begin immediate');
    const connection = held();
    const started = performance.now();
    const failure = await beginImmediateWithoutBlocking(world.ours, async () => world.ours.exec('begin immediate'), connection.connection).then(
      () => null,
      (error: unknown) => error,
    );
    const waited = performance.now() - started;
    expect((failure as { code?: string } | null)?.code).toMatch(/^SQLITE_BUSY/);
    expect(waited).toBeGreaterThanOrEqual(55);
    expect(connection.holding()).toBe(true);
    expect(world.ours.inTransaction).toBe(false);
    expect(world.ours.pragma('busy_timeout', { simple: true })).toBe(60);
  });

  it('does not wait at all when the lock is free', async () => {
    const world = twoConnections();
    close = world.close;
    const connection = held();
    await beginImmediateWithoutBlocking(world.ours, async () => world.ours.exec('begin immediate'), connection.connection);
    expect(connection.handedBack()).toBe(0);
    expect(world.ours.inTransaction).toBe(true);
    world.ours.exec('rollback');
  });
});

describe('the store, while another process writes the same file', () => {
  const world = freshSession('sqlite');

  it("answers reads while a write waits for the other process's lock, and makes the write once it is let go", async () => {
    const { ctx } = world.session;
    await createPerson(ctx, { name: 'Before The Import' });
    const other = new SqliteDatabase(join(world.dataDir, SQLITE_FILE_NAME));
    try {
      other.exec('begin immediate');
      let written = false;
      const write = createPerson(ctx, { name: 'During The Import' }).then(() => (written = true));
      await new Promise((resolve) => setTimeout(resolve, 30));
      // The write waits; a read through the same store answers meanwhile, from the data as committed.
      const listed = await listPeople(ctx, {});
      expect(listed.items.map((person) => person.name)).toEqual(['Before The Import']);
      expect(written).toBe(false);
      other.exec('commit');
      await write;
      expect((await listPeople(ctx, {})).items.map((person) => person.name).sort()).toEqual(['Before The Import', 'During The Import']);
    } finally {
      if (other.inTransaction) other.exec('rollback');
      other.close();
    }
  });
});

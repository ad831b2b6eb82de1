import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { eraseWorkspace } from '../services/demo.js';
import { logExchange, removeExchange } from '../services/exchanges.js';
import { createPerson, removePerson } from '../services/people.js';
import { openSession, type Session } from '../services/session.js';
import { freshDatabase } from '../test-support/databases.js';
import { filesContaining } from '../test-support/files.js';

/**
 * The canary test: a unique string goes into a person's notes, email address and an
 * exchange; the person is removed (or everything erased); then every byte of the
 * database's files is searched for the string. Before the erase the same search must
 * find it, so the search itself is known to work.
 */

function newCanary(): string {
  return `canary${randomBytes(8).toString('hex')}`;
}

async function addPeople(session: Session, canary: string): Promise<string> {
  const { ctx } = session;
  // Neighbours on the same pages, so the canary's pages stay in use after the removal.
  for (let i = 0; i < 40; i++) {
    await createPerson(ctx, { name: `Neighbour ${i}`, notes: `an ordinary note number ${i}`, channels: [{ kind: 'email', value: `n${i}@example.org` }] });
  }
  const person = await createPerson(ctx, {
    name: 'Carla Canary',
    notes: `private note ${canary} about her health`,
    channels: [{ kind: 'email', value: `${canary}@example.org` }],
  });
  for (let i = 40; i < 80; i++) {
    await createPerson(ctx, { name: `Neighbour ${i}`, notes: `an ordinary note number ${i}`, channels: [{ kind: 'email', value: `n${i}@example.org` }] });
  }
  await logExchange(ctx, { occurredOn: '2026-01-10', channel: 'coffee', personIds: [person.id], learned: `she told me ${canary} in confidence` });
  return person.id;
}

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe('erasure on SQLite: the canary is gone from the .db, -wal and -shm files', () => {
  async function open() {
    const database = await freshDatabase('sqlite');
    const session = await openSession(database.config);
    let closed = false;
    const close = async () => {
      if (!closed) await session.close();
      closed = true;
    };
    cleanups.push(async () => {
      await close();
      await database.dispose();
    });
    if (database.config.kind !== 'sqlite') throw new Error('expected SQLite');
    return { session, dataDir: database.config.dataDir, close };
  }

  it('after a person is removed, while the connection stays open (a running server) and after it closes', async () => {
    const { session, dataDir, close } = await open();
    const canary = newCanary();
    const id = await addPeople(session, canary);
    expect(filesContaining(dataDir, canary).length).toBeGreaterThan(0);
    await removePerson(session.ctx, id);
    expect(filesContaining(dataDir, canary)).toEqual([]);
    await close();
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('after an exchange is removed (the person stays)', async () => {
    const { session, dataDir } = await open();
    const canary = newCanary();
    const person = await createPerson(session.ctx, { name: 'Dana Keeps' });
    const logged = await logExchange(session.ctx, { occurredOn: '2026-01-10', channel: 'call', personIds: [person.id], learned: `she said ${canary}` });
    expect(filesContaining(dataDir, canary).length).toBeGreaterThan(0);
    await removeExchange(session.ctx, logged.exchange.id);
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('after everything is erased', async () => {
    const { session, dataDir, close } = await open();
    const canary = newCanary();
    await addPeople(session, canary);
    expect(filesContaining(dataDir, canary).length).toBeGreaterThan(0);
    await eraseWorkspace(session.ctx);
    expect(filesContaining(dataDir, canary)).toEqual([]);
    await close();
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('after a person is removed once the data was checkpointed into the database file (free pages, not only the log)', async () => {
    const { session, dataDir, close } = await open();
    const canary = newCanary();
    const id = await addPeople(session, canary);
    // Close and reopen: the last connection checkpoints, so the canary now lives in waggle.db itself.
    await close();
    const reopened = await openSession({ kind: 'sqlite', dataDir });
    cleanups.push(() => reopened.close());
    expect(filesContaining(dataDir, canary)).toEqual([join(dataDir, 'waggle.db')]);
    await removePerson(reopened.ctx, id);
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });
});

describe('erasure on PostgreSQL: the canary is gone from the database files under base/<oid>', () => {
  async function open() {
    const database = await freshDatabase('postgres');
    if (database.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    const session = await openSession(database.config);
    const admin = new pg.Client({ connectionString: database.config.url });
    await admin.connect();
    cleanups.push(async () => {
      await admin.end();
      await session.close();
      await database.dispose();
    });
    const { rows } = await admin.query<{ dir: string; oid: number }>(
      `select current_setting('data_directory') as dir, oid::int as oid from pg_database where datname = current_database()`,
    );
    const row = rows[0];
    if (!row) throw new Error('no pg_database row');
    const baseDir = join(row.dir, 'base', String(row.oid));
    /** Writes every dirty page to the files, then searches them; names the relation each file holds. */
    const search = async (canary: string) => {
      await admin.query('checkpoint');
      const hits: string[] = [];
      for (const file of filesContaining(baseDir, canary)) {
        const node = Number(/^(\d+)/.exec(file.split('/').pop() ?? '')?.[1]);
        const { rows: found } = await admin.query<{ relname: string }>('select relname from pg_class where relfilenode = $1', [node]);
        hits.push(`${file} (${found[0]?.relname ?? 'unknown relation'})`);
      }
      return hits;
    };
    return { session, search };
  }

  it('after everything is erased (the tables are vacuumed after the commit)', async () => {
    const { session, search } = await open();
    const canary = newCanary();
    await addPeople(session, canary);
    expect((await search(canary)).length).toBeGreaterThan(0);
    await eraseWorkspace(session.ctx);
    expect(await search(canary)).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseWorkspace } from '../services/demo.js';
import { logExchange, removeExchange } from '../services/exchanges.js';
import { createPerson, removePerson, updatePerson } from '../services/people.js';
import { openSession, type Session } from '../services/session.js';
import { filesContaining } from '../test-support/files.js';
import { freshSession } from '../test-support/fresh-session.js';
import { trigramsMatch } from './search-index.js';

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

describe('erasure on SQLite: the canary is gone from the .db, -wal and -shm files', () => {
  // A database of its own for each test: what one test erased or left cannot decide what another finds.
  const fresh = freshSession('sqlite', { per: 'test' });

  it('after a person is removed, while the connection stays open (a running server) and after it closes', async () => {
    const { session, dataDir } = fresh;
    const canary = newCanary();
    const id = await addPeople(session, canary);
    expect(filesContaining(dataDir, canary).length).toBeGreaterThan(0);
    await removePerson(session.ctx, id);
    expect(filesContaining(dataDir, canary)).toEqual([]);
    await session.close();
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('after a person is removed, their search index entries from every text they had before it too (the index merged whole)', async () => {
    const { session, dataDir } = fresh;
    // A trigram (the index's own term) no other text here has, so its bytes stand whole in the index's pages.
    const marker = 'ǂǂǂ';
    await addPeople(session, newCanary());
    const person = await createPerson(session.ctx, { name: 'Edda Edits', notes: `first thoughts ${marker}` });
    for (const notes of ['second thoughts', 'third thoughts']) await updatePerson(session.ctx, person.id, { notes });
    // Checkpointed, so the log holds nothing: what is found is in the database file, in the index.
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(session.ctx.db.withoutPlugins());
    expect(filesContaining(dataDir, marker).length).toBeGreaterThan(0);
    await removePerson(session.ctx, person.id);
    expect(filesContaining(dataDir, marker)).toEqual([]);
    // The index still finds the people left, and no longer the one removed.
    const found = await sql<{ n: number }>`select count(*) as n from people_search where people_search match ${trigramsMatch('neighbour')}`.execute(session.ctx.db.withoutPlugins());
    expect(Number(found.rows[0]?.n)).toBe(80);
    const gone = await sql<{ n: number }>`select count(*) as n from people_search where people_search match ${trigramsMatch('thoughts')}`.execute(session.ctx.db.withoutPlugins());
    expect(Number(gone.rows[0]?.n)).toBe(0);
  });

  it('after an exchange is removed (the person stays)', async () => {
    const { session, dataDir } = fresh;
    const canary = newCanary();
    const person = await createPerson(session.ctx, { name: 'Dana Keeps' });
    const logged = await logExchange(session.ctx, { occurredOn: '2026-01-10', channel: 'call', personIds: [person.id], learned: `she said ${canary}` });
    expect(filesContaining(dataDir, canary).length).toBeGreaterThan(0);
    await removeExchange(session.ctx, logged.exchange.id);
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('after everything is erased', async () => {
    const { session, dataDir } = fresh;
    const canary = newCanary();
    await addPeople(session, canary);
    expect(filesContaining(dataDir, canary).length).toBeGreaterThan(0);
    await eraseWorkspace(session.ctx);
    expect(filesContaining(dataDir, canary)).toEqual([]);
    await session.close();
    expect(filesContaining(dataDir, canary)).toEqual([]);
  });

  it('after a person is removed once the data was checkpointed into the database file (free pages, not only the log)', async () => {
    const { session, dataDir } = fresh;
    const canary = newCanary();
    const id = await addPeople(session, canary);
    // Close and reopen: the last connection checkpoints, so the canary now lives in waggle.db itself.
    await session.close();
    const reopened = await openSession({ kind: 'sqlite', dataDir });
    try {
      expect(filesContaining(dataDir, canary)).toEqual([join(dataDir, 'waggle.db')]);
      await removePerson(reopened.ctx, id);
      expect(filesContaining(dataDir, canary)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});

describe('erasure on PostgreSQL: the canary is gone from the database files under base/<oid>', () => {
  const fresh = freshSession('postgres', { per: 'test' });
  let admin: pg.Client;
  beforeEach(async () => {
    const { config } = fresh;
    if (config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    admin = new pg.Client({ connectionString: config.url });
    await admin.connect();
  });
  // Added after freshSession, so it runs before the database is dropped.
  afterEach(() => admin.end());

  /** Where this test's database keeps its files: base/<oid> under the server's data directory. */
  async function baseDir(): Promise<string> {
    const { rows } = await admin.query<{ dir: string; oid: number }>(
      `select current_setting('data_directory') as dir, oid::int as oid from pg_database where datname = current_database()`,
    );
    const row = rows[0];
    if (!row) throw new Error('no pg_database row');
    return join(row.dir, 'base', String(row.oid));
  }

  /** Writes every dirty page to the files, then searches them; names the relation each file holds. */
  async function search(canary: string): Promise<string[]> {
    await admin.query('checkpoint');
    const hits: string[] = [];
    for (const file of filesContaining(await baseDir(), canary)) {
      const node = Number(/^(\d+)/.exec(file.split('/').pop() ?? '')?.[1]);
      const { rows: found } = await admin.query<{ relname: string }>('select relname from pg_class where relfilenode = $1', [node]);
      hits.push(`${file} (${found[0]?.relname ?? 'unknown relation'})`);
    }
    return hits;
  }

  it('after everything is erased (the tables are vacuumed after the commit)', async () => {
    const { session } = fresh;
    const canary = newCanary();
    await addPeople(session, canary);
    expect((await search(canary)).length).toBeGreaterThan(0);
    await eraseWorkspace(session.ctx);
    expect(await search(canary)).toEqual([]);
  });
});

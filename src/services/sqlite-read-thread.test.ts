import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLargeSnapshot } from '../demo/generate-map.js';
import { offThreadReaderOf, readOffThread, type OffThreadReader } from '../storage/off-thread-reads.js';
import { openFreshSession, type OpenedFreshSession } from '../test-support/fresh-session.js';
import { bulkLoad } from './bulk-load.js';
import { personDetail } from './details.js';
import { logExchange } from './exchanges.js';
import { updatePerson } from './people.js';
import { SqliteReadThread, startReadingOffThread } from './sqlite-read-thread.js';

/**
 * A person's page read on the server's reader thread (SQLite) is the page read on the server's own
 * connection: the same answer, every write committed before it seen, and the page still answered
 * when the thread is gone.
 */
const snapshot = generateLargeSnapshot({ people: 30, networks: 4, goals: 3, exchanges: 120, today: '2026-11-22', seed: 11 });

describe('reads on a thread of their own (SQLite)', () => {
  let fresh: OpenedFreshSession;
  beforeAll(async () => {
    fresh = await openFreshSession('sqlite');
    await bulkLoad(fresh.session.ctx, snapshot);
  });
  afterAll(() => fresh.close());

  /** Counts what went to the thread, so that a test can tell the thread answered and not the connection. */
  function counting(reader: OffThreadReader): { reader: OffThreadReader; sent: () => number } {
    let sent = 0;
    return {
      reader: { all: (sql, params) => ((sent += 1), reader.all(sql, params)) },
      sent: () => sent,
    };
  }

  it('gives every person the page the server’s own connection gives, and sees each write committed before it', async () => {
    const { ctx } = fresh.session;
    const onConnection = await Promise.all(snapshot.people.map((p) => personDetail(ctx, p.id)));
    const thread = await SqliteReadThread.start(fresh.session.store.location);
    const seen = counting(thread);
    const takeBack = readOffThread(ctx.db, seen.reader);
    try {
      const onThread = await Promise.all(snapshot.people.map((p) => personDetail(ctx, p.id)));
      expect(seen.sent()).toBe(snapshot.people.length);
      expect(onThread).toEqual(onConnection);
      const [first, second] = snapshot.people;
      // Written on the server's connection, read at once on the thread's.
      await updatePerson(ctx, first!.id, { notes: 'Read on the other thread' });
      expect((await personDetail(ctx, first!.id)).person.notes).toBe('Read on the other thread');
      const logged = await logExchange(ctx, { personIds: [second!.id], channel: 'call', occurredOn: '2026-11-22', gave: [{ kind: 'introduction', note: 'a warm introduction' }] });
      expect((await personDetail(ctx, second!.id)).exchanges.map((e) => e.id)).toContain(logged.exchange.id);
      expect(seen.sent()).toBe(snapshot.people.length + 2);
    } finally {
      takeBack();
      await thread.stop();
    }
    expect(offThreadReaderOf(ctx.db)).toBeUndefined();
  });

  it('answers on the server’s own connection once the thread is gone, for reads waiting and reads after', async () => {
    const { ctx } = fresh.session;
    const person = snapshot.people[3]!;
    const expected = await personDetail(ctx, person.id);
    const thread = await SqliteReadThread.start(fresh.session.store.location);
    const takeBack = readOffThread(ctx.db, thread);
    try {
      const waiting = personDetail(ctx, person.id);
      await thread.stop();
      expect(await waiting).toEqual(expected);
      expect(await thread.all('select 1 as one', [])).toBeUndefined();
      expect(await personDetail(ctx, person.id)).toEqual(expected);
    } finally {
      takeBack();
    }
  });

  it('refuses a statement the thread cannot run with SQLite’s own error, and cannot write', async () => {
    const thread = await SqliteReadThread.start(fresh.session.store.location);
    try {
      await expect(thread.all('select * from no_such_table', [])).rejects.toThrow(/no such table/);
      await expect(thread.all("update people set notes = 'x'", [])).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
      await expect(thread.all("update people set notes = 'x' returning id", [])).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
      expect(await thread.all<{ n: number }>("select count(*) as n from people where notes = 'x'", [])).toEqual([{ n: 0 }]);
      expect(await thread.all<{ n: number }>('select count(*) as n from people', [])).toEqual([{ n: snapshot.people.length }]);
    } finally {
      await thread.stop();
    }
  });

  it('starts nothing on PostgreSQL, whose statements run in the database’s own processes', async () => {
    const stop = await startReadingOffThread({ ...fresh.session, store: { ...fresh.session.store, kind: 'postgres' } });
    expect(offThreadReaderOf(fresh.session.ctx.db)).toBeUndefined();
    await stop();
  });
});

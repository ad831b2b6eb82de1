import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, freshDatabase } from '../test-support/databases.js';
import { checkNetwork } from './check.js';
import { randomIds, sequentialIds, type ServiceContext } from './context.js';
import { loadDemo } from './demo.js';
import { createPerson, removePerson, updatePerson } from './people.js';
import { openSession, type Session } from './session.js';
import { ensureWorkspace } from './workspace.js';

const clock = { now: () => new Date('2026-11-22T10:00:00Z') };

/**
 * The check is kept per version of the workspace's data: the same report until the
 * workspace's data changes, however it changes, and a new one after.
 */
describe.each(DIALECTS)('the kept check, %s', (dialect) => {
  let session: Session;
  let other: Session;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    dispose = db.dispose;
    session = await openSession(db.config, { clock, ids: sequentialIds(), defaultTimeZone: 'UTC' });
    // A second connection to the same data: the command line beside a running server, or a second server.
    other = await openSession(db.config, { clock, defaultTimeZone: 'UTC' });
    await loadDemo(session.ctx);
  });
  afterAll(async () => {
    await other.close();
    await session.close();
    await dispose();
  });

  it('answers with the kept report while nothing is written', async () => {
    const first = await checkNetwork(session.ctx);
    expect(await checkNetwork(session.ctx)).toBe(first);
    expect(await checkNetwork(session.ctx)).toBe(first);
  });

  it('works the check out again after a change, an addition or a removal made through another connection', async () => {
    const before = await checkNetwork(session.ctx);
    const someone = before.quadrants.letBe.find((i) => i.kind === 'person')!;
    await updatePerson(other.ctx, someone.id, { strength: 5, importance: 5 });
    const changed = await checkNetwork(session.ctx);
    expect(changed).not.toBe(before);
    expect(changed.quadrants.maintain.map((i) => i.id)).toContain(someone.id);
    expect(await checkNetwork(session.ctx)).toBe(changed);

    const added = await createPerson(other.ctx, { name: 'Zed Newcomer' });
    const afterAdd = await checkNetwork(session.ctx);
    expect(afterAdd.summary.people).toBe(changed.summary.people + 1);

    await removePerson(other.ctx, added.id);
    const afterRemove = await checkNetwork(session.ctx);
    expect(afterRemove).not.toBe(afterAdd);
    expect(afterRemove.summary.people).toBe(changed.summary.people);
  });
});

/**
 * On PostgreSQL a server shares the cluster with autovacuum, other workspaces and other
 * databases. Their transactions do not change this workspace's data, so they must not
 * throw its kept check away (the check's cache once keyed on the cluster's snapshot,
 * and the summary took seconds after a bulk load while autovacuum analysed the tables).
 */
describe('the kept check on PostgreSQL beside other transactions in the cluster', () => {
  let session: Session;
  let dispose: () => Promise<void>;
  let url: string;

  beforeAll(async () => {
    const db = await freshDatabase('postgres');
    dispose = db.dispose;
    url = (db.config as { url: string }).url;
    session = await openSession(db.config, { clock, ids: sequentialIds(), defaultTimeZone: 'UTC' });
    await loadDemo(session.ctx);
  });
  afterAll(async () => {
    await session.close();
    await dispose();
  });

  it('keeps the report across transactions that take an id, analyses, and writes to another workspace', async () => {
    const first = await checkNetwork(session.ctx);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // What autovacuum does after a bulk load, and any other writer in the cluster: a new transaction id.
      await client.query('select txid_current()');
      await client.query('analyze');
      await client.query('begin; select txid_current(); commit');
    } finally {
      await client.end();
    }
    expect(await checkNetwork(session.ctx)).toBe(first);

    const otherWorkspace: ServiceContext = { ...session.ctx, workspaceId: 'ws_other', ids: randomIds };
    await ensureWorkspace(session.ctx.db, clock, 'UTC', otherWorkspace.workspaceId);
    await createPerson(otherWorkspace, { name: 'Someone Elsewhere' });
    expect(await checkNetwork(session.ctx)).toBe(first);

    // And this workspace's own write still counts.
    await createPerson(session.ctx, { name: 'Someone Here' });
    const after = await checkNetwork(session.ctx);
    expect(after).not.toBe(first);
    expect(after.summary.people).toBe(first.summary.people + 1);
  });
});

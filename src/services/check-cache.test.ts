import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { demoSessions, servedWhenSettled } from '../test-support/demo-sessions.js';
import { servedCheck } from './check.js';
import { randomIds, type ServiceContext } from './context.js';
import { createPerson, removePerson, updatePerson } from './people.js';
import { ensureWorkspace } from './workspace.js';

const clock = { now: () => new Date('2026-11-22T10:00:00Z') };

/** The check as the server keeps it, once its renewal after the last change has settled. */
function current(ctx: ServiceContext) {
  return servedWhenSettled(ctx.db, `${ctx.workspaceId}||2026-11-22`, () => servedCheck(ctx));
}

/**
 * The check is kept per version of the workspace's data: the same check until the
 * workspace's data changes, however it changes, and a new one after.
 */
describe.each(DIALECTS)('the kept check, %s', (dialect) => {
  const world = demoSessions(dialect, clock);

  it('answers with the kept check while nothing is written', async () => {
    const first = await current(world.session.ctx);
    expect((await servedCheck(world.session.ctx)).check).toBe(first.check);
    expect((await servedCheck(world.session.ctx)).freshness).toEqual({ ...first.freshness, updating: false });
  });

  it('works the check out again after a change, an addition or a removal made through another connection', async () => {
    const before = await current(world.session.ctx);
    const someone = before.check.page('letBe', 0, 1000).items.find((i) => i.kind === 'person')!;
    await updatePerson(world.other.ctx, someone.id, { strength: 5, importance: 5 });
    const changed = await current(world.session.ctx);
    expect(changed.check).not.toBe(before.check);
    expect(changed.check.page('maintain', 0, 1000).items.map((i) => i.id)).toContain(someone.id);
    expect((await servedCheck(world.session.ctx)).check).toBe(changed.check);

    const added = await createPerson(world.other.ctx, { name: 'Zed Newcomer' });
    const afterAdd = await current(world.session.ctx);
    expect(afterAdd.check.summary(5).summary.people).toBe(changed.check.summary(5).summary.people + 1);

    await removePerson(world.other.ctx, added.id);
    const afterRemove = await current(world.session.ctx);
    expect(afterRemove.check).not.toBe(afterAdd.check);
    expect(afterRemove.check.summary(5).summary.people).toBe(changed.check.summary(5).summary.people);
  });
});

/**
 * On PostgreSQL a server shares the cluster with autovacuum, other workspaces and other
 * databases. Their transactions do not change this workspace's data, so they must not
 * throw its kept check away (the check's cache once keyed on the cluster's snapshot,
 * and the summary took seconds after a bulk load while autovacuum analysed the tables).
 */
describe('the kept check on PostgreSQL beside other transactions in the cluster', () => {
  const world = demoSessions('postgres', clock);

  it('keeps the check across transactions that take an id, analyses, and writes to another workspace', async () => {
    const first = (await current(world.session.ctx)).check;
    const client = new pg.Client({ connectionString: world.url! });
    await client.connect();
    try {
      // What autovacuum does after a bulk load, and any other writer in the cluster: a new transaction id.
      await client.query('select txid_current()');
      await client.query('analyze');
      await client.query('begin; select txid_current(); commit');
    } finally {
      await client.end();
    }
    expect((await servedCheck(world.session.ctx)).check).toBe(first);

    const otherWorkspace: ServiceContext = { ...world.session.ctx, workspaceId: 'ws_other', ids: randomIds };
    await ensureWorkspace(world.session.ctx.db, clock, 'UTC', otherWorkspace.workspaceId);
    await createPerson(otherWorkspace, { name: 'Someone Elsewhere' });
    expect((await servedCheck(world.session.ctx)).check).toBe(first);

    // And this workspace's own write still counts.
    await createPerson(world.session.ctx, { name: 'Someone Here' });
    const after = (await current(world.session.ctx)).check;
    expect(after).not.toBe(first);
    expect(after.summary(5).summary.people).toBe(first.summary(5).summary.people + 1);
  });
});

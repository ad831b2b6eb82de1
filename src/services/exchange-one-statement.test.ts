import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../core/errors.js';
import { DIALECTS } from '../test-support/databases.js';
import { freshSession } from '../test-support/fresh-session.js';
import { workspaceBeside } from '../test-support/workspaces.js';
import { randomIds, type ServiceContext } from './context.js';
import { logExchange } from './exchanges.js';
import { createPerson } from './people.js';
import { onPeopleWritten, type PeopleWritten } from './people-writes.js';
import { addTarget, listTargets } from './plan.js';

/*
 * An exchange with one person is, on PostgreSQL, one statement for the exchange, its link to the
 * person and the plan's targets it meets (storage/journal.ts insertExchangeWithOnePerson); on SQLite
 * three. Either way the same rows, the same told write, and nothing for a person of another workspace.
 */
const TODAY = '2026-11-22';

describe.each(DIALECTS)('an exchange with one person, on %s', (dialect) => {
  const world = freshSession(dialect, { clock: { now: () => new Date(`${TODAY}T10:00:00Z`) } });
  let ctx: ServiceContext;
  beforeAll(() => {
    ctx = world.session.ctx;
  });

  const count = async (table: 'exchanges' | 'exchange_people') => (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db)).rows[0]!.n;

  it("writes the exchange, its link and the month's target it meets, and tells a write of those tables", async () => {
    const person = await createPerson(ctx, { name: 'Ada Planned' });
    await addTarget(ctx, { personId: person.id, month: '2026-11' });
    const told: PeopleWritten[] = [];
    const stop = onPeopleWritten(ctx.db, (write) => told.push(write));
    const { exchange } = await logExchange(ctx, { personIds: [person.id], channel: 'coffee', occurredOn: TODAY });
    stop();
    const link = await ctx.db.selectFrom('exchangePeople').select(['personId', 'loggedSeq', 'stageBefore', 'stageAfter']).where('exchangeId', '=', exchange.id).execute();
    expect(link.map((r) => ({ ...r, loggedSeq: Number(r.loggedSeq) }))).toEqual([{ personId: person.id, loggedSeq: 1, stageBefore: 'to-meet', stageAfter: 'met' }]);
    const targets = await listTargets(ctx, '2026-11');
    expect(targets.map((t) => ({ status: t.status, exchangeId: t.exchangeId }))).toEqual([{ status: 'done', exchangeId: exchange.id }]);
    expect(told).toHaveLength(1);
    expect([...told[0]!.written].filter((name) => !name.startsWith('people.')).sort()).toEqual(['exchange_people', 'exchanges', 'plan_targets']);
  });

  it("refuses another workspace's person and writes nothing", async () => {
    const elsewhere = await workspaceBeside(ctx, 'ws-elsewhere', { ids: randomIds });
    const stranger = await createPerson(elsewhere, { name: 'Ben Elsewhere' });
    const exchanges = await count('exchanges');
    const links = await count('exchange_people');
    await expect(logExchange(ctx, { personIds: [stranger.id], channel: 'email', occurredOn: TODAY })).rejects.toThrow(NotFoundError);
    expect(await count('exchanges')).toBe(exchanges);
    expect(await count('exchange_people')).toBe(links);
  });

  const row = (id: string) =>
    ctx.db.selectFrom('people').select(['stage', 'nextContactOn', 'nextContactSetOn', 'nextContactDue', 'lastExchangeOn', 'journalExchanges', 'updatedAt']).where('id', '=', id).executeTakeFirstOrThrow();

  it('writes the stage, clears the hand-set date it fulfils, and sets the journal and the next contact in one update of the row', async () => {
    const person = await createPerson(ctx, { name: 'Cy Handset', cadence: '1m', nextContactOn: '2026-12-01' });
    await ctx.db.updateTable('people').set({ nextContactSetOn: '2026-11-01', updatedAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', person.id).execute();
    await logExchange(ctx, { personIds: [person.id], channel: 'coffee', occurredOn: '2026-11-20' });
    expect({ ...(await row(person.id)), journalExchanges: Number((await row(person.id)).journalExchanges) }).toEqual({
      stage: 'met',
      nextContactOn: null,
      nextContactSetOn: null,
      nextContactDue: '2026-12-20',
      lastExchangeOn: '2026-11-20',
      journalExchanges: 1,
      updatedAt: `${TODAY}T10:00:00.000Z`,
    });
  });

  it('leaves updated_at when neither the stage nor a hand-set date moves, and keeps a later last exchange', async () => {
    const person = await createPerson(ctx, { name: 'Di Regular', cadence: '1w' });
    await logExchange(ctx, { personIds: [person.id], channel: 'coffee', occurredOn: '2026-11-21' });
    await ctx.db.updateTable('people').set({ updatedAt: '2026-01-01T00:00:00.000Z' }).where('id', '=', person.id).execute();
    // Back-dated, by email: the stage stays (met), the last exchange stays the later one.
    await logExchange(ctx, { personIds: [person.id], channel: 'email', occurredOn: '2026-11-01' });
    const after = await row(person.id);
    expect({ stage: after.stage, lastExchangeOn: after.lastExchangeOn, nextContactDue: after.nextContactDue, updatedAt: after.updatedAt, exchanges: Number(after.journalExchanges) }).toEqual({
      stage: 'met',
      lastExchangeOn: '2026-11-21',
      nextContactDue: '2026-11-28',
      updatedAt: '2026-01-01T00:00:00.000Z',
      exchanges: 2,
    });
  });

  it("sets the next contact the journal gives when the row's last exchange was not the journal's (the expected date is only a guess)", async () => {
    const person = await createPerson(ctx, { name: 'Ed Stale', cadence: '1m' });
    // A row whose derived date disagrees with its journal (none yet): the guess from it (2030) is wrong.
    await ctx.db.updateTable('people').set({ lastExchangeOn: '2030-01-01' }).where('id', '=', person.id).execute();
    await logExchange(ctx, { personIds: [person.id], channel: 'email', occurredOn: '2026-11-10' });
    const after = await row(person.id);
    expect({ lastExchangeOn: after.lastExchangeOn, nextContactDue: after.nextContactDue }).toEqual({ lastExchangeOn: '2026-11-10', nextContactDue: '2026-12-10' });
  });

  it('writes the stage and the hand-set date only when the exchange moves them: a listing by stage is not left owing the person', async () => {
    const person = await createPerson(ctx, { name: 'Gus Steady' });
    const written = async (channel: 'coffee' | 'email') => {
      const told: PeopleWritten[] = [];
      const stop = onPeopleWritten(ctx.db, (write) => told.push(write));
      await logExchange(ctx, { personIds: [person.id], channel, occurredOn: TODAY });
      stop();
      return [...told[0]!.written].filter((name) => name.startsWith('people.')).sort();
    };
    expect(await written('coffee')).toEqual(expect.arrayContaining(['people.stage', 'people.updated_at']));
    // Met already, by email: the stage stays, and neither it nor updated_at is written.
    const steady = await written('email');
    expect(steady).not.toContain('people.stage');
    expect(steady).not.toContain('people.updated_at');
    expect(steady).toContain('people.last_exchange_on');
  });
});

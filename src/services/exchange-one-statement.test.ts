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
});

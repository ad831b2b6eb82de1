import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { summariseJournal, type JournalSummary } from '../core/check/journal-summary.js';
import { loadDemo } from '../services/demo.js';
import { CHANNELS, GIVE_KINDS, RECEIVE_KINDS } from '../core/vocabulary.js';
import { listJournalEntries, logExchange, removeExchange } from '../services/exchanges.js';
import { createPerson, removePerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { journalSummaryQueries, readJournalSummary } from './journal-summary.js';
import { freshSession } from '../test-support/fresh-session.js';

const byPerson = (summary: JournalSummary) => ({ ...summary, people: [...summary.people].sort((a, b) => (a.personId < b.personId ? -1 : 1)) });

/** The database's sum of the journal is the core's sum of the same exchanges. */
describe.each(DIALECTS)('the journal summed by the database, %s', (dialect) => {
  // A database per test: each test's sums are of its own journal alone, in any order.
  const world = freshSession(dialect, { per: 'test' });
  // The demo map in a database of its own, beside the small journals the other tests write.
  const demoWorld = freshSession(dialect, { ids: 'random' });

  it('is empty with no journal', async () => {
    expect(await readJournalSummary(world.session.ctx.db, world.session.ctx.workspaceId)).toEqual({ exchanges: 0, gave: 0, received: 0, people: [] });
  });

  it('counts group exchanges for each person in them, and online-only as every exchange online', async () => {
    const ana = await createPerson(world.session.ctx, { name: 'Ana Online' });
    const ben = await createPerson(world.session.ctx, { name: 'Ben Both' });
    await logExchange(world.session.ctx, { personIds: [ana.id, ben.id], channel: 'email', occurredOn: '2026-11-01', gave: [{ kind: 'help' }, { kind: 'feedback' }], received: [{ kind: 'insight' }] });
    await logExchange(world.session.ctx, { personIds: [ana.id], channel: 'video', occurredOn: '2026-11-10', received: [{ kind: 'resource' }] });
    await logExchange(world.session.ctx, { personIds: [ben.id], channel: 'coffee', occurredOn: '2026-10-01' });
    const summed = await readJournalSummary(world.session.ctx.db, world.session.ctx.workspaceId);
    expect(byPerson(summed)).toEqual(
      byPerson({
        exchanges: 3,
        gave: 2,
        received: 2,
        people: [
          { personId: ana.id, exchanges: 2, gave: 2, received: 2, lastExchangeOn: '2026-11-10', onlineOnly: true },
          { personId: ben.id, exchanges: 2, gave: 2, received: 1, lastExchangeOn: '2026-11-01', onlineOnly: false },
        ],
      }),
    );
    expect(byPerson(summed)).toEqual(byPerson(summariseJournal(await listJournalEntries(world.session.ctx))));
  });

  it("keeps each person's sums equal to the exchanges' through random logs, removals of exchanges and removals of people", async () => {
    const ctx = world.session.ctx;
    // A seeded walk (a linear congruential generator): the same writes on every run and both databases.
    let state = 15;
    const pick = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const choose = <T>(list: readonly T[]) => list[pick(list.length)] as T;
    const people: string[] = [];
    for (let i = 0; i < 8; i++) people.push((await createPerson(ctx, { name: `Walker ${i}` })).id);
    const agrees = async () => expect(byPerson(await readJournalSummary(ctx.db, ctx.workspaceId))).toEqual(byPerson(summariseJournal(await listJournalEntries(ctx))));
    for (let step = 1; step <= 36; step++) {
      const roll = pick(12);
      const logged = (await listJournalEntries(ctx)).map((e) => e.id);
      if (roll < 7 || logged.length === 0) {
        const personIds = [...new Set(Array.from({ length: 1 + pick(3) }, () => choose(people)))];
        const occurredOn = `2026-${String(1 + pick(11)).padStart(2, '0')}-${String(1 + pick(28)).padStart(2, '0')}`;
        const gave = Array.from({ length: pick(3) }, () => ({ kind: choose(GIVE_KINDS) }));
        const received = Array.from({ length: pick(3) }, () => ({ kind: choose(RECEIVE_KINDS) }));
        await logExchange(ctx, { personIds, channel: choose(CHANNELS), occurredOn, gave, received });
      } else if (roll < 11) {
        await removeExchange(ctx, choose(logged));
      } else if (people.length > 3) {
        // Their exchanges with no one else go with them; group exchanges stay for the others.
        await removePerson(ctx, people.splice(pick(people.length), 1)[0] as string);
      }
      if (step % 6 === 0) await agrees();
    }
    expect((await readJournalSummary(ctx.db, ctx.workspaceId)).exchanges).toBeGreaterThan(5);
  });

  it('agrees with the core on a whole demo map', async () => {
    const demo = demoWorld.session;
    await loadDemo(demo.ctx);
    const summed = await readJournalSummary(demo.ctx.db, demo.ctx.workspaceId);
    expect(summed.exchanges).toBeGreaterThanOrEqual(140);
    expect(byPerson(summed)).toEqual(byPerson(summariseJournal(await listJournalEntries(demo.ctx))));
  });
});

/*
 * On SQLite the totals read each exchange from the index made for them (migration
 * 2026-12-07T1200-journal-summary-index), never from the exchanges' rows, and the people's sums
 * are read from their rows' kept sums through the partial index holding them (migration
 * 2026-12-09T1300-person-journal-totals), never grouped from
 * the exchanges' people again: either gone back would be several times slower at 5,000 people.
 */
describe('the journal summed on SQLite', () => {
  const world = freshSession('sqlite', { ids: 'random' });
  it("reads the totals only through their summary index, and the people's sums only through theirs", async () => {
    const { session } = world;
    const queries = journalSummaryQueries(session.ctx.db, session.ctx.workspaceId);
    const raw = session.ctx.db.withoutPlugins();
    const planOf = async (query: (typeof queries)['totals' | 'people']) =>
      (await sql<{ detail: string }>`explain query plan ${query}`.execute(raw)).rows.map((r) => r.detail);
    expect(await planOf(queries.totals)).toEqual(['SEARCH e USING COVERING INDEX exchanges_journal_summary (workspace_id=?)']);
    const people = await planOf(queries.people);
    expect(people).toEqual(['SEARCH p USING COVERING INDEX people_journal (workspace_id=?)']);
  });
});

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { summariseJournal, type JournalSummary } from '../core/check/journal-summary.js';
import { loadDemo } from '../services/demo.js';
import { listJournalEntries, logExchange } from '../services/exchanges.js';
import { createPerson } from '../services/people.js';
import { DIALECTS } from '../test-support/databases.js';
import { journalSummaryQueries, readJournalSummary } from './journal-summary.js';
import { freshSession } from '../test-support/fresh-session.js';

const byPerson = (summary: JournalSummary) => ({ ...summary, people: [...summary.people].sort((a, b) => (a.personId < b.personId ? -1 : 1)) });

/** The database's sum of the journal is the core's sum of the same exchanges. */
describe.each(DIALECTS)('the journal summed by the database, %s', (dialect) => {
  const world = freshSession(dialect);
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

  it('agrees with the core on a whole demo map', async () => {
    const demo = demoWorld.session;
    await loadDemo(demo.ctx);
    const summed = await readJournalSummary(demo.ctx.db, demo.ctx.workspaceId);
    expect(summed.exchanges).toBeGreaterThanOrEqual(140);
    expect(byPerson(summed)).toEqual(byPerson(summariseJournal(await listJournalEntries(demo.ctx))));
  });
});

/*
 * On SQLite the sums read each exchange from the index made for them (migration
 * 2026-12-07T1200-journal-summary-index), never from the exchanges' rows: a length written
 * differently in the query than in the index would quietly go back to a lookup per person
 * in each exchange, several times slower at 5,000 people.
 */
describe('the journal summed on SQLite', () => {
  const world = freshSession('sqlite', { ids: 'random' });
  it('reads the exchanges only through their summary index, walking them before their people', async () => {
    const { session } = world;
    const queries = journalSummaryQueries(session.ctx.db, session.ctx.workspaceId);
    const raw = session.ctx.db.withoutPlugins();
    const planOf = async (query: (typeof queries)['totals' | 'people']) =>
      (await sql<{ detail: string }>`explain query plan ${query}`.execute(raw)).rows.map((r) => r.detail);
    expect(await planOf(queries.totals)).toEqual(['SEARCH e USING COVERING INDEX exchanges_journal_summary (workspace_id=?)']);
    const people = await planOf(queries.people);
    expect(people[0]).toBe('SEARCH e USING COVERING INDEX exchanges_journal_summary (workspace_id=?)');
    expect(people[1]).toMatch(/^SEARCH ep USING COVERING INDEX /);
  });
});

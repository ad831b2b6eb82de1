import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { compiledOnce } from './compiled-once.js';
import { journalSumsByPerson } from './journal-summary.js';

/**
 * What the people indexes on derived dates stand in for a missing date (migration
 * 2026-12-03T1000-read-speed): people with nothing planned sort after every next
 * contact, people never met after every last exchange. A query must write the
 * expression exactly as the index does for the index to serve it.
 */
export const NO_NEXT_CONTACT = '9999-12-31';
export const NO_LAST_EXCHANGE = '0001-01-01';

/*
 * The derived columns of a person's row, kept current by the writes that change what they
 * derive from (services/rhythm.ts, services/goal-relevance.ts say when). `ids` undefined:
 * everyone in the workspace; otherwise at most a chunk's worth (storage/chunks.ts).
 */

/** What the caller knows of the journal it just wrote: each of these people has an exchange (one was just logged with them), so none goes back to none. */
export interface JournalKnown {
  eachHasAnExchange?: boolean;
}

/**
 * Sets what each person's row keeps of the journal (migration 2026-12-09T1300-person-journal-totals):
 * `last_exchange_on`, and the sums the network check reads instead of grouping every exchange
 * (storage/journal-summary.ts): how many exchanges, the items given and received over them, and
 * whether every one was online. Two statements: the people with exchanges from their sums, the
 * rest back to none (only those that had some, so a bulk load does not rewrite everyone's row); the
 * second left out when the caller knows each has an exchange.
 */
function journalColumnsUpdate(db: Kysely<Database>, workspaceId: string, ids: readonly string[] | undefined) {
  let sums = journalSumsByPerson(db, workspaceId);
  if (ids) sums = sums.where('ep.personId', 'in', [...ids]);
  let update = db
    .updateTable('people')
    .from(sums.as('j'))
    .set((eb) => ({
      lastExchangeOn: eb.ref('j.lastExchangeOn'),
      journalExchanges: eb.ref('j.exchanges'),
      journalGave: eb.ref('j.gave'),
      journalReceived: eb.ref('j.received'),
      journalOnlineOnly: eb.ref('j.onlineOnly'),
    }))
    .whereRef('people.id', '=', 'j.personId')
    .where('people.workspaceId', '=', workspaceId);
  if (ids) update = update.where('people.id', 'in', [...ids]);
  return update;
}

/** The journal's columns of a few people: the statement every logged exchange runs, compiled once (compiled-once.ts). */
const journalColumnsOf = compiledOnce((db, values: { workspaceId: string; ids: readonly string[] }) => journalColumnsUpdate(db, values.workspaceId, values.ids));

export async function refreshJournalColumns(db: Kysely<Database>, workspaceId: string, ids: readonly string[] | undefined, known: JournalKnown = {}): Promise<void> {
  if (ids) await journalColumnsOf(db, { workspaceId, ids });
  else await journalColumnsUpdate(db, workspaceId, ids).execute();
  // The second statement would find no one: one statement fewer for every exchange logged.
  if (known.eachHasAnExchange && ids) return;
  let none = db
    .updateTable('people')
    .set({ lastExchangeOn: null, journalExchanges: 0, journalGave: 0, journalReceived: 0, journalOnlineOnly: 0 })
    .where('workspaceId', '=', workspaceId)
    .where((eb) => eb.or([eb('lastExchangeOn', 'is not', null), eb('journalExchanges', '<>', 0)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('exchangePeople as ep').select('ep.personId').whereRef('ep.personId', '=', 'people.id'))));
  if (ids) none = none.where('id', 'in', [...ids]);
  await none.execute();
}

/** The columns a person's next contact is worked out from (services/rhythm.ts), with the date stored for it now: read by rhythmSelect, given back by journalColumnsWithRhythmOf. */
const RHYTHM_COLUMNS = ['people.id', 'people.nextContactOn', 'people.cadence', 'people.lastExchangeOn', 'people.addedOn', 'people.nextContactDue'] as const;

/** journalColumnsOf, giving back each updated person's rhythm columns as they stand after it: selectRhythmRows' rows without its statement. */
const journalColumnsWithRhythmOf = compiledOnce((db, values: { workspaceId: string; ids: readonly string[] }) => journalColumnsUpdate(db, values.workspaceId, values.ids).returning([...RHYTHM_COLUMNS]));

/**
 * refreshJournalColumns for people who each have an exchange (one was just logged with them), in one
 * statement that also gives back their rhythm rows: the rows of everyone it updated, which is all of
 * `ids` when each has an exchange; anyone missing (say, a person removed meanwhile) is read again.
 */
export async function refreshJournalColumnsOfPeopleWithExchanges(db: Kysely<Database>, workspaceId: string, ids: readonly string[]) {
  const { rows } = await journalColumnsWithRhythmOf(db, { workspaceId, ids });
  return rows.length === new Set(ids).size ? rows : selectRhythmRows(db, workspaceId, ids);
}

/**
 * What logging an exchange with one person writes to their row beside the journal's columns: the stage
 * when the rules move it, the hand-set next contact when the exchange fulfils it (both null), when
 * either moved (`updatedAt`), and the next contact the caller expects of the row after it
 * (services/rhythm.ts settles it when the journal says otherwise). A column the exchange does not move
 * is left out of the statement, not written with its own value: a kept listing that reads a column
 * written owes a catch-up for the person (people-list-patch.ts), and those by stage are many.
 */
export type OneExchangeWrites = {
  stage?: string;
  nextContactOn?: null;
  nextContactSetOn?: null;
  updatedAt?: string;
  nextContactDue: string | null;
};

/** One statement text for each set of columns written (compiled-once.ts keys its shapes by the values given). */
const journalAfterOneExchangeOf = compiledOnce((db, v: { workspaceId: string; personId: string } & OneExchangeWrites) => {
  const { workspaceId, personId, ...writes } = v;
  return journalColumnsUpdate(db, workspaceId, [personId])
    .set(writes)
    .returning([...RHYTHM_COLUMNS]);
});

/**
 * refreshJournalColumnsOfPeopleWithExchanges for the one person an exchange was just logged with, in
 * the same statement as what logging writes to their row (OneExchangeWrites): one statement where
 * there were two or three (the stage, the journal's columns, the next contact), each a round trip on
 * PostgreSQL while the workspace's writes wait behind it. Their rhythm row as it stands after it.
 */
export async function refreshJournalAfterOneExchange(db: Kysely<Database>, workspaceId: string, personId: string, writes: OneExchangeWrites) {
  const { rows } = await journalAfterOneExchangeOf(db, { workspaceId, personId, ...writes });
  return rows.length === 1 ? rows : selectRhythmRows(db, workspaceId, [personId]);
}

/** What each person's next contact is worked out from, with the date stored for it now. */
function rhythmSelect(db: Kysely<Database>, workspaceId: string, ids: readonly string[] | undefined) {
  const select = db.selectFrom('people').select([...RHYTHM_COLUMNS]).where('workspaceId', '=', workspaceId);
  return ids ? select.where('id', 'in', [...ids]) : select;
}
const rhythmRowsOf = compiledOnce((db, values: { workspaceId: string; ids: readonly string[] }) => rhythmSelect(db, values.workspaceId, values.ids));

export async function selectRhythmRows(db: Kysely<Database>, workspaceId: string, ids: readonly string[] | undefined) {
  return ids ? (await rhythmRowsOf(db, { workspaceId, ids })).rows : rhythmSelect(db, workspaceId, ids).execute();
}

/** A person's rhythm columns (RHYTHM_COLUMNS), as selectRhythmRows reads them. */
export type RhythmRow = Awaited<ReturnType<typeof selectRhythmRows>>[number];

/** Stores one next-contact date for these people (a chunk of them). */
const nextContactDueSet = compiledOnce((db, values: { workspaceId: string; ids: readonly string[]; due: string | null }) =>
  db.updateTable('people').set({ nextContactDue: values.due }).where('workspaceId', '=', values.workspaceId).where('id', 'in', [...values.ids]),
);

export async function setNextContactDue(db: Kysely<Database>, workspaceId: string, ids: readonly string[], due: string | null): Promise<void> {
  await nextContactDueSet(db, { workspaceId, ids, due });
}

/** Sets `goal_relevance` to each person's highest relevance to an active goal (0 without one): for these people, those linked to a goal, or everyone. */
export async function refreshGoalRelevanceOf(db: Kysely<Database>, workspaceId: string, who: { ids: readonly string[] } | { goalId: string } | 'everyone'): Promise<void> {
  const best = sql<number>`coalesce((select max(pg.relevance) from person_goals pg join goals g on g.id = pg.goal_id where pg.person_id = people.id and g.status = 'active'), 0)`;
  const update = db.updateTable('people').set({ goalRelevance: best }).where('workspaceId', '=', workspaceId);
  if (who === 'everyone') await update.execute();
  else if ('goalId' in who) await update.where('id', 'in', (eb) => eb.selectFrom('personGoals').select('personGoals.personId').where('personGoals.goalId', '=', who.goalId)).execute();
  else await update.where('id', 'in', [...who.ids]).execute();
}

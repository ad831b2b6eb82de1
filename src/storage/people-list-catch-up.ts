import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import type { IdOrder } from '../core/id-order.js';
import { pairKey, placesInOrder, type ProbePair } from '../core/places-in-order.js';
import { foldQuery } from '../core/search-text.js';
import type { PersonSort } from '../contract/filters.js';
import { dataVersion, listingVersionOf } from './data-version.js';
import { NO_LAST_EXCHANGE, NO_NEXT_CONTACT } from './derived.js';
import type { CatchUp } from './kept-per-version.js';
import type { KeptListing } from './people-list.js';
import { peopleMatching } from './people-list.js';
import { chunks } from './chunks.js';
import { preparedOnPostgres } from './prepared-statements.js';
import { isPostgres } from './json-dialects.js';
import { parametersOf, parametersShifted, templateOf, type StatementTemplate } from './statement-template.js';
import { matchesSearch } from './search-index.js';
import type { Database } from './schema.js';
import { withoutPlugins } from './without-plugins.js';

/*
 * A kept people listing (people-list.ts) caught up, when it is read, with the people written since it
 * was worked out (people-list-patch.ts notes them): each one's id taken out of a kept order and put
 * back where the order's sort now places it (found by asking the database about a few dozen of the
 * order's ids a person, every person in one question a round: core/places-in-order.ts), and a kept
 * count moved by who joined or left the filter. Several writes before one read make one catch-up: the
 * people none of them wrote keep their order among themselves, so taking every written person out and
 * placing each again against the data as it now is gives the order now. The database is asked about
 * the written people only, so what matches and what sorts before what is the database's own rule, the
 * same that read the order (ties by sort name, then id; its collation).
 */

/** More people owed than this (many writes before a read, or one to many people) and the listing is read again whole instead. */
export const MAX_PATCHED_PEOPLE = 20;

/** What a kept order owes: the people written since. */
export type OrderOwed = ReadonlySet<string>;
/** What a kept count owes: the people written since, each with whether the count held them (the listing matched them) when it was kept. */
export type CountOwed = ReadonlyMap<string, boolean>;

const listingVersionIn = async (trx: Kysely<Database>, about: KeptListing) => listingVersionOf(await dataVersion(trx, about.workspaceId), about.reads);

export const orderCatchUp: CatchUp<IdOrder, KeptListing, OrderOwed> = {
  // Each owed person taken out and placed again as the data now has them: the same for an order that already held the write.
  idempotent: true,
  add(owed, more) {
    const all = new Set([...(owed ?? []), ...more]);
    return all.size > MAX_PATCHED_PEOPLE ? null : all;
  },
  versionIn: listingVersionIn,
  async apply(trx, { value: order, weight, about, owed }) {
    const now = await membersAmong(trx, about, [...owed]);
    // The order's weight moves by what its ids weigh (the rest of the weight, its key and listing, stays).
    const { order: without } = order.without(owed);
    let ids = without;
    const sort = about.sort ?? 'name';
    for (const { place, id } of await placesInOrder(without, [...now], (pairs) => whichSortBefore(trx, sort, pairs))) ids = ids.inserted(place, id);
    return { value: ids, weight: weight - order.idBytes + ids.idBytes };
  },
};

export const countCatchUp: CatchUp<number, KeptListing, CountOwed> = {
  // Moved by who joined or left since the count was kept: a count that already held the write would be moved twice.
  idempotent: false,
  // Whether the count held a person is as it was when the count was kept: the first write to them says.
  add(owed, more) {
    const all = new Map([...more, ...(owed ?? [])]);
    return all.size > MAX_PATCHED_PEOPLE ? null : all;
  },
  versionIn: listingVersionIn,
  async apply(trx, { value: count, weight, about, owed }) {
    const held = [...owed.values()].filter(Boolean).length;
    return { value: count - held + (await membersAmong(trx, about, [...owed.keys()])).size, weight };
  },
};

/** The rows of `personIds` a listing's filter matches now. */
function matchingAmong(trx: Kysely<Database>, about: KeptListing, personIds: readonly string[]) {
  const query = peopleMatching(trx, about.workspaceId, about.today, about.filter).where('people.id', 'in', personIds);
  const search = about.filter.search?.trim();
  return search ? query.where(matchesSearch(trx, about.workspaceId, foldQuery(search), 'walk')) : query;
}

/** Which of `personIds` a listing's filter matches now. */
async function membersAmong(trx: Kysely<Database>, about: KeptListing, personIds: readonly string[]): Promise<Set<string>> {
  const template = membersTemplate(trx, about, personIds.length);
  const rows = template
    ? (await trx.executeQuery<{ id: string }>(CompiledQuery.raw(template.compiled.sql, parametersOf(template, { personIds })))).rows
    : await matchingAmong(trx, about, personIds).select('people.id').execute();
  return new Set(rows.map((row) => row.id));
}

/**
 * Each kept listing's membersAmong statement, by database kind and how many people it asks about,
 * made once for as long as the listing is kept (statement-template.ts): every write to a few people
 * asks it of each kept count the write may move, and each catch-up of it asks it again. Null: the
 * listing's query cannot be kept so (it is built each time).
 */
const memberTemplates = new WeakMap<KeptListing, Map<string, StatementTemplate | null>>();

function membersTemplate(trx: Kysely<Database>, about: KeptListing, count: number): StatementTemplate | null {
  const key = `${isPostgres(trx) ? 'postgres' : 'sqlite'}:${count}`;
  let kept = memberTemplates.get(about);
  if (!kept) memberTemplates.set(about, (kept = new Map()));
  let template = kept.get(key);
  if (template === undefined) {
    const made = templateOf({ personIds: new Array<string>(count).fill('') }, ({ personIds }) => matchingAmong(trx, about, personIds).select('people.id').compile());
    kept.set(key, (template = typeof made === 'string' ? null : made));
  }
  return template;
}

/** How many listings one statement asks about (membersOfEach): well inside SQLite's 500 terms of a compound select. */
const LISTINGS_A_STATEMENT = 50;

/**
 * Which of `personIds` each listing's filter matches now, in that order: one statement for many
 * listings (`union all`, each row tagged with its listing), so a write asking about every kept count
 * it touches makes one round trip inside its locked transaction, not one a count.
 */
export async function membersOfEach(trx: Kysely<Database>, listings: readonly KeptListing[], personIds: readonly string[]): Promise<Set<string>[]> {
  const found = listings.map(() => new Set<string>());
  for (const part of chunks([...listings.keys()], LISTINGS_A_STATEMENT)) {
    const statement = membersStatement(trx, listings, part, personIds);
    if (statement) addMembers(found, (await trx.executeQuery(statement)).rows);
  }
  return found;
}

/** Each row's person added to its listing's members (the row names the listing by its index). */
function addMembers(found: Set<string>[], rows: readonly { id: string; listing: number }[]): void {
  for (const row of rows) found[Number(row.listing)]?.add(row.id);
}

/**
 * The statement membersOfEach sends for the listings at `indexes` (each row: a person's id and the
 * listing's index), or null for none: each listing's kept template (membersTemplate) in a `union all`,
 * its values after the parts' before it; built through Kysely when a listing has no template.
 */
function membersStatement(trx: Kysely<Database>, listings: readonly KeptListing[], indexes: readonly number[], personIds: readonly string[]): CompiledQuery<{ id: string; listing: number }> | null {
  if (indexes.length === 0) return null;
  const postgres = isPostgres(trx);
  const parts: string[] = [];
  const parameters: unknown[] = [];
  for (const i of indexes) {
    const template = membersTemplate(trx, listings[i] as KeptListing, personIds.length);
    if (!template) return membersQuery(trx, listings, indexes, personIds)?.compile() ?? null;
    // PostgreSQL numbers its values: a part's are moved past those of the parts before it. SQLite's are in order.
    const text = postgres ? parametersShifted(template.compiled.sql, parameters.length) : template.compiled.sql;
    parts.push(`select "m${i}"."id", ${i} as "listing" from (${text}) as "m${i}"`);
    parameters.push(...parametersOf(template, { personIds }));
  }
  return CompiledQuery.raw(parts.join(' union all '), parameters) as CompiledQuery<{ id: string; listing: number }>;
}

/** membersStatement built through Kysely, for listings without a template. */
function membersQuery(trx: Kysely<Database>, listings: readonly KeptListing[], indexes: readonly number[], personIds: readonly string[]) {
  const [first, ...rest] = indexes.map((i) => matchingAmong(trx, listings[i] as KeptListing, personIds).select(['people.id', sql<number>`${sql.lit(i)}`.as('listing')]));
  return first ? rest.reduce((all, next) => all.unionAll(next), first) : null;
}

/**
 * membersOfEach's one statement for at most LISTINGS_A_STATEMENT listings, compiled for another
 * statement to carry (people-list-patch.ts sends it with a write's lock: a round trip fewer in the
 * line of writes), and how to read its rows (`id`, `listing`) back; null when there are too many
 * listings for one statement, or none.
 */
export function membersOfEachCompiled(trx: Kysely<Database>, listings: readonly KeptListing[], personIds: readonly string[]): CompiledQuery<{ id: string; listing: number }> | null {
  if (listings.length === 0 || listings.length > LISTINGS_A_STATEMENT) return null;
  return membersStatement(trx, listings, [...listings.keys()], personIds);
}

/** membersOfEach's answer from its statement's rows (membersOfEachCompiled). */
export function membersFromRows(listings: readonly KeptListing[], rows: readonly { id: string; listing: number }[]): Set<string>[] {
  const found = listings.map(() => new Set<string>());
  addMembers(found, rows);
  return found;
}

/**
 * Of `pairs`, those whose probe sorts before its person (placesInOrder's question):
 * one statement for every pair of a round, its values the pairs whole (two arrays on PostgreSQL, one
 * JSON array on SQLite), so its text is the same for any number of them and stays prepared.
 */
async function whichSortBefore(trx: Kysely<Database>, sort: PersonSort, pairs: readonly ProbePair[]): Promise<Set<string>> {
  const postgres = isPostgres(trx);
  const key = `${postgres ? 'postgres' : 'sqlite'}:${sort}`;
  let text = pairQuestions.get(key);
  // Compiled past the plugins: a raw statement compiled through them counts as a write (data-version.ts countWrites), and
  // moved this process's version on while the read that compiled it named the version before.
  if (text === undefined) pairQuestions.set(key, (text = preparedOnPostgres(trx, pairQuestion(trx, sort).compile(withoutPlugins(trx)).sql)));
  if (postgres) {
    const people = [...new Set(pairs.map((pair) => pair.person))];
    const { rows } = await trx.executeQuery<{ before: number[] | null }>(CompiledQuery.raw(text, [people, pairs.map((pair) => pair.person), pairs.map((pair) => pair.probe)]));
    const found = new Set<string>();
    for (const n of rows[0]?.before ?? []) {
      const pair = pairs[n - 1];
      if (pair) found.add(pairKey(pair.person, pair.probe));
    }
    return found;
  }
  const { rows } = await trx.executeQuery<{ person: string; probe: string }>(CompiledQuery.raw(text, [JSON.stringify(pairs.map((pair) => [pair.person, pair.probe]))]));
  return new Set(rows.map((row) => pairKey(row.person, row.probe)));
}

/** whichSortBefore's statement text by database kind and sort: the same for every listing and every number of pairs. */
const pairQuestions = new Map<string, string>();

/** The columns of a person sortsBefore reads (the sort's key, the name and the id every order ends with). */
const SORT_COLUMNS = 'id, sort_name, strength, importance, added_on, last_exchange_on, next_contact_due';

/**
 * whichSortBefore's statement: each pair's two rows joined by id, kept where x (the probe) sorts before p (the person).
 * On PostgreSQL each person's row is read once for all their pairs (a round asks about 32 places a person), and the
 * answer is one row: the pairs' places in the values (1-based) as one array, where a row of two ids a pair made the
 * server and the driver write and read some 160 rows a round (issue 15: the most costly statement of a mixed load).
 */
function pairQuestion(trx: Kysely<Database>, sort: PersonSort) {
  // Placeholders only: the pairs are the statement's values (whichSortBefore), never its text.
  if (isPostgres(trx)) {
    return sql<{ before: number[] | null }>`with p as materialized (select ${sql.raw(SORT_COLUMNS)} from people where id = any(${sql.val([] as string[])}::text[]))
      select array_agg(q.n::int) as before
      from unnest(${sql.val([] as string[])}::text[], ${sql.val([] as string[])}::text[]) with ordinality as q(person, probe, n)
      join p on p.id = q.person join people as x on x.id = q.probe where ${sortsBefore(sort)}`;
  }
  const pairs = sql`(select json_extract(j.value, '$[0]') as person, json_extract(j.value, '$[1]') as probe from json_each(${sql.val('[]')}) as j) as q`;
  return sql<{ person: string; probe: string }>`select q.person as person, q.probe as probe from ${pairs} join people as p on p.id = q.person join people as x on x.id = q.probe where ${sortsBefore(sort)}`;
}

/** Whether row x sorts before row p in the sort's order: the list's order (people-list.ts, inOrder), key by key. */
function sortsBefore(sort: PersonSort): RawBuilder<boolean> {
  const rest = sql<boolean>`(x.sort_name, x.id) < (p.sort_name, p.id)`;
  const keyed = (x: RawBuilder<unknown>, p: RawBuilder<unknown>, descending: boolean) =>
    sql<boolean>`(${x} ${sql.raw(descending ? '>' : '<')} ${p} or (${x} = ${p} and ${rest}))`;
  switch (sort) {
    case 'name':
      return rest;
    case 'strength':
    case 'importance':
      return keyed(sql.raw(`x.${sort}`), sql.raw(`p.${sort}`), true);
    case 'added':
      return keyed(sql.raw('x.added_on'), sql.raw('p.added_on'), true);
    case 'last-exchange':
      return keyed(sql`coalesce(x.last_exchange_on, ${sql.lit(NO_LAST_EXCHANGE)})`, sql`coalesce(p.last_exchange_on, ${sql.lit(NO_LAST_EXCHANGE)})`, true);
    case 'next-contact':
      return keyed(sql`coalesce(x.next_contact_due, ${sql.lit(NO_NEXT_CONTACT)})`, sql`coalesce(p.next_contact_due, ${sql.lit(NO_NEXT_CONTACT)})`, false);
  }
}

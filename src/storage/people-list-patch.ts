import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { foldQuery } from '../core/search-text.js';
import { dataVersion, listingVersionOf, lockDataVersion, movedOnlyBy, patchingListings } from './data-version.js';
import { NO_LAST_EXCHANGE, NO_NEXT_CONTACT } from './derived.js';
import type { KeysWritten, PlacingKeys } from '../core/listing-placement.js';
import type { KeptValue } from './kept-per-version.js';
import { counts, orders, peopleMatching, type KeptListing } from './people-list.js';
import { executePrepared, idIn } from './prepared-statements.js';
import { matchesSearch } from './search-index.js';
import type { Database } from './schema.js';
import type { PersonSort } from '../contract/filters.js';

/*
 * A write that changes a few people (an exchange logged, a date set, a person edited) patches the
 * people listings' kept counts and orders (people-list.ts) in place, before it commits, instead of
 * leaving them to be read again whole: each changed person's id taken out of a kept order and put
 * back where the order's sort now places it (found by asking the database, a few dozen rows at a
 * time), and a kept count moved by who joined or left the filter. The database is asked about the
 * changed people only, so what matches and what sorts before what is the database's own rule, the
 * same that read the order (ties by sort name, then id; its collation).
 *
 * On SQLite the write's columns of `people` do not move the listings' versions (data-version.ts,
 * patchingListings): a kept value stays under its version and is patched. On PostgreSQL, where one
 * counter per workspace names every listing's version, the counter is locked for the write's
 * transaction, and what was kept under the version before it is patched and kept under the version
 * after it. Anything the write does that cannot be patched (a person added or removed, a goal link
 * or a membership written) moves versions on as any write does, and what it touched is read again.
 */

/** A write to a few people: who, and which columns of `people` it may write (listingVersion's names). */
export interface PeopleChange {
  personIds: readonly string[];
  columns: readonly string[];
}

/** A write patched for, as it can be told once committed (services/people-writes.ts): the data went from `before` to `after` by it alone. */
export interface PatchedWrite {
  personIds: readonly string[];
  written: ReadonlySet<string>;
  /** Each person's placing keys before and after the write, read in its transaction. */
  keys: ReadonlyMap<string, KeysWritten>;
  before: string;
  after: string;
}

/** More people than this in one write (a bulk edit, an import) and the listings are read again instead. */
export const MAX_PATCHED_PEOPLE = 20;

// TEMPORARY (issue 15 measurement, to be removed): how many kept values and questions each write costs.
const stats = { writes: 0, counts: 0, orders: 0, queries: 0, idsWalked: 0 };
const STATS = process.env.WAGGLE_LISTING_PATCH_STATS === '1';
const noteWrite = () => {
  stats.writes += 1;
  if (STATS && stats.writes % 100 === 0) process.stderr.write(`listing patches: ${JSON.stringify({ ...stats, perWrite: { counts: stats.counts / stats.writes, orders: stats.orders / stats.writes, queries: stats.queries / stats.writes, idsWalked: stats.idsWalked / stats.writes } })}\n`);
};

/** How many of an order's ids each question to the database places the changed person against. */
const PROBES = 32;

/**
 * Runs `write`, which changes `change.personIds` only, in the open transaction `trx` on `root`, and patches root's kept listings before returning;
 * `patched` hears what it wrote when the data moved by this write alone (movedOnlyBy), for the caller to tell once it commits.
 */
export async function patchListingsAround<T>(
  root: Kysely<Database>,
  trx: Kysely<Database>,
  workspaceId: string,
  change: PeopleChange,
  write: () => Promise<T>,
  patched: (write: PatchedWrite) => void = () => {},
): Promise<T> {
  const personIds = [...new Set(change.personIds)];
  if (personIds.length === 0 || personIds.length > MAX_PATCHED_PEOPLE) return write();
  const postgres = root.getExecutor().adapter instanceof PostgresAdapter;
  const before = postgres ? await lockDataVersion(trx, workspaceId) : null;
  // PostgreSQL before the workspace's first counted write: nothing was kept under a counter yet.
  if (postgres && before === null) return write();
  const columns = new Set(change.columns);
  const ours = (kept: KeptValue<unknown, KeptListing>) => kept.about.workspaceId === workspaceId;
  const mayChange = (about: KeptListing) => about.reads.some((name) => columns.has(name));

  // Who was in each kept count's listing before the write (an order says so itself).
  const wholeBefore = postgres ? null : await dataVersion(trx, workspaceId);
  const current = (kept: KeptValue<unknown, KeptListing>, whole: string | null) => (postgres ? kept.version === before : kept.version === listingVersionOf(whole as string, kept.about.reads));
  const wasIn = new Map<string, { count: number; members: Set<string> }>();
  await counts.revise(root, async (kept) => {
    if (ours(kept) && kept.settled && mayChange(kept.about) && current(kept, wholeBefore)) {
      wasIn.set(kept.key, { count: kept.settled.value, members: await membersAmong(trx, kept.about, personIds) });
    }
    return undefined;
  });

  // Read before the write's moves are counted (a select moves nothing), so movedOnlyBy holds as before.
  const keysBefore = await placingKeys(trx, workspaceId, personIds);
  const scope = { columns, written: new Set<string>(), moves: 0 };
  const result = await patchingListings(scope, write);

  const wholeAfter = await dataVersion(trx, workspaceId);
  const wholeBeforeWrite = postgres ? (before as string) : (wholeBefore as string);
  if (movedOnlyBy(wholeBeforeWrite, wholeAfter, scope.moves)) {
    const keysAfter = await placingKeys(trx, workspaceId, personIds);
    const keys = new Map(personIds.map((id) => [id, { before: keysBefore.get(id) ?? null, after: keysAfter.get(id) ?? null }]));
    patched({ personIds, written: scope.written, keys, before: wholeBeforeWrite, after: wholeAfter });
  }
  const versionAfter = (about: KeptListing) => listingVersionOf(wholeAfter, about.reads);
  // Written and not patched for (a person added or removed, a membership): whatever reads it is read again.
  const unpatched = [...scope.written].filter((name) => !columns.has(name));
  const patchable = (about: KeptListing) => !unpatched.includes('*') && !about.reads.some((name) => unpatched.includes(name));
  const touched = (about: KeptListing) => about.reads.some((name) => scope.written.has(name));
  /** What becomes of a kept value: left (its version says whether it still holds), forgotten, or `patch`ed and kept under the version after. */
  const revise = async <V>(kept: KeptValue<V, KeptListing>, patch: (value: V) => Promise<V | null>) => {
    if (!ours(kept) || !current(kept, wholeBefore)) return undefined;
    if (!touched(kept.about)) return postgres && kept.settled ? { version: versionAfter(kept.about), value: kept.settled.value } : undefined;
    if (!patchable(kept.about)) return undefined;
    if (!kept.settled) return null;
    const value = await patch(kept.settled.value);
    return value === null ? null : { version: versionAfter(kept.about), value };
  };
  // Who matches each filter now, asked once a filter: a listing's count and its orders by each sort share it.
  const membersNow = new Map<string, Promise<Set<string>>>();
  const nowIn = (about: KeptListing) => {
    const { limit: _limit, offset: _offset, cursor: _cursor, sort: _sort, ...matching } = about.filter;
    const key = JSON.stringify([about.today, matching]);
    let members = membersNow.get(key);
    if (!members) membersNow.set(key, (members = membersAmong(trx, about, personIds)));
    return members;
  };
  noteWrite();
  await counts.revise(root, (kept) =>
    revise(kept, async (count) => {
      stats.counts += 1;
      const was = wasIn.get(kept.key);
      if (!was || was.count !== count) return null;
      return count + (await nowIn(kept.about)).size - was.members.size;
    }),
  );
  await orders.revise(root, (kept) =>
    revise(kept, async (order) => {
      stats.orders += 1;
      stats.idsWalked += order.length;
      const now = await nowIn(kept.about);
      let ids = order.filter((id) => !personIds.includes(id));
      for (const id of now) ids = ids.toSpliced(await placeOf(trx, kept.about.sort ?? 'name', ids, id), 0, id);
      return ids;
    }),
  );
  return result;
}

/** `personIds`' stage, next contact and last exchange as the listings' indexes have them (core/listing-placement.ts). */
async function placingKeys(trx: Kysely<Database>, workspaceId: string, personIds: readonly string[]): Promise<Map<string, PlacingKeys>> {
  const rows = await executePrepared(
    trx,
    trx
      .selectFrom('people')
      .select(['id', 'stage', sql<string>`coalesce(next_contact_due, ${sql.lit(NO_NEXT_CONTACT)})`.as('nextContactDue'), sql<string>`coalesce(last_exchange_on, ${sql.lit(NO_LAST_EXCHANGE)})`.as('lastExchangeOn')])
      .where('workspaceId', '=', workspaceId)
      .where(idIn(trx, 'id', personIds)),
  );
  return new Map(rows.map((row) => [row.id, { stage: row.stage, nextContactDue: row.nextContactDue, lastExchangeOn: row.lastExchangeOn }]));
}

/** Which of `personIds` a listing's filter matches now. */
async function membersAmong(trx: Kysely<Database>, about: KeptListing, personIds: readonly string[]): Promise<Set<string>> {
  stats.queries += 1;
  let query = peopleMatching(trx, about.workspaceId, about.today, about.filter).where('people.id', 'in', personIds);
  const search = about.filter.search?.trim();
  if (search) query = query.where(matchesSearch(trx, foldQuery(search), 'walk'));
  return new Set((await query.select('people.id').execute()).map((row) => row.id));
}

/**
 * Where `personId` goes in `ids` (an order without them): the first place whose person does not sort
 * before them. Searched PROBES places at a time: three questions for 30,000.
 */
async function placeOf(trx: Kysely<Database>, sort: PersonSort, ids: readonly string[], personId: string): Promise<number> {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const span = high - low;
    const places = span <= PROBES ? Array.from({ length: span }, (_, i) => low + i) : Array.from({ length: PROBES }, (_, i) => low + Math.floor(((i + 1) * span) / (PROBES + 1)));
    stats.queries += 1;
    const probed = places.map((place) => ids[place] as string);
    const before = new Set(
      (
        await executePrepared(
          trx,
          trx
            .selectFrom('people as x')
            .innerJoin('people as p', (join) => join.on('p.id', '=', personId))
            .select('x.id')
            .where(idIn(trx, 'x.id', probed))
            .where(sortsBefore(sort)),
        )
      ).map((row) => row.id),
    );
    const first = places.findIndex((place) => !before.has(ids[place] as string));
    if (first === -1) low = (places.at(-1) as number) + 1;
    else {
      high = places[first] as number;
      if (first > 0) low = (places[first - 1] as number) + 1;
    }
  }
  return low;
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

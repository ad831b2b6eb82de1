import { CamelCasePlugin, CompiledQuery, createQueryId, PostgresAdapter, sql, type Kysely, type UnknownRow } from 'kysely';
import { dataVersion, listingVersionOf, markCommitting, movedOnlyBy, patchingListings, postgresVersionNamed, postgresVersionSql, versionSelect } from './data-version.js';
import { NO_LAST_EXCHANGE, NO_NEXT_CONTACT } from './derived.js';
import type { KeysWritten, PlacingKeys } from '../core/listing-placement.js';
import type { KeptValue } from './kept-per-version.js';
import { countCatchUp, MAX_PATCHED_PEOPLE, membersFromRows, membersOfEach, membersOfEachCompiled, orderCatchUp } from './people-list-catch-up.js';
import { counts, orders, type KeptListing } from './people-list.js';
import { compiledOnce } from './compiled-once.js';
import { idIn, preparedOnPostgres } from './prepared-statements.js';
import type { Database } from './schema.js';
import { withoutPlugins } from './without-plugins.js';
import { parametersShifted } from './statement-template.js';
import { parsedJson } from './json-dialects.js';
import { readThenCommit } from './read-then-commit.js';
import { startPart } from './write-sections.js';

/*
 * A write that changes a few people (an exchange logged, a date set, a person edited) leaves the
 * people listings' kept counts and orders (people-list.ts) owing a catch-up with them, noted as it
 * commits (on SQLite just before, on PostgreSQL as soon as its COMMIT, sent with its last read, comes back),
 * instead of leaving them to be read again whole: the next read of each catches it up
 * (people-list-catch-up.ts), so the cost follows the reads, not the writes. Noting costs no question to
 * the database for an order; a kept count needs to know, for each written person, whether it held
 * them before the write (asked once a count, before the write, for the people it does not owe yet).
 *
 * On SQLite the write's columns of `people` do not move the listings' versions (data-version.ts,
 * patchingListings): a kept value stays under its version, owing the written people. On PostgreSQL,
 * where one counter per workspace names every listing's version, the counter is locked for the write's
 * transaction, and what was kept under the version before it is kept under the version after it,
 * owing them. Anything the write does that cannot be patched (a person added or removed, a goal link or
 * a membership written) moves versions on as any write does, and what it touched is read again; so is
 * a value owing more than MAX_PATCHED_PEOPLE people.
 */

/**
 * A write to a few people: who, and which columns of `people` it may write (listingVersion's names);
 * and a read it needs before it writes (`readFirst`, a select compiled on the transaction), which on
 * PostgreSQL rides in the statement that locks the workspace's counter: a round trip fewer while the
 * workspace's other writes wait. Its rows come back as Kysely gives them (camel-cased), or, carried,
 * as PostgreSQL's JSON writes them with the keys camel-cased: text, numbers and dates alike, but a
 * timestamp would come back in JSON's form, so such a read selects none.
 */
export interface PeopleChange<R = never> {
  personIds: readonly string[];
  columns: readonly string[];
  readFirst?: (trx: Kysely<Database>) => CompiledQuery<R>;
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

/**
 * Runs `write`, which changes `change.personIds` only, in the open transaction `trx` on `root`, and leaves root's kept listings owing them before returning;
 * on PostgreSQL it also commits `trx`, with its last read (read-then-commit.ts): nothing may follow it in the transaction;
 * `patched` hears what it wrote when the data moved by this write alone (movedOnlyBy), for the caller to tell once it commits;
 * `owed` hears how to end what it left the kept listings owing, for the caller to call once the transaction has, refused or not (KeptPerVersion.owe).
 */
export async function patchListingsAround<T, R = never>(
  root: Kysely<Database>,
  trx: Kysely<Database>,
  workspaceId: string,
  change: PeopleChange<R>,
  write: (readFirst: () => Promise<R[]>) => Promise<T>,
  patched: (write: PatchedWrite) => void = () => {},
  owed: (end: (refused: boolean) => void) => void = () => {},
): Promise<T> {
  const first = change.readFirst?.(trx);
  // The read the write needs first: as the lock's statement carried it, or asked now (SQLite, or not carried).
  const readFirstOf = (carried?: R[]) => async () => carried ?? (first ? await rowsOfRead(trx, first) : []);
  const personIds = [...new Set(change.personIds)];
  if (personIds.length === 0 || personIds.length > MAX_PATCHED_PEOPLE) return write(readFirstOf());
  const postgres = root.getExecutor().adapter instanceof PostgresAdapter;
  const columns = new Set(change.columns);
  const ours = (kept: KeptValue<unknown, KeptListing, unknown>) => kept.about.workspaceId === workspaceId;
  const mayChange = (about: KeptListing) => about.reads.some((name) => columns.has(name));
  const mayAsk = (kept: KeptValue<unknown, KeptListing, unknown>) => ours(kept) && kept.settled !== undefined && mayChange(kept.about);
  // PostgreSQL: the counter locked, the placing keys read, and whether each kept count this write may change held the
  // written people, in one round trip (lockWithPlacingKeys). Which counts are under the version locked is known after.
  const askedWithLock = postgres ? counts.kept(root).filter(mayAsk) : [];
  // And each count being worked out now with the version it sees (KeptPerVersion.getSeeing): put on the shelf under the
  // version before this write, it is told this write's people as the lock's statement found them, not forgotten for want of it.
  const askedUnderWay = postgres ? counts.seeingNow(root).filter(({ key, about }) => about.workspaceId === workspaceId && mayChange(about) && !askedWithLock.some((kept) => kept.key === key)) : [];
  const lockTimed = postgres ? startPart('lock') : null;
  const locked = postgres ? await lockWithPlacingKeys(trx, workspaceId, personIds, [...askedWithLock, ...askedUnderWay].map((kept) => kept.about), first) : null;
  lockTimed?.();
  const readFirst = readFirstOf(locked?.carried as R[] | undefined);
  const before = locked?.version ?? null;
  // PostgreSQL before the workspace's first counted write: nothing was kept under a counter yet.
  if (postgres && before === null) return write(readFirst);

  // Which of the written people each kept count's listing held before the write, by the count's key: asked of every count kept
  // under the version before it and of every count being worked out (askedUnderWay). Good for any count of the listing kept under
  // that version when the write is told (a count kept, caught up or worked out since, alike): for the people it owes already,
  // what it owes says (countCatchUp.add).
  const wholeBefore = postgres ? null : await dataVersion(trx, workspaceId);
  const current = (kept: KeptValue<unknown, KeptListing, unknown>, whole: string | null) => (postgres ? kept.version === before : kept.version === listingVersionOf(whole as string, kept.about.reads));
  const membersBefore = new Map<string, ReadonlySet<string>>();
  const asking = counts.kept(root).filter((kept) => mayAsk(kept) && current(kept, wholeBefore));
  // Asked about every written person, and one question serves every count. Those the lock's statement answered are not asked
  // again (a count kept since it was sent is); one being worked out that it did not answer goes unasked.
  const answered = locked?.members ?? new Map<KeptListing, Set<string>>();
  const unanswered = asking.filter((kept) => !answered.has(kept.about));
  const heldNow = await membersOfEach(
    trx,
    unanswered.map((kept) => kept.about),
    personIds,
  );
  for (const kept of asking) membersBefore.set(kept.key, answered.get(kept.about) ?? (heldNow[unanswered.indexOf(kept)] as Set<string>));
  for (const { key, about } of askedUnderWay) {
    const members = answered.get(about);
    if (members && !membersBefore.has(key)) membersBefore.set(key, members);
  }

  // Read before the write's moves are counted (a select moves nothing), so movedOnlyBy holds as before.
  const keysBefore = locked?.keys ?? (await placingKeys(trx, workspaceId, personIds));
  const scope = { columns, written: new Set<string>(), moves: 0 };
  const statementsTimed = postgres ? startPart('statements') : null;
  const result = await patchingListings(scope, () => write(readFirst));
  statementsTimed?.();

  // PostgreSQL: the version the write leaves and, when it may have moved them, the placing keys after it, in one round trip.
  const keysMoved = !movedNoPlacingKey(scope.written);
  // Sent with the transaction's COMMIT (read-then-commit.ts): the counter's lock is let go one round trip sooner. Readers that
  // see the version it leaves before this process hears the COMMIT back wait for the moves below (markCommitting).
  const committed = postgres ? markCommitting(root, workspaceId) : () => {};
  try {
    if (!postgres) return await afterCommit(null);
    const commitTimed = startPart('commit');
    const after = await versionWithPlacingKeysThenCommit(trx, workspaceId, keysMoved ? personIds : []);
    commitTimed();
    const afterTimed = startPart('after');
    try {
      return await afterCommit(after);
    } finally {
      afterTimed();
    }
  } finally {
    committed();
  }

  async function afterCommit(after: { version: string; keys: Map<string, PlacingKeys> } | null): Promise<T> {
    const wholeAfter = after?.version ?? (await dataVersion(trx, workspaceId));
    const wholeBeforeWrite = postgres ? (before as string) : (wholeBefore as string);
    if (movedOnlyBy(wholeBeforeWrite, wholeAfter, scope.moves)) {
      const keysAfter = !keysMoved ? keysBefore : (after?.keys ?? (await placingKeys(trx, workspaceId, personIds)));
      const keys = new Map(personIds.map((id) => [id, { before: keysBefore.get(id) ?? null, after: keysAfter.get(id) ?? null }]));
      patched({ personIds, written: scope.written, keys, before: wholeBeforeWrite, after: wholeAfter });
    }
    const versionAfter = (about: KeptListing) => listingVersionOf(wholeAfter, about.reads);
    // Written and not patched for (a person added or removed, a membership): whatever reads it is read again.
    const unpatched = [...scope.written].filter((name) => !columns.has(name));
    const patchable = (about: KeptListing) => !unpatched.includes('*') && !about.reads.some((name) => unpatched.includes(name));
    const touched = (about: KeptListing) => about.reads.some((name) => scope.written.has(name));
    /**
     * What becomes of a kept value: left (its version says whether it still holds), forgotten, or kept under the version after, owing
     * what `owes` says (null: it cannot). On PostgreSQL asked again of values kept after this write under the version before it
     * (kept-per-version.ts, its recent writes): so a value still being worked out is moved too, whether or not its picture holds the write, since a listing
     * the write did not touch is the same either way, and what it owes is caught up idempotently or the value forgotten (KeptPerVersion.owe).
     */
    const decide = <V, O>(kept: KeptValue<V, KeptListing, O>, owes: () => O | null) => {
      if (!ours(kept) || !current(kept, wholeBefore)) return undefined;
      if (!touched(kept.about)) return postgres ? { version: versionAfter(kept.about) } : undefined;
      if (!patchable(kept.about)) return null;
      const owe = owes();
      return owe === null ? null : { version: versionAfter(kept.about), owe };
    };
    // Noted in one go each, nothing awaited: no read sees some owed and not the rest.
    // A count of a listing nobody asked about (kept since the question was sent) is forgotten: what it held is not known.
    const endCounts = counts.owe(root, countCatchUp, (kept) =>
      decide(kept, () => {
        const members = membersBefore.get(kept.key);
        return members ? new Map(personIds.filter((id) => !kept.owed?.has(id)).map((id) => [id, members.has(id)])) : null;
      }),
      { remember: postgres },
    );
    const written: ReadonlySet<string> = new Set(personIds);
    const endOrders = orders.owe(root, orderCatchUp, (kept) => decide(kept, () => written), { remember: postgres });
    owed((refused) => {
      endCounts(refused);
      endOrders(refused);
    });
    return result;
  }
}

/** A write's first read (PeopleChange readFirst) run by itself: its rows as Kysely gives them. */
export async function rowsOfRead<R>(db: Kysely<Database>, read: CompiledQuery<R>): Promise<R[]> {
  return (await db.executeQuery(read)).rows;
}

/** Read twice a write, compiled once (compiled-once.ts); kept prepared on PostgreSQL. */
const placingKeysOf = compiledOnce((db, { workspaceId, personIds }: { workspaceId: string; personIds: readonly string[] }) => {
  const query = db
    .selectFrom('people')
    .select(['id', 'stage', sql<string>`coalesce(next_contact_due, ${sql.lit(NO_NEXT_CONTACT)})`.as('nextContactDue'), sql<string>`coalesce(last_exchange_on, ${sql.lit(NO_LAST_EXCHANGE)})`.as('lastExchangeOn'), 'searchText'])
    .where('workspaceId', '=', workspaceId)
    .where(idIn(db, 'id', personIds));
  preparedOnPostgres(db, query.compile().sql);
  return query;
});

/** The columns placingKeys reads, in listingVersion's names. */
const PLACING_COLUMNS = new Set(['people.stage', 'people.next_contact_due', 'people.last_exchange_on', 'people.search_text']);

/**
 * Whether a write that wrote `written` left every placing key as it was: it wrote only other columns
 * of `people` (a note, say), so the keys read before it stand for after it, and the second read
 * (a statement a person's edit) is not needed. Anything else written (another table, whose
 * cascades or triggers could reach a row, or an unknown target) has the keys read again.
 */
export function movedNoPlacingKey(written: ReadonlySet<string>): boolean {
  return [...written].every((name) => name.startsWith('people.') && !PLACING_COLUMNS.has(name));
}

/** The placing keys of one row read by lockWithPlacingKeys or versionWithPlacingKeys (null columns: no such person). */
interface KeysRow {
  id: string | null;
  stage: string | null;
  due: string | null;
  last: string | null;
  search: string | null;
}

const keysOfRows = (rows: readonly KeysRow[]) =>
  new Map(rows.filter((row) => row.id !== null).map((row) => [row.id as string, { stage: row.stage as string, nextContactDue: row.due as string, lastExchangeOn: row.last as string, searchText: row.search ?? '' }]));

/** placingKeysOf's columns, as PostgreSQL text joined to a one-row version read (`$1` the workspace, `$2` the ids). */
const KEYS_JOINED = `left join people p on p.workspace_id = $1 and p.id = any($2)`;
/**
 * KEYS_JOINED for one person (most writes), `$2` the id itself: PostgreSQL keeps a plan for any values of a prepared
 * statement only when it costs no more than planning each run would, and for `= any($2)` it counts on a list of ten,
 * so the lock's statement was planned anew on every write, inside the lock (0.3 ms of a write's 0.4 ms planning).
 */
const KEY_JOINED = `left join people p on p.workspace_id = $1 and p.id = $2`;
const KEYS_COLUMNS = `p.id, p.stage, coalesce(p.next_contact_due, '${NO_NEXT_CONTACT}') as due, coalesce(p.last_exchange_on, '${NO_LAST_EXCHANGE}') as last, p.search_text as search`;

/** The lock statements carrying a kept counts' question named so far (lockWithPlacingKeys), and how many may be: past that, sent unnamed. */
const namedWithCounts = new Set<string>();
const MAX_NAMED_WITH_COUNTS = 32;

/**
 * PostgreSQL, the first statement of a write to a few people: the workspace's counter locked for the
 * transaction (lockDataVersion), the people's placing keys, and for each of the kept counts `counted`
 * which of the people it holds (membersOfEach), in one round trip where they were three: the writes
 * to a workspace run one at a time, and each round trip is one more wait for all of them.
 * The keys are those of the statement's snapshot, taken before the lock was granted: when another
 * transaction wrote the workspace and committed in between (it held the lock, so we waited, or it
 * committed just before we asked), the counter as locked (its newest version) differs from the counter
 * as the snapshot has it, and the keys are read again, now after the lock, in a statement of their own
 * (and the counts asked again by the caller).
 * When the two agree, nothing wrote the workspace since the snapshot: every statement writing a
 * person's row moves the counter in its own transaction (migration 2026-12-05T1000), holding the lock
 * until it ends. Null before the workspace's first counted write (no counter to lock).
 */
async function lockWithPlacingKeys(
  trx: Kysely<Database>,
  workspaceId: string,
  personIds: readonly string[],
  counted: readonly KeptListing[],
  readFirst: CompiledQuery | undefined,
): Promise<{ version: string; keys: Map<string, PlacingKeys>; members: Map<KeptListing, Set<string>> | null; carried?: unknown[] } | null> {
  const lock = `with locked as (${versionSelect('$1')} for update)`;
  const columns = `l.v as locked, ${postgresVersionSql('$1')} as seen, ${KEYS_COLUMNS}`;
  // The kept counts' question (membersOfEach), when there is one, and the write's first read, when it has one: each
  // carried as a subquery, its values after those before it.
  const members = membersOfEachCompiled(trx, counted, personIds);
  const withs = [lock];
  const selected = [columns];
  const one = personIds.length === 1;
  const values: unknown[] = [workspaceId, one ? personIds[0] : [...personIds]];
  if (members) {
    withs.push(`m as (${parametersShifted(members.sql, values.length)})`);
    selected.push('(select json_agg(json_build_array(m.id, m.listing)) from m) as members');
    values.push(...members.parameters);
  }
  if (readFirst) {
    withs.push(`c as (${parametersShifted(readFirst.sql, values.length)})`);
    selected.push('(select json_agg(to_json(c)) from c) as carried');
    values.push(...readFirst.parameters);
  }
  // Kept prepared, with the kept counts' question too: its text changes with the counts kept, but while they stay it is
  // the same for every write, and each of its parts finds the written people by id (a plan fit for any of their values).
  // Only so many of those texts are named: each connection keeps every named text it ran, with its plan, for good.
  const text = `${withs.join(', ')} select ${selected.join(', ')} from locked l ${one ? KEY_JOINED : KEYS_JOINED}`;
  const named = !members || namedWithCounts.has(text) || namedWithCounts.size < MAX_NAMED_WITH_COUNTS;
  if (members && named) namedWithCounts.add(text);
  const { rows } = await withoutPlugins(trx).executeQuery<KeysRow & { locked: string; seen: string | null; members?: unknown; carried?: unknown }>(CompiledQuery.raw(named ? preparedOnPostgres(trx, text) : text, values));
  const first = rows[0];
  if (!first) return null;
  // The snapshot's picture is the data as locked only when nothing committed between them: otherwise read again, after the lock.
  if (first.locked !== first.seen) return { version: postgresVersionNamed(first.locked), keys: await placingKeys(trx, workspaceId, personIds), members: null };
  const answer = members ? membersFromRows(counted, parsedJson<[string, number][] | null>(first.members ?? null)?.map(([id, listing]) => ({ id, listing })) ?? []) : [];
  const carried = readFirst ? (await CAMEL_CASE.transformResult({ queryId: createQueryId(), result: { rows: parsedJson<UnknownRow[] | null>(first.carried ?? null) ?? [] } })).rows : undefined;
  return { version: postgresVersionNamed(first.locked), keys: keysOfRows(rows), members: new Map(answer.map((found, i) => [counted[i] as KeptListing, found])), carried };
}

/** Carried rows' keys as the store's camel-case plugin gives a row's columns (`next_contact_on` → `nextContactOn`): the plugin's own rule. */
const CAMEL_CASE = new CamelCasePlugin();

/** versionWithPlacingKeysThenCommit's two texts, made once: for one person, and for any number. */
const versionWithKeysThenCommit = (joined: string) => readThenCommit(`select s.v as version, ${KEYS_COLUMNS} from (select ${postgresVersionSql('$1')} as v) s ${joined}`);
const VERSION_WITH_KEY_THEN_COMMIT = versionWithKeysThenCommit(KEY_JOINED);
const VERSION_WITH_KEYS_THEN_COMMIT = versionWithKeysThenCommit(KEYS_JOINED);

/**
 * PostgreSQL, after a write to a few people: the version it leaves (dataVersion) and their placing keys (none asked: none read),
 * in one round trip with the transaction's COMMIT, where they were three: the version, the keys, the COMMIT.
 */
async function versionWithPlacingKeysThenCommit(trx: Kysely<Database>, workspaceId: string, personIds: readonly string[]): Promise<{ version: string; keys: Map<string, PlacingKeys> }> {
  // Kept prepared: its values are the workspace and ids, keys (one person by `= $2`, as the lock's statement reads them: KEY_JOINED).
  const one = personIds.length === 1;
  const text = preparedOnPostgres(trx, one ? VERSION_WITH_KEY_THEN_COMMIT : VERSION_WITH_KEYS_THEN_COMMIT);
  const { rows } = await withoutPlugins(trx).executeQuery<KeysRow & { version: string | null }>(CompiledQuery.raw(text, [workspaceId, one ? personIds[0] : [...personIds]]));
  return { version: postgresVersionNamed(rows[0]?.version), keys: keysOfRows(rows) };
}

/** `personIds`' stage, next contact and last exchange as the listings' indexes have them, and the text a search matches (core/listing-placement.ts). */
async function placingKeys(trx: Kysely<Database>, workspaceId: string, personIds: readonly string[]): Promise<Map<string, PlacingKeys>> {
  const { rows } = await placingKeysOf(trx, { workspaceId, personIds });
  return new Map(rows.map((row) => [row.id, { stage: row.stage, nextContactDue: row.nextContactDue, lastExchangeOn: row.lastExchangeOn, searchText: row.searchText ?? '' }]));
}

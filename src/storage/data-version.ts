import { AsyncLocalStorage } from 'node:async_hooks';
import { AliasNode, ColumnNode, CompiledQuery, sql, type RawBuilder, DeleteQueryNode, InsertQueryNode, PostgresAdapter, SelectQueryNode, TableNode, UpdateQueryNode, type Kysely, type OperationNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow, type WithNode } from 'kysely';

import { preparedOnPostgres } from './prepared-statements.js';
import { SharedRead } from './shared-read.js';
import type { Database } from './schema.js';
import { withoutPlugins } from './without-plugins.js';

/**
 * What identifies the data of a workspace a transaction sees, so that something worked
 * out from it (the network check) can be kept until the data changes, on any server or
 * process:
 *
 * - **PostgreSQL**: the workspace's counter in `workspace_data_versions`, which every
 *   statement writing what the check reads moves on in its own transaction (triggers,
 *   migration 2026-12-05T1000). Read inside the reader's repeatable-read transaction, it
 *   belongs to the same snapshot as the rows read beside it. Not the snapshot id
 *   (`pg_current_snapshot()`): that changes with any transaction in the cluster that
 *   takes a transaction id (autovacuum after a bulk load, other workspaces' writes), and
 *   each change threw the kept check away.
 * - **SQLite**: `data_version`, which changes when another connection (the CLI beside a
 *   running server) commits, and a count of this process's own writes, which
 *   `data_version` does not see, kept by `countWrites` on every insert, update,
 *   delete and raw statement this process sends.
 */
let ownWrites = 0;

/**
 * PostgreSQL: the workspace's counter row, as text (`v`), for the workspace named by `workspaceId` (a placeholder or a column); no
 * row before its first counted write. Asked before every kept answer is sent: kept prepared (prepared-statements.ts).
 *
 * The counter and, after a dot, the id of the transaction that last wrote the row (`xmin`). The counter alone is given again when
 * a write's COMMIT is refused (a deferred constraint, a serialization failure, the server going away): its moves roll back, and
 * the next write moves the counter to the same number. Anything kept under the refused write's version (a value read in its
 * transaction, a kept listing moved by a write that notes them before it commits) would otherwise be read as that next write's
 * data, and its changes never seen. A transaction id is never given twice, so a refused write's version is never anybody's data.
 */
const VERSION_TEXT = `version::text || '.' || xmin::text`;
export const versionSelect = (workspaceId: string) => `select ${VERSION_TEXT} as v from workspace_data_versions where workspace_id = ${workspaceId}`;
/** versionSelect as a value of a statement built by Kysely, the workspace a value of its own: read in that statement's snapshot. */
export const postgresVersionOf = (workspaceId: string): RawBuilder<string | null> => sql<string | null>`(select ${sql.raw(VERSION_TEXT)} from workspace_data_versions where workspace_id = ${workspaceId})`;
const VERSION_QUERY = versionSelect('$1');
/** The same as a value inside another statement (null before the first counted write), read in that statement's snapshot. */
export const postgresVersionSql = (workspaceId: string) => `(${versionSelect(workspaceId)})`;

/** A PostgreSQL version read once for a request's answer, for the reads that answer is worked out from. */
interface VersionRead {
  db: Kysely<Database>;
  workspaceId: string;
  version: string;
}
const versionsRead = new AsyncLocalStorage<VersionRead>();

/**
 * Runs `work` with `version`, read from `db` just before, standing for the workspace's version in
 * every `dataVersion` it asks of the same handle (not of a transaction: that reads its own snapshot's).
 * On PostgreSQL each read of the version is a round trip: a kept answer's (server/answer-cache.ts) and
 * then a listing's own (people-list.ts) were two reads of the same row, a third of a deep page's
 * round trips. The older of the two is as good: whatever is read after it is never older than it says.
 * SQLite's version costs no round trip and counts this process's writes as they happen: asked anew.
 */
export function withDataVersionRead<T>(db: Kysely<Database>, workspaceId: string, version: string, work: () => Promise<T>): Promise<T> {
  if (!version.startsWith('pg:')) return work();
  return versionsRead.run({ db, workspaceId, version }, work);
}

/**
 * An answer read by one statement that names the version it saw (a person's page, person-detail.ts):
 * on PostgreSQL the version read inside that statement, one snapshot with the rows, so a miss of a kept
 * answer is one round trip, not a read of the version before it and then the statement.
 */
interface VersionSeen {
  db: Kysely<Database>;
  workspaceId: string;
  seen?: string;
}
const versionsSeen = new AsyncLocalStorage<VersionSeen>();

/**
 * Runs `work`, whose reads of `db` name the version they saw (sawDataVersion), and gives back that
 * version beside its value: undefined when no read named one, and then nothing it read may be kept
 * under a version. A read that names none (say, another listing) does not belong in such work.
 */
export async function withDataVersionSeen<T>(db: Kysely<Database>, workspaceId: string, work: () => Promise<T>): Promise<{ value: T; version: string | undefined }> {
  const store: VersionSeen = { db, workspaceId };
  const value = await versionsSeen.run(store, work);
  return { value, version: store.seen };
}

/** For a read that can name the version it saw: whether anyone asked (withDataVersionSeen) for `db` and the workspace. */
export function wantsDataVersionSeen(db: Kysely<Database>, workspaceId: string): boolean {
  const store = versionsSeen.getStore();
  return store !== undefined && store.db === db && store.workspaceId === workspaceId;
}

/** Says the version a read saw (`pg:` and the counter, as dataVersion writes it, or SQLite's dataVersion read before it); the first one said stands. */
export function sawDataVersion(db: Kysely<Database>, workspaceId: string, version: string): void {
  const store = versionsSeen.getStore();
  if (store && store.db === db && store.workspaceId === workspaceId) store.seen ??= version;
}

/** A PostgreSQL version as read in SQL (versionSelect's `v`, or null before the workspace's first write), named as dataVersion names it. */
export const postgresVersionNamed = (counter: string | null | undefined) => `pg:${counter ?? '0'}`;

/**
 * Whether version `a` is of data written after version `b`'s: on PostgreSQL, a higher count of the
 * workspace's counter (the transaction id beside it is no order). Only for versions that were some
 * committed data's: a write refused at its COMMIT leaves a version whose count the next write may not
 * reach, and what was kept under it is forgotten then (KeptPerVersion.owe's undo, services/context.ts).
 * False whenever it cannot be told, SQLite's versions among them (their counts are not all known to
 * move one way).
 */
export function versionNewer(a: string, b: string): boolean {
  if (!a.startsWith('pg:') || !b.startsWith('pg:')) return false;
  const counter = (version: string) => Number(version.slice(3, version.includes('.') ? version.indexOf('.') : undefined));
  return counter(a) > counter(b);
}

/**
 * PostgreSQL, outside a transaction: the reads of a workspace's version that arrive together share
 * one statement (shared-read.ts), never one sent before they asked, so each still sees every commit
 * before it asked. Fifty clients answered from kept answers each read the version (server/answer-cache.ts),
 * one round trip and one pooled connection each, queued with the statements of the answers being worked out.
 */
const sharedReads = new WeakMap<Kysely<Database>, Map<string, SharedRead<string>>>();

function sharedVersionRead(db: Kysely<Database>, workspaceId: string, send: () => Promise<string>): Promise<string> {
  let byWorkspace = sharedReads.get(db);
  if (!byWorkspace) sharedReads.set(db, (byWorkspace = new Map()));
  let shared = byWorkspace.get(workspaceId);
  if (!shared) byWorkspace.set(workspaceId, (shared = new SharedRead<string>()));
  const own = shared;
  return own.read(send, () => {
    if (byWorkspace.get(workspaceId) === own) byWorkspace.delete(workspaceId);
  });
}

/** SQLite's count of commits by other connections, as one compiled statement made once. */
const SQLITE_DATA_VERSION = CompiledQuery.raw('pragma data_version');

export async function dataVersion(db: Kysely<Database>, workspaceId: string): Promise<string> {
  // Through executeQuery with a compiled query: past the plugins, so asking does not count as writing.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const read = versionsRead.getStore();
    if (read && read.db === db && read.workspaceId === workspaceId) return read.version;
    const ask = async () => postgresVersionNamed((await db.executeQuery<{ v: string }>(CompiledQuery.raw(preparedOnPostgres(db, VERSION_QUERY), [workspaceId]))).rows[0]?.v);
    // A transaction reads its own snapshot's: never shared.
    return db.isTransaction ? ask() : sharedVersionRead(db, workspaceId, ask);
  }
  // Without the plugins: the camel-case one turned data_version into dataVersion, so this read
  // nothing and a commit by another process (the CLI beside the server) went unseen.
  const { rows } = await withoutPlugins(db).executeQuery<{ data_version: number }>(SQLITE_DATA_VERSION);
  return `sqlite:${rows[0]?.data_version ?? ''}:${ownWrites}`;
}

/**
 * What a people listing's kept count or order (people-list.ts) is worked out from, by name: a
 * column of `people` (`people.stage`), or a table (`memberships`). Writing any of them, adding or
 * removing a person, or a write this process cannot read the target of (raw SQL) moves the
 * listing's version on; any other write (an exchange logged, a note changed) leaves it, so a
 * listing by name is not read whole again after every exchange. Never finer than the data:
 * another process's commit moves every listing on, as it moves `dataVersion`.
 */
export async function listingVersion(db: Kysely<Database>, workspaceId: string, readsFrom: readonly string[]): Promise<string> {
  return listingVersionOf(await dataVersion(db, workspaceId), readsFrom);
}

/** listingVersion from a `dataVersion` already read: many listings' versions for one read of it. */
export function listingVersionOf(whole: string, readsFrom: readonly string[]): string {
  // PostgreSQL: one counter per workspace, moved by triggers on every write; nothing finer to read.
  if (whole.startsWith('pg:')) return whole;
  return `${whole.slice(0, whole.lastIndexOf(':'))}:${writesTo.get(ANY) ?? 0}:${readsFrom.map((name) => writesTo.get(name) ?? 0).join(':')}`;
}

/**
 * PostgreSQL, in a write's transaction: the workspace's counter, its row locked until the commit, so
 * that no other write to the workspace commits between this version and the one the write leaves
 * (`dataVersion` read before the commit). Null on SQLite, or before the workspace's first write.
 */
export async function lockDataVersion(trx: Kysely<Database>, workspaceId: string): Promise<string | null> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return null;
  const { rows } = await trx.executeQuery<{ v: string }>(CompiledQuery.raw(`${VERSION_QUERY} for update`, [workspaceId]));
  return rows[0] ? `pg:${rows[0].v}` : null;
}

/** Per database handle and workspace, the last write queued by oneLockingWriteAtATime: when the next may begin, and when it ended (both settled, never rejected). */
interface LastLockingWrite {
  nextMayBegin: Promise<void>;
  settled: Promise<void>;
}
const lockingWrites = new WeakMap<Kysely<Database>, Map<string, LastLockingWrite>>();

/**
 * PostgreSQL: runs `write`, a transaction that locks the workspace's counter (lockDataVersion), after
 * this process's earlier such writes to the workspace have ended. They take the lock one at a time
 * anyway; queued here, a waiting write holds no pooled connection while it waits, where before each
 * took one and waited on the row lock inside it, and under a mixed load five writes so waiting left
 * the reads half the pool. Another process's writes still wait on the row lock, as before. SQLite's
 * writes are one at a time on its one connection: run as they come.
 *
 * One overlap: a write may begin (take its connection, open its transaction) as soon as the one
 * before it calls `letNextBegin` (it has its turn and runs), and waits for its `turn` (that write
 * ended) before its first statement. Taking a connection from a pool the reads keep busy, and the
 * BEGIN's round trip, are then made while the other write runs, not after it: begun only once the
 * other reached its COMMIT, the next write's lock went out 5 ms (p50) to 15 ms (p90) after that
 * COMMIT, under PostgreSQL's mixed load, two fifths of the time the writes held the line. At most two
 * such writes hold a connection: one running, one begun and waiting for its turn. A write that never
 * calls `letNextBegin` is taken to call it when it ends.
 */
export async function oneLockingWriteAtATime<T>(root: Kysely<Database>, workspaceId: string, write: (turn: Promise<void>, letNextBegin: () => void) => Promise<T>): Promise<T> {
  if (!(root.getExecutor().adapter instanceof PostgresAdapter)) return write(Promise.resolve(), () => {});
  let queue = lockingWrites.get(root);
  if (!queue) lockingWrites.set(root, (queue = new Map()));
  const before = queue.get(workspaceId);
  let letNextBegin = () => {};
  const nextMayBegin = new Promise<void>((resolve) => (letNextBegin = resolve));
  const running = (before?.nextMayBegin ?? Promise.resolve()).then(() => write(before?.settled ?? Promise.resolve(), letNextBegin));
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  // Ended without saying so (refused, or never meaning to): the next may begin.
  void settled.then(letNextBegin);
  const own = { nextMayBegin, settled };
  queue.set(workspaceId, own);
  try {
    return await running;
  } finally {
    if (queue.get(workspaceId) === own) queue.delete(workspaceId);
  }
}

/**
 * Per database handle and workspace, the told write whose COMMIT is on its way (PostgreSQL): from the
 * moment it is sent until what was kept under the version before it has been moved on to the version
 * after it (people-list-patch.ts, KeptPerVersion.owe). Other connections see the new version as soon
 * as PostgreSQL has committed, before this process has heard so: a reader that read it then found its
 * listing's order kept one write behind and read the whole order again (16-36 ms of PostgreSQL's time
 * for 30,000 people), about seventy times in a 20 s mixed run. It waits for this instead: the rest of
 * a round trip, after which the order is kept under the new version owing the written people.
 */
const committing = new WeakMap<Kysely<Database>, Map<string, Promise<void>>>();

/** Marks a write to `workspaceId` through `root` as committing (above); the function returned ends it, once what was kept has been moved on. */
export function markCommitting(root: Kysely<Database>, workspaceId: string): () => void {
  let byWorkspace = committing.get(root);
  if (!byWorkspace) committing.set(root, (byWorkspace = new Map()));
  let end = () => {};
  const settled = new Promise<void>((resolve) => (end = resolve));
  byWorkspace.set(workspaceId, settled);
  return () => {
    if (byWorkspace.get(workspaceId) === settled) byWorkspace.delete(workspaceId);
    end();
  };
}

/** The write to `workspaceId` through `root` that is committing now, if any (markCommitting): settles once what it moves is moved. */
export function committingWrite(root: Kysely<Database>, workspaceId: string): Promise<void> | undefined {
  return committing.get(root)?.get(workspaceId);
}

/** Stands for "anything a listing may read": rows of people added or removed, or a write whose target is unknown. */
const ANY = '*';
const writesTo = new Map<string, number>();
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const tableOf = (node: OperationNode | undefined): string | null => {
  const table = node && AliasNode.is(node) ? node.node : node;
  return table && TableNode.is(table) ? snake(table.table.identifier.name) : null;
};

/** What a write writes, in listingVersion's names: its own target's, and those of the writes in its `with` (PostgreSQL's data-modifying CTEs). */
function written(node: RootOperationNode): string[] {
  const inWith = (node as { with?: WithNode }).with?.expressions.flatMap((cte) => (SelectQueryNode.is(cte.expression) ? [] : written(cte.expression as RootOperationNode))) ?? [];
  return [...inWith, ...writtenByItself(node)];
}

function writtenByItself(node: RootOperationNode): string[] {
  if (UpdateQueryNode.is(node)) {
    const table = tableOf(node.table);
    if (table !== 'people') return [table ?? ANY];
    const columns = (node.updates ?? []).map((update) => (ColumnNode.is(update.column) ? `people.${snake(update.column.column.name)}` : ANY));
    return columns.length > 0 ? columns : [ANY];
  }
  const table = InsertQueryNode.is(node) ? tableOf(node.into) : DeleteQueryNode.is(node) && node.from.froms.length === 1 ? tableOf(node.from.froms[0]) : null;
  return table === null || table === 'people' ? [ANY] : [table];
}

/**
 * Counts every statement but a select query as a write (raw SQL included: counting a read only
 * costs a recomputation), twice: as it is sent and again once it has run. A version read while
 * the write waits for the connection would otherwise name the data from before it, and an
 * answer worked out after the write ran would be kept under that older version. The same for
 * what each write writes (listingVersion).
 */
const pendingWrites = new WeakMap<object, string[]>();
const moveOn = (names: readonly string[]) => {
  ownWrites += 1;
  const patching = patchScopes.getStore();
  if (patching) patching.moves += 1;
  for (const name of names) {
    patching?.written.add(name);
    if (!patching?.columns.has(name)) writesTo.set(name, (writesTo.get(name) ?? 0) + 1);
  }
};

/**
 * A write to a few people that leaves the kept listings owing the people it wrote (storage/people-list-patch.ts)
 * before its transaction commits: the columns of `people` it patches for, and every name it wrote.
 */
export interface ListingPatchScope {
  readonly columns: ReadonlySet<string>;
  readonly written: Set<string>;
  /** How often its writes moved this process's count of writes on (twice a statement): see movedOnlyBy. */
  moves: number;
}
const patchScopes = new AsyncLocalStorage<ListingPatchScope>();

/**
 * Runs `work` with its writes to `scope.columns` noted in `scope.written` instead of moving the
 * listings' versions on (listingVersion): the kept orders and counts stay under their version,
 * owing the written people, and are caught up when next read. Everything else it writes moves
 * versions on as ever, and every write still moves `dataVersion`.
 */
/**
 * Whether the data went from version `before` to `after` (dataVersion, both read in one write's
 * transaction) by that transaction's `moves` alone (ListingPatchScope): on SQLite no other process
 * committed between them and no other statement of this process counted itself as a write. On
 * PostgreSQL `before` is the workspace's counter locked for the transaction (lockDataVersion), so
 * nothing else could write in between.
 */
export function movedOnlyBy(before: string, after: string, moves: number): boolean {
  if (before.startsWith('pg:')) return after.startsWith('pg:');
  const split = (version: string) => [version.slice(0, version.lastIndexOf(':')), Number(version.slice(version.lastIndexOf(':') + 1))] as const;
  const [dataBefore, ownBefore] = split(before);
  const [dataAfter, ownAfter] = split(after);
  return dataBefore === dataAfter && ownAfter - ownBefore === moves;
}

export function patchingListings<T>(scope: ListingPatchScope, work: () => Promise<T>): Promise<T> {
  return patchScopes.run(scope, work);
}
/**
 * Runs `run`, which sends the compiled write `node` past the plugins (storage/compiled-once.ts), counted
 * as countWrites counts a write: as it is sent and again once it has run.
 */
export async function countedWrite<T>(node: RootOperationNode, run: () => Promise<T>): Promise<T> {
  const names = written(node);
  moveOn(names);
  const result = await run();
  moveOn(names);
  return result;
}

export const countWrites: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(args.node)) {
      const names = written(args.node);
      moveOn(names);
      pendingWrites.set(args.queryId, names);
    }
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const names = pendingWrites.get(args.queryId);
    if (names) {
      pendingWrites.delete(args.queryId);
      moveOn(names);
    }
    return args.result;
  },
};

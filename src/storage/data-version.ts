import { CompiledQuery, PostgresAdapter, SelectQueryNode, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';

import { preparedOnPostgres } from './prepared-statements.js';
import type { Database } from './schema.js';

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

/** Asked before every kept answer is sent: kept prepared (prepared-statements.ts). */
const VERSION_QUERY = 'select version::text as v from workspace_data_versions where workspace_id = $1';

export async function dataVersion(db: Kysely<Database>, workspaceId: string): Promise<string> {
  // Through executeQuery with a compiled query: past the plugins, so asking does not count as writing.
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await db.executeQuery<{ v: string }>(CompiledQuery.raw(preparedOnPostgres(db, VERSION_QUERY), [workspaceId]));
    return `pg:${rows[0]?.v ?? '0'}`;
  }
  const { rows } = await db.executeQuery<{ data_version: number }>(CompiledQuery.raw('pragma data_version'));
  return `sqlite:${rows[0]?.data_version ?? ''}:${ownWrites}`;
}

/**
 * Counts every statement but a select query as a write (raw SQL included: counting a read only
 * costs a recomputation), twice: as it is sent and again once it has run. A version read while
 * the write waits for the connection would otherwise name the data from before it, and an
 * answer worked out after the write ran would be kept under that older version.
 */
const pendingWrites = new WeakSet<object>();
export const countWrites: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (!SelectQueryNode.is(args.node)) {
      ownWrites += 1;
      pendingWrites.add(args.queryId);
    }
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (pendingWrites.delete(args.queryId)) ownWrites += 1;
    return args.result;
  },
};

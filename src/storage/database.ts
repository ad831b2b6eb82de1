import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { keepWriterFor } from './write-connections.js';
import { removeAbandonedLoads, SQLITE_FILE_NAME } from './sqlite-files.js';
import { CamelCasePlugin, Kysely, Migrator, sql, type Dialect, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations/index.js';
import { countWrites } from './data-version.js';
import { withDomainErrors } from './driver-errors.js';
import { defaultPoolSize } from './postgres-pool-size.js';
import { UnavailableError } from '../core/errors.js';
import { unreachableError, unreachableReason } from './postgres-reach.js';
import type { Database } from './schema.js';

/** PostgreSQL's `poolSize`: the connections kept (WAGGLE_DATABASE_POOL_SIZE); by default postgres-pool-size.ts's. */
export type DatabaseConfig = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize?: number };
export type DatabaseKind = DatabaseConfig['kind'];

export interface Store {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for people: a file path or the server (password hidden). */
  location: string;
  close(): Promise<void>;
}

export { SQLITE_FILE_NAME } from './sqlite-files.js';

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
}

/** Where each open database came from, so that a worker thread can open its own connection to it (configOf). */
const configs = new WeakMap<Kysely<Database>, DatabaseConfig>();

/**
 * Opens the database and brings its schema up to date: an empty SQLite database is made from
 * the schema snapshot in one transaction (sqlite-fresh.ts), any other is migrated step by step.
 * `readOnly`: a reader beside a process that has it open already (a worker thread): no
 * migrations, and on SQLite a read-only connection whose transactions take no write lock.
 * `checkpointsOffThread`: a server's SQLite, whose log is copied back in a worker thread
 * rather than inside a request's commit (sqlite-checkpoints.ts).
 * `firstLoadFile`: on SQLite, a new database at that path rather than the folder's, written
 * for a first load and moved into place by sqlite-first-load.ts.
 */
export async function openStore(config: DatabaseConfig, options: { readOnly?: boolean; checkpointsOffThread?: boolean; firstLoadFile?: string } = {}): Promise<Store> {
  let dialect: Dialect;
  let writesDialect: Dialect | undefined;
  let location: string;
  if (config.kind === 'sqlite') {
    if (!options.readOnly) {
      mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
      // What a first load killed part way left beside the database: removed at the next start (sqlite-files.ts).
      removeAbandonedLoads(config.dataDir);
    }
    location = options.firstLoadFile ?? join(config.dataDir, SQLITE_FILE_NAME);
    // Each driver is loaded only when used: a command line that starts fast matters.
    dialect = (await import('./sqlite.js')).createSqliteDialect(location, { ...options, firstLoad: options.firstLoadFile !== undefined });
  } else {
    const dialects = (await import('./postgres.js')).createPostgresDialects(config.url, config.poolSize ?? defaultPoolSize(config.url, availableParallelism()));
    dialect = dialects.requests;
    writesDialect = dialects.writes;
    location = redactPassword(config.url);
  }
  const handleOf = (of: Dialect) => new Kysely<Database>({ dialect: withDomainErrors(of), plugins: [new CamelCasePlugin(), countWrites] });
  const db = handleOf(dialect);
  // Not destroyed by itself: the store's handle ends its pool as it ends its own (postgres.ts).
  if (writesDialect) keepWriterFor(db, handleOf(writesDialect));
  if (!options.readOnly) {
    try {
      if (!(await schemaIsCurrent(db)) && !(await createdFromSnapshot(config, db))) await migrateToLatest(db);
    } catch (error) {
      await db.destroy();
      // A server that cannot be reached is said to be so (postgres-reach.ts), not taken for a schema that failed to migrate.
      throw (config.kind === 'postgres' ? unreachableError(error, location) : null) ?? error;
    }
  }
  configs.set(db, config);
  return { db, kind: config.kind, location, close: () => db.destroy() };
}

/** Whether an empty SQLite database was just made from the schema snapshot; loaded only then, as a current database needs none of it. */
async function createdFromSnapshot(config: DatabaseConfig, db: Kysely<Database>): Promise<boolean> {
  if (config.kind !== 'sqlite') return false;
  return (await import('./sqlite-fresh.js')).createdFromSnapshot(db.withoutPlugins());
}

/** How `db` was opened (a transaction's is its database's), or null for a handle openStore did not make. */
export function configOf(db: Kysely<Database>): DatabaseConfig | null {
  return configs.get(db) ?? null;
}

/** Every migration's name, in the order they run (kysely orders them by name). */
const KNOWN_MIGRATIONS = Object.keys(migrations).sort();

/**
 * Whether the database has run exactly the migrations this build knows, no more and no fewer:
 * then kysely's Migrator would find nothing to do, and setting it up (its tables made if
 * missing, its lock taken and given back, every name read) costs a command line ~20 ms of CPU
 * on every start. Any other answer, a database that cannot say (a fresh one) included, goes
 * to the Migrator, which migrates an older schema and refuses a newer or unknown one as ever.
 */
export async function schemaIsCurrent(db: Kysely<Database>): Promise<boolean> {
  let names: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db.withoutPlugins());
    names = rows.map((row) => row.name).sort();
  } catch (error) {
    // Not a connection at all: said so by openStore, where the migrator would report it as a failed migration.
    if (unreachableReason(error) !== null || error instanceof UnavailableError) throw error;
    return false;
  }
  return names.length === KNOWN_MIGRATIONS.length && names.every((name, i) => name === KNOWN_MIGRATIONS[i]);
}

export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  // Migrations see the raw snake_case schema, so they run without the camelCase plugin.
  const migrator = new Migrator({
    db: db.withoutPlugins() as Kysely<any>,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationFailedError(
      `Could not bring the database schema up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${String(result.error)}`,
    );
  }
  return result;
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

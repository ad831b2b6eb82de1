import type { DatabaseConnection, Dialect, Driver } from 'kysely';
import { ConflictError, UnavailableError } from '../core/errors.js';
import { connectionLost } from './postgres-reach.js';

/*
 * The one place where a database driver's errors become domain errors. SQLite
 * (better-sqlite3) and PostgreSQL (pg) report a broken constraint each in its own
 * way; above storage nobody should have to know either. Every query runs through
 * `withDomainErrors`, so a unique or foreign-key violation reaches a service, the
 * API and the CLI as the same ConstraintError on both databases, with the driver's
 * error kept as its `cause` for the log.
 */

export type ConstraintKind = 'unique' | 'foreign_key';

/** The driver codes, by database: better-sqlite3's extended result codes and PostgreSQL's SQLSTATE. */
const CONSTRAINT_CODES: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  '23505': 'unique',
  '23503': 'foreign_key',
};

/** The words, the same whichever database refused. */
export const CONSTRAINT_MESSAGES: Record<ConstraintKind, string> = {
  unique: 'That exists already (another change may have added it meanwhile); reload and try again',
  foreign_key: 'That refers to something that is not there (another change may have removed it meanwhile); reload and try again',
};

/** A write the database refused because it would break a unique or foreign-key constraint. */
export class ConstraintError extends ConflictError {
  constructor(
    readonly constraint: ConstraintKind,
    cause: unknown,
  ) {
    super(CONSTRAINT_MESSAGES[constraint], { cause });
  }
}

/** Which constraint a driver error reports, or null for any other error. */
export function violatedConstraint(error: unknown): ConstraintKind | null {
  if (typeof error !== 'object' || error === null || error instanceof ConflictError) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? (CONSTRAINT_CODES[code] ?? null) : null;
}

/** What a client is told when the database went away under its request (postgres-reach.ts connectionLost). */
export const UNAVAILABLE_MESSAGE = 'The database did not answer (it may be restarting); nothing was changed, try again in a moment';
/** What a client is told when SQLite's file stayed locked by another program's write past the wait (sqlite.ts, busy_timeout). */
export const BUSY_MESSAGE = 'The database is busy with another program\'s write (an import from the command line, say); nothing was changed, try again in a moment';

/** better-sqlite3's codes for a file another connection kept locked past busy_timeout. */
const SQLITE_BUSY = /^SQLITE_BUSY(_|$)/;

/** The domain error for a driver error, or the error itself when it is neither a constraint's, a lost connection's nor a locked file's. */
export function domainErrorOf(error: unknown): unknown {
  const constraint = violatedConstraint(error);
  if (constraint) return new ConstraintError(constraint, error);
  if (connectionLost(error)) return new UnavailableError(UNAVAILABLE_MESSAGE, { cause: error });
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && SQLITE_BUSY.test(code) ? new UnavailableError(BUSY_MESSAGE, { cause: error }) : error;
}

/** The dialect with every connection's queries answering in domain errors. */
export function withDomainErrors(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => translatingDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

function translatingDriver(driver: Driver): Driver {
  // Connections are pooled and handed out again: each is wrapped once, in place, so
  // that the driver still recognises its own connection when it is released.
  const wrapped = new WeakSet<DatabaseConnection>();
  const acquire = driver.acquireConnection.bind(driver);
  driver.acquireConnection = async () => {
    // A connection that cannot be made (the server down or starting) is told as a statement's lost one is:
    // caught where it is awaited, no promise more for every query's connection.
    let connection: DatabaseConnection;
    try {
      connection = await acquire();
    } catch (error) {
      throw domainErrorOf(error);
    }
    if (!wrapped.has(connection)) {
      translateConnection(connection);
      wrapped.add(connection);
    }
    return connection;
  };
  return driver;
}

function translateConnection(connection: DatabaseConnection): void {
  const execute = connection.executeQuery.bind(connection);
  connection.executeQuery = (async (...args: Parameters<typeof execute>) => {
    try {
      return await execute(...args);
    } catch (error) {
      throw domainErrorOf(error);
    }
  }) as DatabaseConnection['executeQuery'];
  const stream = connection.streamQuery.bind(connection);
  connection.streamQuery = async function* (...args: Parameters<typeof stream>) {
    try {
      yield* stream(...args);
    } catch (error) {
      throw domainErrorOf(error);
    }
  } as DatabaseConnection['streamQuery'];
}

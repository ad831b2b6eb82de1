import pg from 'pg';
import { PostgresDialect, type Driver } from 'kysely';
import { isoFromPostgresTimestamp } from './postgres-timestamps.js';
import { preparedNameOf } from './prepared-statements.js';
import { COMMITTING, readOf } from './read-then-commit.js';
import { statementCounter } from './statement-count.js';

const counter = statementCounter();

// Read dates as the ISO strings the core uses: a `date` must never become a
// JavaScript Date at local midnight, which is how reminders drift by a day. A timestamptz
// comes in the session's time zone, which may be local mean time for an old one: read by
// hand (postgres-timestamps.ts), where `new Date(value)` could not read it and threw.
const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (value) => value);
pg.types.setTypeParser(TIMESTAMPTZ_OID, isoFromPostgresTimestamp);
// Counts come back as int8; ours never exceed 2^53.
pg.types.setTypeParser(INT8_OID, (value) => Number(value));

/**
 * A connection that sends the statements storage marked (prepared-statements.ts) under
 * their names, so PostgreSQL parses each once per connection and keeps its plan. Kysely
 * hands every query over as its text and values; everything else passes as it came.
 */
class PreparingClient extends pg.Client {
  /** Whether this connection's transaction was committed by a read sent with its COMMIT (read-then-commit.ts), and Kysely's COMMIT is still to come. */
  private committedAhead = false;
  /** The transaction's BEGIN as Kysely asked it, not sent yet: it goes with the transaction's first statement (sentWithBegin). */
  private beginAhead: string | null = null;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // The server ended this connection while a request held it (a restart, an administrator's command, a
    // network cut): node-postgres fails what ran on it, then emits 'error' here, where the pool listens only
    // while the connection is idle (poolOf). Unheard, it ended the whole process. Heard, the request fails
    // with the statement's own error, and the pool drops the connection when it is handed back.
    this.on('error', () => {});
    // A FATAL error ends the server's side of the session (an administrator's end, a shutdown): the
    // connection is marked unusable at once, so the pool drops it when the failed request hands it
    // back, instead of lending it to the next request before the socket's close arrives.
    const connection = (this as unknown as { connection: { on(event: 'errorMessage', listener: (message: { severity?: string }) => void): void } }).connection;
    connection.on('errorMessage', (message) => {
      if (message.severity === 'FATAL') (this as unknown as { _queryable: boolean })._queryable = false;
    });
  }

  // pg's query has a dozen overloads; only (text, values) is Kysely's, and only it is named.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const query = super.query as (...a: unknown[]) => never;
    if (this.committedAhead && (text === 'commit' || text === 'rollback')) {
      // The transaction ended with the read before: nothing to send.
      this.committedAhead = false;
      return answeredHere(text.toUpperCase());
    }
    if (typeof text === 'string' && Array.isArray(values) && values.length === 0 && BEGINS.test(text) && this.beginAhead === null && !this.committedAhead) {
      // Sent with the statement after it (below): answered now, as PostgreSQL answers a BEGIN, and never refused.
      this.beginAhead = text;
      return answeredHere('BEGIN');
    }
    const begin = this.beginAhead;
    if (begin !== null) {
      this.beginAhead = null;
      // A transaction that sent nothing began nothing on the server: nothing to end.
      if (text === 'commit' || text === 'rollback') return answeredHere(text.toUpperCase());
      const together = this.sentWithBegin(begin, text, values);
      if (together) return together as never;
      // Not one that can go with it (a simple-protocol text): the BEGIN first, on its own, as Kysely asked.
      if (counter) counter.count(begin);
      return (query.call(this, begin) as Promise<unknown>).then(() => this.query(...args)) as never;
    }
    if (counter) counter.count(typeof text === 'string' ? text : String((text as { text?: unknown } | undefined)?.text ?? '?'));
    if (typeof text === 'string' && text.endsWith(COMMITTING)) return this.readThenCommitted(text, Array.isArray(values) ? values : []) as never;
    const name = typeof text === 'string' && Array.isArray(values) ? preparedNameOf(text) : undefined;
    return name === undefined ? query.apply(this, args) : query.call(this, { name, text, values });
  }

  /** A read and its transaction's COMMIT in one message (read-then-commit.ts, ReadThenCommit): the read's rows. */
  private readThenCommitted(text: string, values: unknown[]): Promise<pg.QueryResult> {
    const name = preparedNameOf(text);
    return new Promise<pg.QueryResult | pg.QueryResult[]>((resolve, reject) => {
      const submitted = new ReadThenCommit({ ...(name === undefined ? {} : { name }), text: readOf(text), values, callback: (error: Error | null, result: pg.QueryResult | pg.QueryResult[]) => (error ? reject(error) : resolve(result)) });
      super.query(submitted as never);
    }).then((results) => {
      this.committedAhead = true;
      return Array.isArray(results) ? (results[0] as pg.QueryResult) : results;
    });
  }

  /**
   * `text` sent with the transaction's BEGIN before it, in one message (QueryAfterBegin), when it goes by the extended
   * protocol anyway: it has values, or is kept prepared and already parsed on this connection. Null otherwise: a text
   * without values may be several statements, which the extended protocol refuses; a named one parsed for the first
   * time is sent on its own, since node-postgres takes the first ParseComplete of a message as the named statement's.
   */
  private sentWithBegin(begin: string, text: unknown, values: unknown): Promise<pg.QueryResult> | null {
    if (typeof text !== 'string' || !Array.isArray(values) || text.endsWith(COMMITTING)) return null;
    const name = preparedNameOf(text);
    const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
    if (name !== undefined ? parsed[name] !== text : values.length === 0) return null;
    if (counter) counter.count(text);
    return new Promise((resolve, reject) => {
      const submitted = new QueryAfterBegin(begin, { ...(name === undefined ? {} : { name }), text, values, callback: (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(result)) });
      super.query(submitted as never);
    });
  }
}

/** The answer to a statement the connection did not send (a BEGIN held back, an ending with nothing to end), as node-postgres shapes one. */
const answeredHere = (command: string): never => Promise.resolve({ command, rowCount: null, rows: [], fields: [] }) as never;

/** What Kysely sends to begin a transaction (PostgresDriver.beginTransaction): `begin`, or `start transaction` with its settings. */
const BEGINS = /^(?:begin|start transaction(?: isolation level (?:serializable|repeatable read|read committed|read uncommitted))?(?: read only| read write)?)$/;

/** node-postgres's query, as much of it as QueryAfterBegin and ReadThenCommit read and write. */
interface PgQuery {
  name?: string;
  portal: string;
  _results: unknown;
  _getRows(connection: unknown, rows: number | undefined): void;
  prepare(connection: unknown): void;
  handleReadyForQuery(connection: unknown): void;
}
interface PgConnection {
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[] }): void;
  execute(message: { portal: string; rows: number }): void;
}
const PgQueryClass = (pg as unknown as { Query: new (config: object) => PgQuery }).Query;

/**
 * A statement sent after its transaction's BEGIN in the same message, by the extended protocol: the BEGIN parsed,
 * bound and run unnamed, then the statement as node-postgres sends it, then one Sync. One round trip where there
 * were two: on PostgreSQL each round trip is a write to the socket that wakes a backend, and under load the
 * requests' thread lost about a third of its time in those writes (issue 15). The answer is the statement's alone.
 * Should the statement fail, the transaction has begun and is aborted, as it would be had the BEGIN gone first, and
 * Kysely's ROLLBACK ends it.
 */
class QueryAfterBegin extends PgQueryClass {
  constructor(
    private readonly begin: string,
    config: object,
  ) {
    super(config);
  }

  requiresPreparation(): boolean {
    return true;
  }

  override prepare(connection: unknown): void {
    const wire = connection as PgConnection;
    wire.parse({ text: this.begin, name: '', types: [] });
    wire.bind({ portal: '', statement: '', values: [] });
    wire.execute({ portal: '', rows: 0 });
    super.prepare(connection);
  }

  override handleReadyForQuery(connection: unknown): void {
    // The BEGIN's result first, then the statement's: the statement's alone is the answer.
    if (Array.isArray(this._results)) this._results = this._results[this._results.length - 1];
    super.handleReadyForQuery(connection);
  }
}

/**
 * A read sent by the extended protocol as node-postgres sends any (parsed once when named, bound, described, run),
 * then its transaction's COMMIT, unnamed, before the one Sync (read-then-commit.ts): the read's result, then the
 * COMMIT's. node-postgres ends each statement's run with a Sync of its own (its `_getRows`); here the COMMIT goes first.
 * Should the read fail, PostgreSQL skips the COMMIT up to the Sync.
 */
class ReadThenCommit extends PgQueryClass {
  requiresPreparation(): boolean {
    return true;
  }

  // Never given a number of rows to fetch at a time (node-postgres's `rows`): the read is run whole, then the COMMIT.
  override _getRows(connection: unknown): void {
    const wire = connection as PgConnection & { sync(): void };
    wire.execute({ portal: this.portal, rows: 0 });
    wire.parse({ text: 'commit', name: '', types: [] });
    wire.bind({ portal: '', statement: '', values: [] });
    wire.execute({ portal: '', rows: 0 });
    wire.sync();
  }
}

function poolOf(connectionString: string, size: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: size, Client: PreparingClient });
  // An idle connection the server ends (a restart, an administrator's command, a network cut) is
  // reported here; unheard, it would end the whole process. The pool drops that connection and
  // opens another on the next query, which fails with its own error if the server is still away.
  pool.on('error', (error) => {
    console.error(`waggle: an idle PostgreSQL connection was closed (${error.message}); the next request opens another`);
  });
  return pool;
}

/** A pool of at most `poolSize` connections (postgres-pool-size.ts says how many by default). */
export function createPostgresDialect(connectionString: string, poolSize: number): PostgresDialect {
  return new PostgresDialect({ pool: poolOf(connectionString, poolSize) });
}

/**
 * The requests' pool (createPostgresDialect) and a second of the same size for the writes to a few
 * people (services/context.ts inTransactionOnPeople, write-connections.ts), ended with the first.
 * Those writes run one at a time per workspace, each holding the workspace's counter locked, and the
 * next one begins while one runs; from the requests' pool (then 3 connections here) each waited for a
 * read to give one back, 16 ms at the median under PostgreSQL's mixed load, while the rest waited on
 * it. A connection of the second pool is opened when first wanted: a server that never writes opens none.
 */
export function createPostgresDialects(connectionString: string, poolSize: number): { requests: PostgresDialect; writes: PostgresDialect } {
  const writesPool = poolOf(connectionString, poolSize);
  let ended = false;
  const endWrites = async () => {
    if (ended) return;
    ended = true;
    await writesPool.end();
  };
  return { requests: new PostgresDialectEndingWith({ pool: poolOf(connectionString, poolSize) }, endWrites), writes: new PostgresDialect({ pool: writesPool }) };
}

/** A PostgresDialect whose driver, destroyed, also ends another pool (the writes' own): whoever destroys the store's handle ends both. */
class PostgresDialectEndingWith extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly alsoEnd: () => Promise<void>,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const destroy = driver.destroy.bind(driver);
    driver.destroy = async () => {
      try {
        await this.alsoEnd();
      } finally {
        await destroy();
      }
    };
    return driver;
  }
}

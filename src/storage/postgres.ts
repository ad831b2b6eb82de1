import pg from 'pg';
// node-postgres's own conversion of a value for the wire (dates, arrays, JSON), as its queries bind them.
import pgUtils from 'pg/lib/utils.js';
import { PostgresDialect, type Driver } from 'kysely';
import { preparedNameOf } from './prepared-statements.js';
import { COMMITTING } from './read-then-commit.js';
import { SENT_AHEAD } from './sent-ahead.js';
import { statementCounter } from './statement-count.js';

const counter = statementCounter();

// Read dates as the ISO strings the core uses: a `date` must never become a
// JavaScript Date at local midnight, which is how reminders drift by a day.
const DATE_OID = 1082;
const TIMESTAMPTZ_OID = 1184;
const INT8_OID = 20;
pg.types.setTypeParser(DATE_OID, (value) => value);
pg.types.setTypeParser(TIMESTAMPTZ_OID, (value) => new Date(value).toISOString());
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
  /**
   * Statements asked for and not sent yet, each to go with the statement after it (sentWithHeld): the transaction's BEGIN
   * as Kysely asked it, and the writes sent ahead (sent-ahead.ts) after it.
   */
  private held: HeldStatement[] = [];
  /** Whether a transaction Kysely began on this connection is still open (its BEGIN held or sent): only then are writes held. */
  private inTransaction = false;

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
    const ends = text === 'commit' || text === 'rollback';
    if (this.committedAhead && ends) {
      // The transaction ended with the read before: nothing to send.
      this.committedAhead = false;
      return answeredHere(text.toUpperCase());
    }
    if (typeof text === 'string' && Array.isArray(values) && values.length === 0 && BEGINS.test(text) && !this.inTransaction && !this.committedAhead) {
      // Sent with the statement after it (below): answered now, as PostgreSQL answers a BEGIN, and never refused.
      this.held = [{ text, values: [], begins: true }];
      this.inTransaction = true;
      return answeredHere('BEGIN');
    }
    if (typeof text === 'string' && text.endsWith(SENT_AHEAD)) {
      const statement = text.slice(0, -SENT_AHEAD.length);
      // Held for the statement after it, which the transaction's COMMIT or ROLLBACK at the latest is; outside one, sent now.
      if (!this.inTransaction || !Array.isArray(values)) return this.query(statement, ...args.slice(1));
      this.held.push({ text: statement, values });
      return answeredHere('HELD');
    }
    // Ended by this statement: Kysely's COMMIT or ROLLBACK, or a read sent with its COMMIT (read-then-commit.ts).
    if (ends || (typeof text === 'string' && text.endsWith(COMMITTING))) this.inTransaction = false;
    if (this.held.length > 0) {
      const held = this.held;
      this.held = [];
      const beginHeld = held[0]?.begins === true;
      // A transaction that sent nothing began nothing on the server: nothing to end.
      if (beginHeld && held.length === 1 && ends) return answeredHere(text.toUpperCase());
      if (beginHeld && text === 'rollback') return answeredHere('ROLLBACK');
      // The writes held were never sent: rolled back, there is nothing of them to undo.
      if (text === 'rollback') return this.query(...args);
      const together = this.sentWithHeld(held, text, values);
      if (together) return together as never;
      // Not one that can go with them (a simple-protocol text): they go first, in a message of their own, as asked.
      return this.sentAlone(held).then(() => this.query(...args)) as never;
    }
    if (counter) counter.count(typeof text === 'string' ? text : String((text as { text?: unknown } | undefined)?.text ?? '?'));
    if (typeof text === 'string' && text.endsWith(COMMITTING)) {
      // One simple-protocol message (no values): the read's result, then the COMMIT's.
      return (query.call(this, text) as Promise<pg.QueryResult | pg.QueryResult[]>).then((results) => {
        this.committedAhead = true;
        return Array.isArray(results) ? results[0] : results;
      }) as never;
    }
    const name = typeof text === 'string' && Array.isArray(values) ? preparedNameOf(text) : undefined;
    return name === undefined ? query.apply(this, args) : query.call(this, { name, text, values });
  }

  /**
   * `text` sent after the statements held before it (a BEGIN, writes sent ahead) in one message (QueryAfterHeld), when it
   * can go by the extended protocol: it has values, or is kept prepared and already parsed on this connection, or it is a
   * read sent with its COMMIT (read-then-commit.ts), or the COMMIT itself. Null otherwise: a text without values may be
   * several statements, which the extended protocol refuses; a named one parsed for the first time is sent on its own,
   * since node-postgres takes the first ParseComplete of a message as the named statement's.
   */
  private sentWithHeld(held: readonly HeldStatement[], text: unknown, values: unknown): Promise<pg.QueryResult> | null {
    if (typeof text !== 'string' || !Array.isArray(values)) return null;
    const committing = text.endsWith(COMMITTING);
    const statement = committing ? text.slice(0, -COMMITTING.length) : text;
    const name = committing ? undefined : preparedNameOf(text);
    if (!committing && text !== 'commit' && (name !== undefined ? this.parsed[name] !== text : values.length === 0)) return null;
    if (counter) for (const each of [...held.map((h) => h.text), text]) counter.count(each);
    return new Promise<pg.QueryResult>((resolve, reject) => {
      const config = { ...(name === undefined ? {} : { name }), text: statement, values, callback: (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(result)) };
      super.query(new QueryAfterHeld(held, this.parsed, committing, config) as never);
    }).then((result) => {
      if (committing) this.committedAhead = true;
      return result;
    });
  }

  /** The statements held, sent on their own as one message: the last of them carries those before it. */
  private sentAlone(held: readonly HeldStatement[]): Promise<unknown> {
    const last = held[held.length - 1] as HeldStatement;
    const before = held.slice(0, -1);
    if (before.length === 0) {
      if (counter) counter.count(last.text);
      const name = preparedNameOf(last.text);
      // As any statement goes: by its name when kept prepared (parsed now if this connection has not yet).
      return super.query(name === undefined ? { text: last.text, values: last.values } : { name, text: last.text, values: last.values }) as Promise<unknown>;
    }
    return this.sentWithHeld(before, last.text, last.values) ?? this.sentAlone(before).then(() => this.sentAlone([last]));
  }

  /** The named statements this connection has parsed, by name (node-postgres keeps them). */
  private get parsed(): Record<string, string> {
    return (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
  }
}

/** A statement asked for and not sent yet (PreparingClient.held). */
interface HeldStatement {
  text: string;
  values: unknown[];
  /** The transaction's BEGIN: while it is held, nothing of the transaction has reached the server. */
  begins?: true;
}

/** The answer to a statement the connection did not send (a BEGIN held back, an ending with nothing to end), as node-postgres shapes one. */
const answeredHere = (command: string): never => Promise.resolve({ command, rowCount: null, rows: [], fields: [] }) as never;

/** What Kysely sends to begin a transaction (PostgresDriver.beginTransaction): `begin`, or `start transaction` with its settings. */
const BEGINS = /^(?:begin|start transaction(?: isolation level (?:serializable|repeatable read|read committed|read uncommitted))?(?: read only| read write)?)$/;

/** node-postgres's query, as much of it as QueryAfterBegin reads and writes. */
interface PgQuery {
  name?: string;
  _results: unknown;
  prepare(connection: unknown): void;
  handleReadyForQuery(connection: unknown): void;
}
interface PgConnection {
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[]; valueMapper?: (value: unknown) => unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  sync(): void;
}
const PgQueryClass = (pg as unknown as { Query: new (config: object) => PgQuery }).Query;

/**
 * A statement sent after the statements held before it (its transaction's BEGIN, writes sent ahead: PreparingClient)
 * in the same message, by the extended protocol: each held one bound and run (by its name when the connection has
 * parsed it, unnamed otherwise), then the statement as node-postgres sends it, then one Sync. One round trip where
 * there were several: on PostgreSQL each round trip is a write to the socket that wakes a backend, and under load
 * the requests' thread lost about a third of its time in those writes (issue 15). With `thenCommit`, the statement is
 * a read and the transaction's COMMIT follows it before the Sync (read-then-commit.ts).
 *
 * The answer is the statement's alone. Should a held statement or the statement fail, PostgreSQL skips the rest of
 * the message: the transaction has begun and is aborted, as it would be had each gone on its own, and Kysely's
 * ROLLBACK ends it.
 */
class QueryAfterHeld extends PgQueryClass {
  constructor(
    private readonly held: readonly HeldStatement[],
    private readonly parsed: Record<string, string>,
    private readonly thenCommit: boolean,
    config: object,
  ) {
    super(config);
  }

  requiresPreparation(): boolean {
    return true;
  }

  override prepare(connection: unknown): void {
    const wire = connection as PgConnection;
    for (const { text, values } of this.held) {
      const name = preparedNameOf(text);
      const byName = name !== undefined && this.parsed[name] === text;
      if (!byName) wire.parse({ text, name: '', types: [] });
      wire.bind({ portal: '', statement: byName ? name : '', values, valueMapper: pgUtils.prepareValue });
      wire.execute({ portal: '', rows: 0 });
    }
    if (!this.thenCommit) {
      super.prepare(connection);
      return;
    }
    const read = this as unknown as { text: string };
    wire.parse({ text: read.text, name: '', types: [] });
    wire.bind({ portal: '', statement: '', values: [] });
    wire.describe({ type: 'P', name: '' });
    wire.execute({ portal: '', rows: 0 });
    wire.parse({ text: 'commit', name: '', types: [] });
    wire.bind({ portal: '', statement: '', values: [] });
    wire.execute({ portal: '', rows: 0 });
    wire.sync();
  }

  override handleReadyForQuery(connection: unknown): void {
    // Each held statement's result first, then the statement's (then the COMMIT's): the statement's alone is the answer.
    if (Array.isArray(this._results)) this._results = this._results[this.held.length];
    super.handleReadyForQuery(connection);
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
 * next one begins while one runs; from the requests' pool (3 connections here) each waited for a
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

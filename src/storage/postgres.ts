import pg from 'pg';
import pgUtils from 'pg/lib/utils.js';
import { PostgresDialect, type Driver } from 'kysely';
import { preparedNameOf } from './prepared-statements.js';
import { COMMITTING, readOf } from './read-then-commit.js';
import { heldWriteOf, type HeldAnswer } from './sent-with-next.js';
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
  /** The transaction's BEGIN as Kysely asked it, not sent yet: it goes with the transaction's first statement (sentAfter). */
  private beginAhead: string | null = null;
  /** Writes held back (sent-with-next.ts), in the order they were asked: they go with the statement after them (sentAfter). */
  private heldAhead: SentAhead[] = [];

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
    const held = typeof text === 'string' && Array.isArray(values) ? heldWriteOf(text, values) : null;
    if (held) {
      // Sent with the statement after it (below): answered now with nothing, which is all its caller asks of it here.
      this.heldAhead.push(held);
      return answeredHere('HELD');
    }
    const begin = this.beginAhead;
    const writes = this.heldAhead;
    if (begin !== null || writes.length > 0) {
      this.beginAhead = null;
      this.heldAhead = [];
      if (text === 'rollback') {
        // A transaction that sent nothing began nothing on the server: nothing to end. Otherwise the held writes are dropped unsent.
        return begin !== null ? answeredHere('ROLLBACK') : this.query(...args);
      }
      // A transaction that sent nothing and holds nothing: nothing to commit.
      if (text === 'commit' && writes.length === 0) return answeredHere('COMMIT');
      const ahead: SentAhead[] = [...(begin !== null ? [{ text: begin, values: [] }] : []), ...writes];
      const together = this.sentAfter(ahead, text, values);
      if (together) return together as never;
      // Not one that can go with them (a simple-protocol text; a named statement not parsed here yet): each on its own, in order,
      // the BEGIN as Kysely asked it and each held write as any statement is sent (a named one parsed under its name for next time).
      const alone = ahead.reduce<Promise<unknown>>(
        (before, statement) =>
          before.then(async () => {
            if (statement.text === begin) return this.sentAlone(begin);
            const { rows } = (await this.query(statement.text, statement.values)) as pg.QueryResult;
            statement.answered?.(rows);
          }),
        Promise.resolve(),
      );
      return alone.then(() => this.query(...args)) as never;
    }
    if (counter) counter.count(typeof text === 'string' ? text : String((text as { text?: unknown } | undefined)?.text ?? '?'));
    if (typeof text === 'string' && text.endsWith(COMMITTING)) return this.sentAfter([], text, values) as never;
    const name = typeof text === 'string' && Array.isArray(values) ? preparedNameOf(text) : undefined;
    return name === undefined ? query.apply(this, args) : query.call(this, { name, text, values });
  }

  /** A BEGIN sent by itself, as Kysely asked it. */
  private sentAlone(begin: string): Promise<unknown> {
    if (counter) counter.count(begin);
    return (super.query as (text: string) => Promise<unknown>).call(this, begin);
  }

  /**
   * `text` sent after the statements `ahead` (a held BEGIN, held writes), in one message (QueryAfter), and when it is a
   * read marked to commit (read-then-commit.ts) followed by its transaction's COMMIT: its answer alone (the read's rows).
   * Null when they cannot go so: a text without values other than a COMMIT may be several statements, which the extended
   * protocol refuses; a named statement parsed for the first time goes without statements before it, since node-postgres
   * takes the first ParseComplete of a message as the named statement's (sent alone, it is parsed under its name for the
   * next time).
   */
  private sentAfter(ahead: readonly SentAhead[], text: unknown, values: unknown): Promise<pg.QueryResult> | null {
    if (typeof text !== 'string' || !Array.isArray(values)) return null;
    const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } }).connection.parsedStatements;
    const before: SentAhead[] = [];
    for (const statement of ahead) {
      const name = preparedNameOf(statement.text);
      if (name !== undefined && parsed[name] !== statement.text) return null;
      before.push(name === undefined ? statement : { ...statement, name });
    }
    const committing = text.endsWith(COMMITTING);
    const statement = committing ? readOf(text) : text;
    // A read that commits is named by its whole text (read-then-commit.ts), and kept prepared as the read alone.
    const name = preparedNameOf(text);
    if (before.length > 0 && (name !== undefined ? parsed[name] !== statement : values.length === 0 && !committing && text !== 'commit')) return null;
    if (counter) for (const sent of before) counter.count(sent.text);
    if (counter && before.length > 0) counter.count(text);
    return new Promise<pg.QueryResult>((resolve, reject) => {
      const submitted = new QueryAfter(before, committing, { ...(name === undefined ? {} : { name }), text: statement, values, callback: (error: Error | null, result: pg.QueryResult) => (error ? reject(error) : resolve(result)) });
      super.query(submitted as never);
    }).then((result) => {
      if (committing) this.committedAhead = true;
      return result;
    });
  }
}

/** A statement held back to go before another in one message: by its name when it is kept prepared and parsed here; its rows to `answered` once run, when it wants them. */
interface SentAhead {
  text: string;
  values: unknown[];
  name?: string;
  answered?: HeldAnswer;
}

/** The answer to a statement the connection did not send (a BEGIN held back, an ending with nothing to end), as node-postgres shapes one. */
const answeredHere = (command: string): never => Promise.resolve({ command, rowCount: null, rows: [], fields: [] }) as never;

/** What Kysely sends to begin a transaction (PostgresDriver.beginTransaction): `begin`, or `start transaction` with its settings. */
const BEGINS = /^(?:begin|start transaction(?: isolation level (?:serializable|repeatable read|read committed|read uncommitted))?(?: read only| read write)?)$/;

/** node-postgres's query, as much of it as QueryAfter reads and writes. */
interface PgQuery {
  name?: string;
  portal: string;
  _results: unknown;
  _getRows(connection: unknown, rows: number | undefined): void;
  prepare(connection: unknown): void;
  handleReadyForQuery(connection: unknown): void;
  handleError(error: Error, connection: unknown): void;
}
interface PgConnection {
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[]; valueMapper?: (value: unknown) => unknown }): void;
  execute(message: { portal: string; rows: number }): void;
  describe(message: { type: 'P' | 'S'; name: string }): void;
}
const PgQueryClass = (pg as unknown as { Query: new (config: object) => PgQuery }).Query;

/**
 * A statement sent after others in the same message, by the extended protocol: each of `before` (a transaction's
 * held BEGIN, writes held back by sent-with-next.ts) bound by its name when parsed on this connection, else parsed
 * unnamed, and run, without its rows described (none of them returns any); then the statement as node-postgres sends
 * any (parsed once when named, bound, described, run); then, when `thenCommit`, its transaction's COMMIT, unnamed
 * (read-then-commit.ts); then one Sync. One round trip where there were several: on PostgreSQL each round trip is a
 * write to the socket that wakes a backend, and under load the requests' thread lost about a third of its time in
 * those writes, while each round trip inside a write's lock held every write to the workspace behind it (issue 15).
 * The answer is the statement's alone. Should any of them fail, PostgreSQL skips the rest up to the Sync (the COMMIT
 * among them) and the answer is that failure: the transaction is aborted, and Kysely's ROLLBACK ends it. Should the
 * COMMIT fail, PostgreSQL has rolled the transaction back, and that ROLLBACK finds none (a warning).
 */
class QueryAfter extends PgQueryClass {
  constructor(
    private readonly before: readonly SentAhead[],
    private readonly thenCommit: boolean,
    config: object,
  ) {
    super(config);
  }

  requiresPreparation(): boolean {
    return true;
  }

  override prepare(connection: unknown): void {
    const wire = connection as PgConnection & { sync(): void };
    for (const statement of this.before) {
      if (statement.name === undefined) wire.parse({ text: statement.text, name: '', types: [] });
      try {
        wire.bind({ portal: '', statement: statement.name ?? '', values: statement.values, valueMapper: pgUtils.prepareValue });
      } catch (error) {
        // A value node-postgres cannot send (as its own prepare does): what was sent before it is ended, the statement fails.
        wire.sync();
        this.handleError(error as Error, connection);
        return;
      }
      // Its rows described only when wanted: node-postgres reads rows by the description before them.
      if (statement.answered) wire.describe({ type: 'P', name: '' });
      wire.execute({ portal: '', rows: 0 });
    }
    super.prepare(connection);
  }

  // Never given a number of rows to fetch at a time (node-postgres's `rows`): with its COMMIT after it, the read is run whole,
  // then the COMMIT, then the Sync (node-postgres ends each statement's run with a Sync of its own: here the COMMIT goes first).
  override _getRows(connection: unknown, rows: number | undefined): void {
    if (!this.thenCommit) return super._getRows(connection, rows);
    const wire = connection as PgConnection & { sync(): void };
    wire.execute({ portal: this.portal, rows: 0 });
    wire.parse({ text: 'commit', name: '', types: [] });
    wire.bind({ portal: '', statement: '', values: [] });
    wire.execute({ portal: '', rows: 0 });
    wire.sync();
  }

  override handleReadyForQuery(connection: unknown): void {
    // The results of the statements before it, one each, its own, then the COMMIT's: its own alone is the answer, and a held
    // write that wants its rows is given them first (a run that failed never comes here: node-postgres ends it at the error).
    if (Array.isArray(this._results)) {
      const results = this._results as pg.QueryResult[];
      this.before.forEach((statement, i) => statement.answered?.(results[i]?.rows ?? []));
      this._results = results[this.before.length] ?? results[results.length - 1];
    }
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

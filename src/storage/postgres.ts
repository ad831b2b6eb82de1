import pg from 'pg';
import { PostgresDialect, type Driver } from 'kysely';
import { preparedNameOf } from './prepared-statements.js';
import { COMMITTING } from './read-then-commit.js';
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
      return Promise.resolve({ command: text.toUpperCase(), rowCount: null, rows: [], fields: [] }) as never;
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

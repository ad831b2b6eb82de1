import { afterAll, beforeAll } from 'vitest';
import type { Kysely } from 'kysely';
import { checkKeeperSettled } from '../services/check-cache.js';
import { sequentialIds, type Clock } from '../services/context.js';
import { loadDemo } from '../services/demo.js';
import { openSession, type Session } from '../services/session.js';
import type { Database } from '../storage/schema.js';
import { freshDatabase, type Dialect } from './databases.js';

/**
 * The demo map in a fresh database of the given kind, for the suite it is called in, seen
 * through two connections: `session`, the one whose kept check (or map) the tests read, and
 * `other`, a second connection to the same data (the command line beside a running server,
 * or a second server) that writes behind its back. `url` is the PostgreSQL database's
 * address (null on SQLite), for a test that opens its own client beside them.
 */
export function demoSessions(dialect: Dialect, clock: Clock): { readonly session: Session; readonly other: Session; readonly url: string | null } {
  let session: Session | undefined;
  let other: Session | undefined;
  let url: string | null = null;
  let dispose: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    dispose = db.dispose;
    url = db.config.kind === 'postgres' ? db.config.url : null;
    session = await openSession(db.config, { clock, ids: sequentialIds(), defaultTimeZone: 'UTC' });
    other = await openSession(db.config, { clock, defaultTimeZone: 'UTC' });
    await loadDemo(session.ctx);
  });
  afterAll(async () => {
    await other?.close();
    await session?.close();
    await dispose();
  });
  const opened = (which: Session | undefined) => {
    if (!which) throw new Error('the demo sessions are opened in beforeAll: read them inside a test');
    return which;
  };
  return {
    get session() {
      return opened(session);
    },
    get other() {
      return opened(other);
    },
    get url() {
      return url;
    },
  };
}

/**
 * What `serve` answers once the check keeper's renewal under `key` has settled: the first
 * call starts the renewal a change called for (and answers the stale view), the second
 * reads the renewed one.
 */
export async function servedWhenSettled<T>(db: Kysely<Database>, key: string, serve: () => Promise<T>): Promise<T> {
  await serve();
  await checkKeeperSettled(db, key);
  return serve();
}

import { beforeAll } from 'vitest';
import type { Kysely } from 'kysely';
import { checkKeeperSettled } from '../services/check-cache.js';
import type { Clock } from '../services/context.js';
import { loadDemo } from '../services/demo.js';
import type { Session } from '../services/session.js';
import type { Database } from '../storage/schema.js';
import type { Dialect } from './databases.js';
import { freshSession } from './fresh-session.js';

/**
 * The demo map in a fresh database of the given kind, for the suite it is called in, seen
 * through two connections: `session`, the one whose kept check (or map) the tests read, and
 * `other`, a second connection to the same data (the command line beside a running server,
 * or a second server) that writes behind its back. `url` is the PostgreSQL database's
 * address (null on SQLite), for a test that opens its own client beside them.
 */
export function demoSessions(dialect: Dialect, clock: Clock): { readonly session: Session; readonly other: Session; readonly url: string | null } {
  const world = freshSession(dialect, { clock, other: true });
  beforeAll(async () => {
    await loadDemo(world.session.ctx);
  });
  return {
    get session() {
      return world.session;
    },
    get other() {
      return world.other;
    },
    get url() {
      return world.config.kind === 'postgres' ? world.config.url : null;
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

import { afterAll, beforeAll } from 'vitest';
import { sequentialIds, type Clock } from '../services/context.js';
import { openSession, type Session } from '../services/session.js';
import { freshDatabase, type Dialect } from './databases.js';

/**
 * One session on a fresh, empty database of the given kind for the suite it is called in
 * (sequential ids, UTC), opened before its tests and closed and dropped after them.
 */
export function freshSession(dialect: Dialect, clock: Clock = { now: () => new Date('2026-11-22T10:00:00Z') }): { readonly session: Session } {
  let session: Session | undefined;
  let dispose: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const db = await freshDatabase(dialect);
    dispose = db.dispose;
    session = await openSession(db.config, { clock, ids: sequentialIds(), defaultTimeZone: 'UTC' });
  });
  afterAll(async () => {
    await session?.close();
    await dispose();
  });
  return {
    get session() {
      if (!session) throw new Error('the session is opened in beforeAll: read it inside a test');
      return session;
    },
  };
}

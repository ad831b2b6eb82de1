import { afterAll, beforeAll } from 'vitest';
import { createApi, type Api } from '../server/app.js';
import { openSession, type Session } from '../services/session.js';
import { freshDatabase } from './databases.js';

/**
 * An API in-process over a fresh SQLite data folder for the suite it is called in,
 * opened before the suite's tests and thrown away after them.
 */
export function apiOnFreshSqlite(now = '2026-11-22T10:00:00Z'): { readonly api: Api; readonly session: Session } {
  let session: Session | undefined;
  let api: Api | undefined;
  let dispose: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const db = await freshDatabase('sqlite');
    dispose = db.dispose;
    session = await openSession(db.config, { clock: { now: () => new Date(now) }, defaultTimeZone: 'UTC' });
    const opened = session;
    api = createApi(() => opened.ctx);
  });
  afterAll(async () => {
    await session?.close();
    await dispose();
  });
  return {
    get api() {
      if (!api) throw new Error('the API is opened before the tests run');
      return api;
    },
    get session() {
      if (!session) throw new Error('the session is opened before the tests run');
      return session;
    },
  };
}

import { beforeAll } from 'vitest';
import { createApi, type Api } from '../server/app.js';
import type { Session } from '../services/session.js';
import { freshSession, TEST_NOW } from './fresh-session.js';

/**
 * An API in-process over a fresh SQLite data folder for the suite it is called in,
 * opened before the suite's tests and thrown away after them. `edgePort`: the API as
 * `waggle serve --port N` builds it, its edge guarding that port (Host, Origin, fetch metadata).
 */
export function apiOnFreshSqlite(now = TEST_NOW, options: { edgePort?: number } = {}): { readonly api: Api; readonly session: Session } {
  const world = freshSession('sqlite', { clock: { now: () => new Date(now) }, ids: 'random' });
  let api: Api | undefined;
  beforeAll(() => {
    api = createApi(() => world.session.ctx, undefined, options.edgePort === undefined ? {} : { edge: { port: options.edgePort } });
  });
  return {
    get api() {
      if (!api) throw new Error('the API is opened before the tests run');
      return api;
    },
    get session() {
      return world.session;
    },
  };
}

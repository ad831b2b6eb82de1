import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { randomIds, sequentialIds, type Clock } from '../services/context.js';
import { openSession, type Session } from '../services/session.js';
import type { DatabaseConfig } from '../storage/database.js';
import { freshDatabase, type Dialect } from './databases.js';

/** The moment most suites stand at: a fixed clock, so that dates the tests compare do not move. */
export const TEST_NOW = '2026-11-22T10:00:00Z';

export interface FreshSessionOptions {
  /** The session's clock; a fixed one at TEST_NOW by default. */
  clock?: Clock;
  /** The ids new rows get: sequential by default (tests that name `per_0001`), random where a suite counts on none. */
  ids?: 'sequential' | 'random';
  /** The time zone a new workspace starts with; UTC by default. */
  timeZone?: string;
  /** One database for the whole suite (the default), or a fresh one for each test. */
  per?: 'suite' | 'test';
  /** Open `other` too: a second connection to the same data (the command line beside a running server), random ids. */
  other?: boolean;
}

export interface FreshSession {
  readonly session: Session;
  /** The second connection, when `other` was asked for. */
  readonly other: Session;
  /** Where the database is: the SQLite data folder or the PostgreSQL address, for a test that looks underneath. */
  readonly config: DatabaseConfig;
}

/**
 * One session on a fresh, empty database of the given kind for the suite it is called in,
 * opened before its tests (or before each) and closed and dropped after them. Hooks the
 * suite adds after calling this run after the session is open and before it closes.
 */
export function freshSession(dialect: Dialect, options: FreshSessionOptions = {}): FreshSession {
  const clock = options.clock ?? { now: () => new Date(TEST_NOW) };
  const timeZone = options.timeZone ?? 'UTC';
  let opened: { session: Session; other: Session | undefined; config: DatabaseConfig; dispose(): Promise<void> } | undefined;
  const open = async () => {
    const db = await freshDatabase(dialect);
    const session = await openSession(db.config, { clock, ids: options.ids === 'random' ? randomIds : sequentialIds(), defaultTimeZone: timeZone });
    const other = options.other ? await openSession(db.config, { clock, ids: randomIds, defaultTimeZone: timeZone }) : undefined;
    opened = { session, other, config: db.config, dispose: db.dispose };
  };
  const close = async () => {
    const closing = opened;
    opened = undefined;
    await closing?.other?.close();
    await closing?.session.close();
    await closing?.dispose();
  };
  if (options.per === 'test') {
    beforeEach(open);
    afterEach(close);
  } else {
    beforeAll(open);
    afterAll(close);
  }
  const current = () => {
    if (!opened) throw new Error('the session is opened before the tests run: read it inside a test or a later hook');
    return opened;
  };
  return {
    get session() {
      return current().session;
    },
    get other() {
      const { other } = current();
      if (!other) throw new Error('no second session: call freshSession with { other: true }');
      return other;
    },
    get config() {
      return current().config;
    },
  };
}

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

/** A session opened on a fresh database outside any hook, and the one way to close it and throw the database away. */
export interface OpenedFreshSession {
  readonly session: Session;
  readonly other: Session | undefined;
  readonly config: DatabaseConfig;
  close(): Promise<void>;
}

/** Closes at most once: a test may close a session itself (to see what closing does) before the helper does. */
function closingOnce(session: Session): Session {
  let closed: Promise<void> | undefined;
  return { ...session, close: () => (closed ??= session.close()) };
}

/**
 * One session on a fresh, empty database, opened now: for a loop that needs one per
 * round (a property test); a suite calls freshSession instead, which closes it for it.
 */
export async function openFreshSession(dialect: Dialect, options: Omit<FreshSessionOptions, 'per'> = {}): Promise<OpenedFreshSession> {
  const clock = options.clock ?? { now: () => new Date(TEST_NOW) };
  const defaultTimeZone = options.timeZone ?? 'UTC';
  const db = await freshDatabase(dialect);
  const session = closingOnce(await openSession(db.config, { clock, ids: options.ids === 'random' ? randomIds : sequentialIds(), defaultTimeZone }));
  const other = options.other ? closingOnce(await openSession(db.config, { clock, ids: randomIds, defaultTimeZone })) : undefined;
  return {
    session,
    other,
    config: db.config,
    close: async () => {
      await other?.close();
      await session.close();
      await db.dispose();
    },
  };
}

export interface FreshSession {
  readonly session: Session;
  /** The second connection, when `other` was asked for. */
  readonly other: Session;
  /** Where the database is: the SQLite data folder or the PostgreSQL address, for a test that looks underneath. */
  readonly config: DatabaseConfig;
  /** The SQLite data folder (a suite on SQLite only): where `waggle --data` points the command line at the same data. */
  readonly dataDir: string;
  /**
   * A further fresh, empty database of the same kind, opened with the same options, for a
   * test that needs a second map (a restore's target); closed with this one.
   */
  another(): Promise<Session>;
}

/**
 * One session on a fresh, empty database of the given kind for the suite it is called in,
 * opened before its tests (or before each) and closed and dropped after them. Hooks the
 * suite adds after calling this run after the session is open and before it closes.
 */
export function freshSession(dialect: Dialect, options: FreshSessionOptions = {}): FreshSession {
  let opened: OpenedFreshSession | undefined;
  let more: OpenedFreshSession[] = [];
  const open = async () => {
    opened = await openFreshSession(dialect, options);
  };
  const close = async () => {
    const closing = [...more.reverse(), ...(opened ? [opened] : [])];
    opened = undefined;
    more = [];
    for (const each of closing) await each.close();
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
    get dataDir() {
      const { config } = current();
      if (config.kind !== 'sqlite') throw new Error('no data folder: the database is PostgreSQL');
      return config.dataDir;
    },
    another: async () => {
      current();
      const extra = await openFreshSession(dialect, { ...options, other: false });
      more.push(extra);
      return extra.session;
    },
  };
}

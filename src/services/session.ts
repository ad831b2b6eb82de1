import { openStore, type DatabaseConfig, type Store } from '../storage/database.js';
import { randomIds, systemClock, type Clock, type IdGenerator, type ServiceContext } from './context.js';
import { hostTimeZone } from './host-time-zone.js';
import { ensureWorkspace, LOCAL_WORKSPACE_ID } from './workspace.js';

export interface Session {
  ctx: ServiceContext;
  store: Store;
  close(): Promise<void>;
}

export interface SessionOptions {
  clock?: Clock;
  ids?: IdGenerator;
  /** The time zone a new workspace starts with; the host's by default. */
  defaultTimeZone?: string;
  /** A server's: SQLite's checkpoints in a worker thread, off the event loop (storage/sqlite-checkpoints.ts). */
  checkpointsOffThread?: boolean;
  /** On SQLite, a new database at this path instead of the folder's, for a first load (storage/sqlite-first-load.ts). */
  firstLoadFile?: string;
}

/** Opens the database, brings it up to date and returns a context for the local workspace. */
export async function openSession(config: DatabaseConfig, options: SessionOptions = {}): Promise<Session> {
  const store = await openStore(config, { checkpointsOffThread: options.checkpointsOffThread === true, ...(options.firstLoadFile ? { firstLoadFile: options.firstLoadFile } : {}) });
  const clock = options.clock ?? systemClock;
  try {
    const timeZone = await ensureWorkspace(store.db, clock, options.defaultTimeZone ?? hostTimeZone());
    const ctx: ServiceContext = { db: store.db, workspaceId: LOCAL_WORKSPACE_ID, clock, ids: options.ids ?? randomIds, timeZone };
    return { ctx, store, close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}

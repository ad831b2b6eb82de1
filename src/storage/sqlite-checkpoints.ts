import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/**
 * A server's checkpoints, off its event loop. In WAL mode SQLite copies the write-ahead log
 * back into the database (a checkpoint) when a commit leaves the log past `wal_autocheckpoint`
 * pages, inside that commit's call: on a server's one thread that copy and its fsync held every
 * request. Measured in the mixed read/write run at 30,000 people: about 14 commits in 8 s took
 * 10-64 ms each (the rest 0.1 ms), some 200 ms in 8 s during which 50 clients' requests waited.
 *
 * Here a worker thread with a connection of its own runs `wal_checkpoint(PASSIVE)` every
 * CHECKPOINT_EVERY_MS: it copies what no reader still needs, takes no lock a writer or a reader
 * waits for, and does nothing (no write, no fsync) when the log holds nothing new. The server's
 * connection keeps a checkpoint of its own only past SAFETY_NET_BYTES, for a log the worker could
 * not keep short (it failed, or a long read held the log); a failed worker is said once, and the
 * connection's own checkpoints come back at SQLite's default. A command line, which commits and
 * ends, keeps SQLite's checkpoints as they are.
 */

/** How often the worker checkpoints. */
export const CHECKPOINT_EVERY_MS = 250;

/** The server's connection checkpoints by itself past this much log: 16 MB, in the database's own pages (safetyNetPages). */
export const SAFETY_NET_BYTES = 16 * 1024 * 1024;

/** SAFETY_NET_BYTES in pages of this database (`wal_autocheckpoint` counts pages, and their size is the file's). */
export function safetyNetPages(database: SqliteDatabase.Database): number {
  return Math.ceil(SAFETY_NET_BYTES / Number(database.pragma('page_size', { simple: true })));
}

/** SQLite's own `wal_autocheckpoint`, restored when the worker fails. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

export interface CheckpointsOffThread {
  /** Ends the worker and closes its connection, before the server's connection closes (the last to close checkpoints and removes the log). */
  stop(): Promise<void>;
}

/** The worker, as a script: plain CommonJS, so that it needs no file of its own in dist/ or the bundle. */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    clearInterval(timer);
    parentPort.postMessage({ kind: 'failed', message: String((error && error.message) || error) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Starts the worker for the database at `file`, which `database` (the server's connection) has open. */
export function checkpointOffThread(file: string, database: SqliteDatabase.Database, options: { everyMs?: number } = {}): CheckpointsOffThread {
  database.pragma(`wal_autocheckpoint = ${safetyNetPages(database)}`);
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { driver, file, everyMs: options.everyMs ?? CHECKPOINT_EVERY_MS } });
  // The worker never keeps the process alive: a server that ends ends it.
  worker.unref();
  let failed = false;
  const fail = (message: string) => {
    if (failed) return;
    failed = true;
    if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    console.error(`waggle: the database's background checkpoints stopped (${message}); the server checkpoints as it writes instead`);
  };
  worker.on('message', (message: { kind: 'failed'; message: string }) => {
    fail(message.message);
    void worker.terminate();
  });
  worker.on('error', (error) => fail(error.message));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}

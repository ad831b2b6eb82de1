import { Worker } from 'node:worker_threads';
import { workerScript } from './import/off-thread.js';
import { readOffThread, type OffThreadReader } from '../storage/off-thread-reads.js';
import type { Session } from './session.js';
import type { ReadAnswer, ReadRequest } from './sqlite-read-worker.js';

/** A statement the reader's thread refused, as the driver would have refused it on the server's own connection. */
export class OffThreadReadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteError';
  }
}

/**
 * The reader's heap: it holds a statement's rows for as long as it takes to post them (a person's
 * page is a few kilobytes). V8's defaults for a thread are sized for work that keeps what it makes,
 * and the server's memory is counted (under 300 MB at 30,000 people).
 */
const READER_HEAP = { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 24 };

/**
 * A SQLite reader on a thread of its own (sqlite-read-worker.ts), for the reads the server sends
 * there (storage/off-thread-reads.ts): a person's page is one statement of about 0.1–0.5 ms, on
 * nearly every request a miss of its kept answer (one of 30,000 people), and on the server's thread
 * it held every other request up for that long. Sent here, the server's thread only posts it and
 * reads the answer. When the thread ends (it failed, or was stopped), `all` says so with
 * undefined for each read waiting and each after, and the caller reads on its own connection.
 */
export class SqliteReadThread implements OffThreadReader {
  private readonly waiting = new Map<number, { resolve: (rows: unknown[] | undefined) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private gone = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (answer: ReadAnswer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if ('rows' in answer) waiter.resolve(answer.rows);
      else waiter.reject(new OffThreadReadError(answer.error, answer.code));
    });
    const end = () => {
      this.gone = true;
      for (const waiter of this.waiting.values()) waiter.resolve(undefined);
      this.waiting.clear();
    };
    worker.on('error', end);
    worker.on('exit', end);
    // The server keeps the process alive; the reader alone never does.
    worker.unref();
  }

  /** A reader of `file` (a SQLite database the caller has opened and migrated). */
  static async start(file: string): Promise<SqliteReadThread> {
    return new SqliteReadThread(new Worker(await workerScript('sqlite-read-worker', import.meta.url), { workerData: { file }, resourceLimits: READER_HEAP }));
  }

  all<R>(sql: string, params: readonly unknown[]): Promise<R[] | undefined> {
    if (this.gone) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise<R[] | undefined>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (rows: unknown[] | undefined) => void, reject });
      this.worker.postMessage({ id, sql, params: [...params] } satisfies ReadRequest);
    });
  }

  /** Ends the thread; reads waiting are answered undefined (read on the server's own connection). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * For a server on SQLite: reads that can run on a thread of their own (a person's page) go to one
 * from now on, beside the requests' thread. Gives back what stops it. Nothing for PostgreSQL, whose
 * statements run in the database's own processes already.
 */
export async function startReadingOffThread(session: Session): Promise<() => Promise<void>> {
  if (session.store.kind !== 'sqlite') return async () => undefined;
  const reader = await SqliteReadThread.start(session.store.location);
  const takeBack = readOffThread(session.ctx.db, reader);
  return async () => {
    takeBack();
    await reader.stop();
  };
}

import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';
import { SQLITE_BUSY_TIMEOUT_MS } from '../storage/sqlite-busy.js';

/*
 * The thread behind sqlite-read-thread.ts: one read-only connection to the server's SQLite file,
 * running the statements it is sent, one at a time, and answering each with its rows or its
 * error. Read-only, so it takes WAL's snapshot for each statement and never a write lock; the
 * server's own connection writes as before.
 */

/** A statement to run: its text and its parameters, answered under `id`. */
export interface ReadRequest {
  id: number;
  sql: string;
  params: unknown[];
}
export type ReadAnswer = { id: number; rows: unknown[] } | { id: number; error: string; code?: string };

/** The few statements sent here, prepared once each. */
const KEPT_STATEMENTS = 32;

if (parentPort) {
  const port = parentPort;
  const { file } = workerData as { file: string };
  const database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  const kept = new Map<string, SqliteDatabase.Statement>();
  const prepared = (sql: string): SqliteDatabase.Statement => {
    let statement = kept.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      kept.set(sql, statement);
      if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
    }
    return statement;
  };
  port.on('message', ({ id, sql, params }: ReadRequest) => {
    let answer: ReadAnswer;
    try {
      const statement = prepared(sql);
      // The connection is read-only anyway; said plainly, and before running, rather than as whatever the statement meets.
      if (!statement.readonly) throw Object.assign(new Error('only reads run on the reader thread'), { code: 'SQLITE_READONLY' });
      answer = { id, rows: statement.all(...params) };
    } catch (error) {
      answer = { id, error: error instanceof Error ? error.message : String(error), ...(typeof (error as { code?: unknown }).code === 'string' ? { code: (error as { code: string }).code } : {}) };
    }
    port.postMessage(answer);
  });
}

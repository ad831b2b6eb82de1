/**
 * How long a writer waits for another process (the CLI beside a running server) before giving up.
 * A module of its own so that a thread opening the file itself (services/sqlite-read-worker.ts) reads
 * it without loading the driver around it.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

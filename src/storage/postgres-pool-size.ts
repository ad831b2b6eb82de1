import { ValidationError } from '../core/errors.js';

/*
 * How many connections the server keeps to PostgreSQL. Each statement in flight is a PostgreSQL
 * backend wanting a core; when PostgreSQL runs on this machine it shares the cores with Waggle's
 * own thread, and a connection is also held while that thread, busy with other answers, has not
 * yet read the one waiting on it. Measured at 30,000 people on this repository's 2-core machine
 * (issue 15, turn about on the same minutes, 10 s a kind, 50 clients): the mixed read/write run
 * answered its reads at p95 31.8-37.6 ms with 6 connections against 44.1-65.3 ms with 3, as many
 * a second (681-758 against 682-769); a person's page 2,588-2,594 a second against 2,345-2,439 at
 * the same p95 (37-41 ms); the kinds answered from kept answers the same. (An earlier build, whose
 * person's page cost PostgreSQL twice as much, was better served by 3 than by 10.) Elsewhere (a
 * database server of its own) node-postgres's usual 10.
 */

/** node-postgres's own default, kept for a PostgreSQL on another machine. */
export const REMOTE_POOL_SIZE = 10;
/** The most connections WAGGLE_DATABASE_POOL_SIZE may ask for. */
export const MAX_POOL_SIZE = 100;

/** Whether `url` names a PostgreSQL on this machine: a loopback address, localhost, or a Unix socket. */
export function isLocalPostgres(url: string): boolean {
  let parsed: URL;
  let host: string;
  try {
    parsed = new URL(url);
    host = decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    // Not a URL node-postgres would read the same way (or a host's percent-encoding broken): said to be
    // elsewhere, which keeps its defaults, and the driver reports what is wrong with it when it connects.
    return false;
  }
  // A socket's folder, given as ?host=/run/postgresql or as the host itself, percent-encoded.
  const socket = parsed.searchParams.get('host');
  if (socket?.startsWith('/')) return true;
  return host === '' || host.startsWith('/') || host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The pool's size when nobody set one: twice the cores and two more for a PostgreSQL on this machine (at most 10), else 10. */
export function defaultPoolSize(url: string, cores: number): number {
  if (!isLocalPostgres(url)) return REMOTE_POOL_SIZE;
  return Math.min(REMOTE_POOL_SIZE, 2 * Math.max(1, Math.floor(cores)) + 2);
}

/** WAGGLE_DATABASE_POOL_SIZE as a size, or undefined when unset; anything but a whole number from 1 to 100 is refused, naming the variable. */
export function poolSizeFromEnv(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const size = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(size >= 1 && size <= MAX_POOL_SIZE)) {
    throw new ValidationError('WAGGLE_DATABASE_POOL_SIZE', `must be a whole number of connections from 1 to ${MAX_POOL_SIZE}, not "${text.slice(0, 40)}"`);
  }
  return size;
}

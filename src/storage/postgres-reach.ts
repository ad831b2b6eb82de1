import { ValidationError } from '../core/errors.js';

/*
 * Why the PostgreSQL that DATABASE_URL names cannot be used, when it cannot: a server that is down,
 * a socket folder that is wrong, a password refused or a database never created. The first statement
 * a store sends (database.ts, schemaIsCurrent) meets it; it was reported as the schema failing to
 * migrate ("Could not bring the database schema up to date: Error: connect ENOENT …"), which sends a
 * user looking at the wrong thing.
 */

/** What node-postgres's connection errors carry: Node's socket error fields, or PostgreSQL's SQLSTATE. */
interface ConnectionFault {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  message?: unknown;
}

/** Why a connection failed, in words a user can act on; null for a fault that is not about reaching the server. */
export function unreachableReason(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const fault = error as ConnectionFault;
  const where = typeof fault.address === 'string' ? `${fault.address}${typeof fault.port === 'number' ? `:${fault.port}` : ''}` : 'the address given';
  const said = typeof fault.message === 'string' ? fault.message : '';
  switch (fault.code) {
    case 'ENOENT':
      return `no PostgreSQL socket at ${where}: is the server running, and is ?host= the folder of its socket?`;
    case 'EACCES':
      return `not allowed to open the socket ${where}`;
    case 'ECONNREFUSED':
      return `nothing answers at ${where}: is PostgreSQL running and listening there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return typeof fault.hostname === 'string' ? `the host ${fault.hostname} is not known` : 'the host is not known';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot reach ${where}`;
    // PostgreSQL's own refusals, by SQLSTATE: a login refused, a database that does not exist.
    case '28P01':
    case '28000':
      return `PostgreSQL refused the login: ${said}`;
    case '3D000':
      return `${said} (create it first, for example with createdb)`;
    default:
      return null;
  }
}

/** A connection that could not be made, as a ValidationError on DATABASE_URL naming `location` and why; null for any other fault. */
export function unreachableError(error: unknown, location: string): ValidationError | null {
  // Told as the database being unavailable (driver-errors.ts), the socket's or server's own error is its cause.
  const reason = unreachableReason(error) ?? unreachableReason((error as { cause?: unknown } | null)?.cause);
  return reason === null ? null : new ValidationError('DATABASE_URL', `cannot use PostgreSQL at ${location}: ${reason}`, { cause: error });
}

/**
 * PostgreSQL's SQLSTATEs for a connection ended or refused by the server: an administrator's or a
 * shutdown's end (57P01, 57P02), a server starting or stopping (57P03), and class 08, connection
 * exceptions.
 */
const CONNECTION_ENDED = /^(57P0[123]|08[0-9A-Z]{3})$/;
/** Node's socket errors for a connection that broke or could not be made. */
const SOCKET_FAULTS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ENOENT', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/** What node-postgres says of a connection that ended under a statement, or of one used after it ended. */
const DRIVER_WORDS = /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable)/;

/**
 * Whether a statement failed because the connection to PostgreSQL was lost or could not be made
 * (the server restarting, an administrator ending it, a network cut), not because of the statement:
 * asked again a moment later, it may well succeed on a new connection.
 */
export function connectionLost(error: unknown): boolean {
  // The driver's and the socket's faults are Errors; anything else is no connection's.
  if (!(error instanceof Error)) return false;
  const { code, message } = error as ConnectionFault;
  if (typeof code === 'string' && (CONNECTION_ENDED.test(code) || SOCKET_FAULTS.has(code))) return true;
  return typeof message === 'string' && DRIVER_WORDS.test(message);
}

import type { Command } from 'commander';
import { ValidationError, WaggleError, type ErrorCode } from '../core/errors.js';
import { globals } from './runtime.js';

/**
 * The command line as a client of a Waggle server in server mode: `--server URL`
 * (or WAGGLE_SERVER) and `--token wgl_…` (or WAGGLE_TOKEN, which stays out of the
 * shell history and the process list). The everyday commands work this way (see
 * data.ts); the others say so rather than quietly opening a local database.
 */
export interface RemoteTarget {
  server: string;
  token: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function remoteTarget(command: Command): RemoteTarget | null {
  const options = globals(command) as { server?: string; token?: string };
  const server = options.server ?? (process.env.WAGGLE_SERVER || undefined);
  if (!server) return null;
  const token = options.token ?? (process.env.WAGGLE_TOKEN || undefined);
  if (!token) throw new ValidationError('--token', 'a server needs an access token: --token wgl_… or WAGGLE_TOKEN (make one with `waggle user token EMAIL` on the server, or in the web app\'s account settings)');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ValidationError('--server', `"${server}" is not a URL (e.g. https://waggle.example.org)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ValidationError('--server', `"${server}" is not an http or https URL`);
  // The token opens the whole map: it crosses a network only encrypted.
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) throw new ValidationError('--server', `${url.origin} is plain http: the token would cross the network unencrypted; use the server's https address`);
  return { server: url.origin, token };
}

/** What the server refused, with its own words and code, so the exit code is the local one (3 not found, 4 conflict or ambiguous, 5 not allowed). */
export class ServerRefusal extends WaggleError {
  override readonly name = 'ServerRefusal';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | boolean | undefined>;

/** Calls the server's API with the token; the server's error becomes the CLI's. */
export class RemoteClient {
  constructor(readonly target: RemoteTarget) {}

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', path, query, undefined, 'json');
  }

  text(path: string, query: Query = {}): Promise<string> {
    return this.request<string>('GET', path, query, undefined, 'text');
  }

  send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.request<T>(method, path, {}, body, 'json');
  }

  private async request<T>(method: string, path: string, query: Query, body: unknown, as: 'json' | 'text'): Promise<T> {
    const url = new URL(path, this.target.server);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { authorization: `Bearer ${this.target.token}`, accept: as === 'json' ? 'application/json' : '*/*' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), redirect: 'error' });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
      throw new ValidationError('--server', `could not reach ${this.target.server} (${cause})`, { cause: error });
    }
    if (!response.ok) throw await refusal(response, this.target.server);
    // Byte for byte: a CSV export's byte-order mark (which Excel needs) is kept, as the local export writes it.
    if (as === 'text') return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) as T;
    try {
      return (await response.json()) as T;
    } catch {
      throw new ValidationError('--server', `${this.target.server} answered ${method} ${url.pathname} with something that is not JSON: is it a Waggle server?`);
    }
  }
}

async function refusal(response: Response, server: string): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
  const message = body?.error?.message ?? `${server} answered ${response.status} ${response.statusText}`;
  if (response.status === 401) return new ValidationError('--token', message);
  // A role refusal (a member doing a lead's action) keeps its own code and exit code.
  if (response.status === 403 && body?.error?.code === 'forbidden') return new ServerRefusal('forbidden', message);
  if (response.status === 400 || response.status === 403 || response.status === 413 || response.status === 415 || response.status === 429) {
    const field = body?.error?.field;
    // The server says "field: reason"; the CLI's error says it the same way.
    if (field && message.startsWith(`${field}: `)) return new ValidationError(field, message.slice(field.length + 2));
    return new ValidationError(field ?? '--server', message);
  }
  if (response.status === 404 && body?.error?.code === 'not_found') return new ServerRefusal('not_found', message);
  if (response.status === 503 && body?.error?.code === 'unavailable') return new ServerRefusal('unavailable', message);
  if (response.status === 409) return new ServerRefusal(body?.error?.code === 'ambiguous' ? 'ambiguous' : 'conflict', message);
  return new Error(`${server}: ${message}`);
}

/** One GET against the server, for commands that only read (the team views). */
export function remoteGet<T>(target: RemoteTarget, path: string, query: Query = {}): Promise<T> {
  return new RemoteClient(target).get<T>(path, query);
}

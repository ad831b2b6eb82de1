import type { Command } from 'commander';
import { ValidationError } from '../core/errors.js';
import { globals } from './runtime.js';

/**
 * The command line as a client of a Waggle server in server mode: `--server URL`
 * (or WAGGLE_SERVER) and `--token wgl_…` (or WAGGLE_TOKEN, which stays out of the
 * shell history and the process list). Only some commands work this way yet; the
 * others say so rather than quietly opening a local database.
 */
export interface RemoteTarget {
  server: string;
  token: string;
}

export function remoteTarget(command: Command): RemoteTarget | null {
  const options = globals(command) as { server?: string; token?: string };
  const server = options.server ?? (process.env.WAGGLE_SERVER || undefined);
  if (!server) return null;
  const token = options.token ?? (process.env.WAGGLE_TOKEN || undefined);
  if (!token) throw new ValidationError('--token', 'a server needs an access token: --token wgl_… or WAGGLE_TOKEN (make one with `waggle user token EMAIL` on the server, or in the web app)');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new ValidationError('--server', `"${server}" is not a URL (e.g. https://waggle.example.org)`);
  }
  return { server: url.origin, token };
}

/** GET an API path on the server with the token; the server's error becomes the CLI's. */
export async function remoteGet<T>(target: RemoteTarget, path: string, query: Record<string, string | number | boolean | undefined>): Promise<T> {
  const url = new URL(path, target.server);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' } });
  } catch (error) {
    throw new ValidationError('--server', `could not reach ${target.server} (${error instanceof Error ? error.message : String(error)})`);
  }
  const body = (await response.json().catch(() => null)) as { error?: { message?: string; field?: string } } | null;
  if (!response.ok) {
    const message = body?.error?.message ?? `the server answered ${response.status}`;
    throw new ValidationError(response.status === 401 ? '--token' : (body?.error?.field ?? '--server'), message);
  }
  return body as T;
}

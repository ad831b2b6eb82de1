import { randomBytes } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import type { Session } from '../services/session.js';
import { countAccounts } from '../services/accounts.js';
import { createApi } from './app.js';
import { scopedContext } from './auth.js';
import { serveWebApp } from './web-app.js';
import { reportMemoryOnSignal } from './memory-report.js';

import { DEFAULT_HOST, DEFAULT_PORT } from './defaults.js';

export { DEFAULT_HOST, DEFAULT_PORT };
export { allocateYoungFirst, capYoungGeneration, growHeapSlowly, youngGenerationCapped } from './heap-growth.js';

export interface RunningServer {
  url: string;
  /** Server mode: where people reach it. */
  publicUrl: string | null;
  /** Server mode with no account yet: create the owner with `waggle user add`, or in a browser at /setup with… */
  needsOwner: boolean;
  /** …this one-time code. */
  setupCode: string | null;
  close(): Promise<void>;
}

/**
 * Serves the API on loopback. Data about other people stays on this machine:
 * binding elsewhere is a decision for the team edition, with accounts.
 */
export interface ServerOptions {
  port?: number;
  host?: string;
  /** Serve the web app's source maps (off unless asked for: --source-maps or WAGGLE_SOURCE_MAPS=1). */
  sourceMaps?: boolean;
  /** Server mode: the address people reach it at (https://waggle.example.org). Accounts are then required. */
  publicUrl?: string;
  /** Behind a reverse proxy: the client's address from X-Forwarded-For, for throttling sign-ins. */
  trustProxy?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Server mode is listening beyond loopback, or being reached at a public URL: accounts then guard everything. */
export function isServerMode(options: ServerOptions): boolean {
  return Boolean(options.publicUrl) || !LOOPBACK.has(options.host ?? DEFAULT_HOST);
}

export class ServerModeError extends Error {}

export async function startServer(session: Session, options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  // The edge accepts this server's own names on the port it listens on, known once it listens (port 0 picks one).
  const serverMode = isServerMode(options);
  if (serverMode && !options.publicUrl) throw new ServerModeError(`Listening on ${host} needs --public-url (or WAGGLE_PUBLIC_URL): the address people reach Waggle at, e.g. https://waggle.example.org`);
  let publicUrl: URL | null = null;
  if (options.publicUrl) {
    try {
      publicUrl = new URL(options.publicUrl);
    } catch {
      throw new ServerModeError(`--public-url: "${options.publicUrl}" is not a URL (e.g. https://waggle.example.org)`);
    }
    if (publicUrl.protocol !== 'https:' && publicUrl.protocol !== 'http:') throw new ServerModeError('--public-url must be an http or https URL');
  }
  const edge: { port: number | null; publicUrl: string | null } = { port: port === 0 ? null : port, publicUrl: publicUrl?.origin ?? null };
  const storage = { kind: session.store.kind, location: session.store.location };
  const needsOwner = serverMode && (await countAccounts(session.ctx.db)) === 0;
  const setupCode = needsOwner ? randomBytes(12).toString('base64url') : null;
  const app = serverMode
    ? // Where the database lives is the server operator's business, not every account's.
      createApi(scopedContext(session.ctx), undefined, {
        edge,
        auth: {
          deps: { db: session.ctx.db, clock: session.ctx.clock, ids: session.ctx.ids, defaultTimeZone: session.ctx.timeZone },
          secure: publicUrl?.protocol === 'https:',
          trustProxy: options.trustProxy ?? false,
          setupCode,
        },
      })
    : createApi(() => session.ctx, storage, { edge });
  serveWebApp(app, { sourceMaps: options.sourceMaps ?? false, mode: serverMode ? 'server' : 'local' });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  // Opt-in, for measuring: WAGGLE_MEMORY_REPORT=FILE, then SIGUSR2 writes where the memory goes.
  const stopReporting = reportMemoryOnSignal();
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  edge.port = actualPort;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    publicUrl: publicUrl?.origin ?? null,
    needsOwner,
    setupCode,
    close: () =>
      new Promise((resolve) => {
        stopReporting();
        server.close(() => resolve());
      }),
  };
}

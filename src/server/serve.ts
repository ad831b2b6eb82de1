import { serve, type ServerType } from '@hono/node-server';
import type { Session } from '../services/session.js';
import { createApi } from './app.js';
import { serveWebApp } from './web-app.js';

import { DEFAULT_HOST, DEFAULT_PORT } from './defaults.js';

export { DEFAULT_HOST, DEFAULT_PORT };

export interface RunningServer {
  url: string;
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
}

export async function startServer(session: Session, options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  // The edge accepts this server's own names on the port it listens on, known once it listens (port 0 picks one).
  const edge: { port: number | null } = { port: port === 0 ? null : port };
  const app = createApi(() => session.ctx, { kind: session.store.kind, location: session.store.location }, { edge });
  serveWebApp(app, { sourceMaps: options.sourceMaps ?? false });
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  edge.port = actualPort;
  return {
    url: `http://${host}:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

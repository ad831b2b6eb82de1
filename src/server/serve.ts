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
export async function startServer(session: Session, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const app = createApi(() => session.ctx, { kind: session.store.kind, location: session.store.location });
  serveWebApp(app);
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

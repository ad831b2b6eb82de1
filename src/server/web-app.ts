import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Api } from './app.js';
import { OPENAPI_PATH } from './app.js';
import { modulePreloadTags } from './module-preloads.js';

/** The map page's data (GET /api/map/compact, no goal chosen): what that page's prefetch asks for. */
export const MAP_DATA_PATH = '/api/map/compact';
/** The map page's lazily loaded script and the decoder of its data, as the build's manifest names their sources. */
export const MAP_SCRIPT_SOURCES = ['src/pages/MapPage.tsx', '../src/core/check/compact-map.ts'];

/** Where the built web app lives: dist/web, beside the compiled or bundled server. */
export function webAppDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const dist = join(dir, 'dist', 'web');
    if (existsSync(join(dist, 'index.html'))) return dist;
    dir = dirname(dir);
  }
  return null;
}

/**
 * Serves the web app's files, and its index page for every other path that is
 * not the API, a share page or a feed, so that links into the app work.
 */
export function serveWebApp(app: Api, options: { sourceMaps?: boolean; root?: string; mode?: 'local' | 'server' } = {}): void {
  const root = options.root ?? webAppDir();
  if (!root) {
    app.get('/', (c) => c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Waggle</title></head><body><h1>Waggle is running</h1><p>The web app has not been built (npm run build). The API is described at <a href="${OPENAPI_PATH}">${OPENAPI_PATH}</a>.</p></body></html>`));
    return;
  }
  // On one's own machine there are no accounts: the page says so, and opens without first asking the API who is signed in.
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const index = options.mode === 'local' ? html.replace('</head>', '<meta name="waggle-mode" content="local" />\n  </head>') : html;
  // The map's page asks the browser for its data as the page arrives, beside the app's script rather
  // than after it has come and run (the app's own request then takes the answer already on its way).
  // Locally only: on a server the request would go before anyone has signed in.
  const mapData = options.mode === 'local' ? `<link rel="preload" href="${MAP_DATA_PATH}" as="fetch" crossorigin="anonymous" />\n  ` : '';
  // Its script too (sigma, graphology: the page loads it lazily), fetched and compiled beside the app's
  // own rather than asked for only once the app has run and rendered (measured: 0.3–0.5 s later under load).
  const mapScripts = modulePreloadTags(root, index, MAP_SCRIPT_SOURCES);
  const mapIndex = index.replace('</head>', `${mapData}${mapScripts ? `${mapScripts}\n  ` : ''}</head>`);
  // Source maps show the app's own source; served only when asked for.
  if (!options.sourceMaps) app.use('/assets/*', async (c, next) => (c.req.path.endsWith('.map') ? c.notFound() : next()));
  // The built files' names carry a hash of their content: a browser may keep them for good and
  // never ask again (each page load otherwise fetched and compiled the app's script anew). Only
  // files found: a name not found falls through to the index page, which must not be kept.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200 && !c.res.headers.get('Content-Type')?.startsWith('text/html')) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root }));
  app.get('*', (c) => {
    const path = c.req.path;
    if (path.startsWith('/api/') || path.startsWith('/share/') || path.startsWith('/feeds/')) return c.notFound();
    c.header('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'self'");
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(path === '/map' ? mapIndex : index);
  });
}

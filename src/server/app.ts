import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { ServiceContext } from '../services/context.js';
import { authenticate, registerAuthRoutes, registerLocalStatusRoute, type AuthOptions } from './auth.js';
import { EdgePolicy, guardEdge, hardenResponses, type EdgeOptions } from './edge.js';
import { errorResponse, validationResponse } from './errors.js';
import { gzipAnswers } from './gzip.js';
import { keepAnswers } from './answer-cache.js';
import { registerCheckRoutes } from './routes/check.js';
import { registerMapRoutes } from './routes/map.js';
import { registerSettingsRoutes } from './routes/settings.js';
import { registerGoalRoutes } from './routes/goals.js';
import { registerJournalRoutes } from './routes/journal.js';
import { registerMetaRoutes } from './routes/meta.js';
import { registerNetworkRoutes } from './routes/networks.js';
import { registerOutreachRoutes } from './routes/outreach.js';
import { registerPeopleRoutes } from './routes/people.js';
import { registerPersonDateRoutes } from './routes/person-dates.js';
import { registerPhotoRoutes } from './routes/photos.js';
import { registerPlanRoutes } from './routes/plan.js';
import { registerPublicRoutes } from './routes/public.js';
import { registerResolveRoutes } from './routes/resolve.js';
import { registerTransferRoutes } from './routes/transfer.js';
import { registerRhythmRoutes } from './routes/rhythm.js';
import { registerTeamRoutes } from './routes/teams.js';
import { checkResponses, responseCheckWanted } from './response-check.js';

export type Api = OpenAPIHono;

export const OPENAPI_PATH = '/api/openapi.json';
const VERSION = '0.1.0';

/**
 * The HTTP JSON API. Stateless: everything lives in the database, so more than
 * one server can run against the same PostgreSQL. `context()` gives the services
 * their database, workspace and clock for each request.
 */
/** Where the data lives, for the settings page; left out when the caller does not say. */
export interface StorageInfo {
  kind: 'sqlite' | 'postgres';
  location: string;
}

/** The largest JSON body the API takes, imports aside (they have their own limit). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** A size as people say it: 5 MB, 512 KB, 900 bytes. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  const kb = bytes / 1024;
  return kb >= 1 ? `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB` : `${bytes} bytes`;
}

/** Refuses a body over `max` with a 413 that says how large is allowed. */
function limitBody(max: number, message: (size: string) => string) {
  return bodyLimit({ maxSize: max, onError: (c) => c.json({ error: { code: 'too_large', message: message(formatBytes(max)) } }, 413) });
}

/** Routes whose answers may hold a token (sign-in, access tokens, invitations, share links): never compressed. */
function carriesSecret(path: string): boolean {
  return path.startsWith('/api/auth/') || path.startsWith('/api/shares');
}

export interface ApiOptions {
  /** Which hosts and origins the edge accepts (see edge.ts); loopback on any port when left out. */
  edge?: EdgeOptions;
  /** Server mode: accounts, sessions and tokens; every route acts in the account's own workspace. */
  auth?: AuthOptions;
  /** Hold every answer against its route's schema (response-check.ts): on in tests, by WAGGLE_CHECK_RESPONSES=1 when left out. */
  checkResponses?: boolean;
}

export function createApi(context: () => ServiceContext, storage?: StorageInfo, options: ApiOptions = {}): Api {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return validationResponse(result.error, c, result.target, 'data' in result ? result.data : undefined);
      return undefined;
    },
  });
  // Outermost, so that it sees each answer as the client gets it, the edge's refusals included.
  if (options.checkResponses ?? responseCheckWanted()) app.use('*', checkResponses(app, [OPENAPI_PATH]));
  // First of all: the hardening headers on every answer, then the Host, Origin and content-type checks.
  app.use('*', hardenResponses());
  app.use('*', guardEdge(new EdgePolicy(options.edge)));
  if (options.auth) app.use('*', authenticate(options.auth));
  const smallBodies = limitBody(MAX_BODY_BYTES, (size) => `The request body is larger than ${size}, the most the API takes in one request`);
  // Everything but an import is small JSON. An import carries a whole address book: its route
  // counts the bytes as they arrive (readLimited, as the CLI reads a file) and refuses past MAX_IMPORT_BYTES with a 413.
  // A GET or HEAD carries no body (the adapter gives the route none): skipped, since asking the request
  // for its body makes the Node adapter build a whole web Request, a tenth of a small GET's cost.
  app.use('/api/*', (c, next) => (c.req.path === '/api/imports' || c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : smallBodies(c, next)));
  // JSON answers of 1 KB or more are gzipped for clients that ask (every browser): a page of people
  // or the map is mostly repeated keys. Not the answers that carry a secret (sign-in, tokens, share
  // links), which then cannot be guessed a byte at a time from their compressed length (BREACH).
  // Kept answers sit before gzip, so an answer kept is kept as it was sent (zipped once).
  app.use('/api/*', keepAnswers(context));
  const gzip = gzipAnswers();
  app.use('/api/*', (c, next) => (carriesSecret(c.req.path) ? next() : gzip(c, next)));
  app.onError((error, c) => errorResponse(error, c));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}; the API is described at ${OPENAPI_PATH}` } }, 404));

  registerMetaRoutes(app, VERSION);
  registerPeopleRoutes(app, context);
  registerPersonDateRoutes(app, context);
  registerPhotoRoutes(app, context);
  registerNetworkRoutes(app, context);
  registerGoalRoutes(app, context);
  registerJournalRoutes(app, context);
  registerRhythmRoutes(app, context);
  registerCheckRoutes(app, context);
  registerMapRoutes(app, context);
  registerSettingsRoutes(app, context, storage);
  registerPlanRoutes(app, context, options.edge?.publicUrl ? new URL(options.edge.publicUrl).origin : null);
  registerOutreachRoutes(app, context);
  registerTransferRoutes(app, context);
  registerPublicRoutes(app, context);
  registerResolveRoutes(app, context);
  if (options.auth) {
    registerAuthRoutes(app, options.auth);
    // Teams need accounts: server mode only.
    registerTeamRoutes(app, options.auth.deps);
  } else registerLocalStatusRoute(app);

  app.doc31(OPENAPI_PATH, {
    openapi: '3.1.0',
    info: {
      title: 'Waggle API',
      version: VERSION,
      description: 'Strategic networking planner: people, networks, goals, the journal of exchanges, and what is due. Errors are `{ "error": { "code", "message", "field"? } }`.',
    },
    servers: [{ url: '/' }],
  });
  return app;
}

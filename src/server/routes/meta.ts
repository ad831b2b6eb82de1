import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { healthOutput, vocabularyOutput } from '../../contract/meta-output.js';
import { CADENCE_WORDS } from '../../core/cadence.js';
import { VOCABULARY } from '../../core/vocabulary.js';
import { ok } from './shared.js';

/** What the API says of itself, open to everyone (see auth.ts): that it is up, and its closed sets. */
export function registerMetaRoutes(app: OpenAPIHono, version: string): void {
  const tags = ['About'];
  app.openapi(createRoute({ method: 'get', path: '/api/health', tags, summary: 'Whether the server is up, and its version', responses: ok(healthOutput, 'Up') }), (c) =>
    c.json({ ok: true as const, version }, 200),
  );
  app.openapi(createRoute({ method: 'get', path: '/api/vocabulary', tags, summary: 'Every closed set: categories, stages, channels, network kinds and roles, and the rest', responses: ok(vocabularyOutput, 'The vocabulary') }), (c) =>
    c.json({ ...VOCABULARY, cadenceWords: CADENCE_WORDS } as never, 200),
  );
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { eraseWorkspace } from '../../services/demo.js';
import type { StorageInfo } from '../app.js';
import { jsonBody, ok } from './shared.js';

/** The phrase a person types to erase everything: a click alone must never do it. */
export const ERASE_CONFIRMATION = 'erase everything';

export function registerSettingsRoutes(app: OpenAPIHono, context: () => ServiceContext, storage?: StorageInfo): void {
  const tags = ['Settings'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/storage',
      tags,
      summary: 'Where the data lives',
      responses: ok(z.object({ kind: z.enum(['sqlite', 'postgres', 'unknown']), location: z.string() }), 'The database and its location (passwords hidden)'),
    }),
    (c) => c.json(storage ?? { kind: 'unknown' as const, location: 'not reported' }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/erase',
      tags,
      summary: `Erase every person, network, goal, exchange and plan in this workspace, in one transaction. The body must confirm with "${ERASE_CONFIRMATION}".`,
      request: jsonBody(z.object({ confirm: z.string() }).strict()),
      responses: ok(z.object({ erased: z.boolean() }), 'Erased'),
    }),
    async (c) => {
      if (c.req.valid('json').confirm.trim().toLowerCase() !== ERASE_CONFIRMATION) throw new ValidationError('confirm', `type "${ERASE_CONFIRMATION}" to confirm`);
      await eraseWorkspace(context());
      return c.json({ erased: true }, 200);
    },
  );
}

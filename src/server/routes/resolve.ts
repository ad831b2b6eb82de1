import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import { resolveGoal } from '../../services/goals.js';
import { resolveNetwork } from '../../services/networks.js';
import { resolvePerson } from '../../services/people.js';
import { ok } from './shared.js';

const RESOLVERS = { person: resolvePerson, network: resolveNetwork, goal: resolveGoal } as const;

/**
 * A person, network or goal named the way the command line names them (an id, or the
 * exact name or statement, case and accents aside), as an id: so that `waggle --server`
 * finds the same record, and refuses an ambiguous name with the same words, as the
 * local CLI.
 */
export function registerResolveRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/resolve',
      tags: ['People', 'Networks', 'Goals'],
      summary: 'The id of a person, network or goal named by id or exact name (case and accents aside); 404 when none matches, 409 when several do',
      request: { query: z.object({ kind: z.enum(['person', 'network', 'goal']), ref: z.string().min(1).max(1000) }) },
      responses: ok(z.object({ id: z.string() }), 'The id'),
    }),
    async (c) => {
      const { kind, ref } = c.req.valid('query');
      return c.json({ id: await RESOLVERS[kind](context(), ref) }, 200);
    },
  );
}

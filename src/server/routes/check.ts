import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { checkReportOutput, mapViewOutput } from '../../contract/check-output.js';
import type { ServiceContext } from '../../services/context.js';
import { checkNetwork, mapView } from '../../services/check.js';
import { ok } from './shared.js';

export function registerCheckRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/check',
      tags: ['Network check'],
      summary: 'The network check: map, strength × importance quadrants, goal coverage, diversity, start here, reciprocity, neglect, weak ties and transition; every finding with why and next',
      request: { query: z.object({ goalId: z.string().optional().meta({ description: 'focus the goal-related parts on one goal' }) }) },
      responses: ok(checkReportOutput, 'The report'),
    }),
    async (c) => {
      const { goalId } = c.req.valid('query');
      return c.json(await checkNetwork(context(), goalId ? { goalId } : {}), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/map',
      tags: ['Network check'],
      summary: "The check's map alone (the same nodes and edges as GET /api/check's map, faster to fetch), with the goals it refers to",
      request: { query: z.object({ goalId: z.string().optional().meta({ description: 'colour and size by one goal' }) }) },
      responses: ok(mapViewOutput, 'The map'),
    }),
    async (c) => {
      const { goalId } = c.req.valid('query');
      return c.json(await mapView(context(), goalId ? { goalId } : {}), 200);
    },
  );
}

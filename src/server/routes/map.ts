import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { compactMapViewOutput } from '../../contract/compact-map.js';
import { MAP_UPDATING_HEADER, mapAnswerHeaders } from '../../contract/check-output.js';
import type { ServiceContext } from '../../services/context.js';
import { servedMap } from '../../services/check.js';
import { gzippedJsonAnswer } from '../gzip.js';
import { okWithHeaders } from './shared.js';

/**
 * The map for the web's map page, compact: the same map as GET /api/map (which the bench's
 * sigma baseline and other readers keep using), every node once and every repeated word once,
 * about a third of the bytes to fetch and parse.
 */
export function registerMapRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/map/compact',
      tags: ['Network check'],
      summary: "The check's map as GET /api/map gives it, in parallel arrays: nodes by place, edges as six numbers each, repeated words once (the CompactMap schema says how to read it)",
      request: { query: z.object({ goalId: z.string().optional().meta({ description: 'colour and size by one goal' }) }) },
      responses: okWithHeaders(compactMapViewOutput, mapAnswerHeaders, 'The map, compact; Waggle-Updating says whether a newer one is on its way'),
    }),
    async (c) => {
      const { goalId } = c.req.valid('query');
      // Kept per version of the data and worked out in the check's worker, as its JSON gzipped: sent as it is.
      const { check: map, freshness } = await servedMap(context(), goalId ? { goalId } : {});
      return (await gzippedJsonAnswer(c, map.compactGzip, { [MAP_UPDATING_HEADER]: String(freshness.updating) })) as never;
    },
  );
}

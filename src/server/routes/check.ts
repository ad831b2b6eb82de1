import { Readable } from 'node:stream';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { checkPartOutput, checkReportOutput, checkSummaryOutput, MAP_UPDATING_HEADER, mapAnswerHeaders, mapViewOutput } from '../../contract/check-output.js';
import { CHECK_PARTS } from '../../core/check/parts.js';
import { SUMMARY_MAX_TOP, SUMMARY_TOP } from '../../services/check-packed.js';
import type { ServiceContext } from '../../services/context.js';
import { servedCheck, servedMap, wholeCheckJson, type mapViewHere } from '../../services/check.js';
import { sendCheckAnswer } from '../check-answers.js';
import { gzippedJsonAnswer, streamedJsonAnswer } from '../gzip.js';
import { ok, okWithHeaders } from './shared.js';
import type { Holds, Same } from '../../contract/same-type.js';

// The map view is the service's own shape; the contract documents it, and this keeps the two the same.
export type MapViewTied = Holds<Same<z.output<typeof mapViewOutput>, Awaited<ReturnType<typeof mapViewHere>>>>;

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
      // Worked out on demand in the check's worker and streamed as it writes it: the whole report is tens of megabytes at 30,000 people, and is neither kept nor held whole.
      const json = await wholeCheckJson(context(), goalId ? { goalId } : {});
      return streamedJsonAnswer(c.body(Readable.toWeb(json) as ReadableStream<Uint8Array>, 200, { 'content-type': 'application/json' })) as never;
    },
  );
  const goalQuery = { goalId: z.string().optional().meta({ description: 'focus the goal-related parts on one goal' }) };
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/check/summary',
      tags: ['Network check'],
      summary:
        "What a page shows first: the check's counts, verdicts and headlines, and the first items of every list with each list's length (small, whatever the map's size). Worked out off the main thread once per change of the map; until the newer one is ready the last one answers, its `freshness` saying so (the first ever is waited for).",
      request: { query: z.object({ ...goalQuery, top: z.coerce.number().int().min(0).max(SUMMARY_MAX_TOP).optional().meta({ description: 'how many items of each list (default 5)' }) }) },
      responses: ok(checkSummaryOutput, 'The summary'),
    }),
    async (c) => {
      const { goalId, top } = c.req.valid('query');
      const { check, freshness } = await servedCheck(context(), goalId ? { goalId } : {});
      const items = top ?? SUMMARY_TOP;
      return (await sendCheckAnswer(c, check, `summary\u0000${items}`, freshness, () => check.summary(items))) as never;
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/check/parts/{part}',
      tags: ['Network check'],
      summary:
        "One page of one list of the check, in the report's order: a quadrant, start here, one-way ties, every person's give and take (balances), overdue, fading, the lost-my-job list, weak ties; from the same kept check as the summary (see its `freshness`)",
      request: { params: z.object({ part: z.enum(CHECK_PARTS) }), query: z.object({ ...goalQuery, offset: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }) },
      responses: ok(checkPartOutput, 'The page, and how many in all'),
    }),
    async (c) => {
      const { goalId, offset, limit } = c.req.valid('query');
      const { check, freshness } = await servedCheck(context(), goalId ? { goalId } : {});
      const { part } = c.req.valid('param');
      const [from, count] = [offset ?? 0, limit ?? 50];
      return (await sendCheckAnswer(c, check, `part\u0000${part}\u0000${from}\u0000${count}`, freshness, () => check.page(part, from, count))) as never;
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/map',
      tags: ['Network check'],
      summary: "The check's map alone (the same nodes and edges as GET /api/check's map, faster to fetch), with the goals it refers to",
      request: { query: z.object({ goalId: z.string().optional().meta({ description: 'colour and size by one goal' }) }) },
      responses: okWithHeaders(mapViewOutput, mapAnswerHeaders, 'The map; Waggle-Updating says whether a newer one is on its way'),
    }),
    async (c) => {
      const { goalId } = c.req.valid('query');
      // Kept per version of the data and worked out in the check's worker, as its JSON gzipped: sent as it is.
      const { check: map, freshness } = await servedMap(context(), goalId ? { goalId } : {});
      return (await gzippedJsonAnswer(c, map.viewGzip, { [MAP_UPDATING_HEADER]: String(freshness.updating) })) as never;
    },
  );
}

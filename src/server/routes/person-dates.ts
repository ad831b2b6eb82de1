import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { personDatesInput, personDatesOutput, upcomingDatesOutput } from '../../contract/person-dates.js';
import type { ServiceContext } from '../../services/context.js';
import { listPersonDates, setPersonDates, upcomingDates } from '../../services/person-dates.js';
import { idParam, jsonBody, ok } from './shared.js';

const tags = ['People'];

export function registerPersonDateRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/people/{id}/dates', tags, summary: "A person's birthday, anniversary and dates of your own naming", request: { params: idParam() }, responses: ok(personDatesOutput, 'The dates') }),
    async (c) => c.json({ dates: await listPersonDates(context(), c.req.valid('param').id) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/people/{id}/dates',
      tags,
      summary: "Replace a person's dates (an empty list clears them)",
      request: { params: idParam(), ...jsonBody(personDatesInput) },
      responses: ok(personDatesOutput, 'The dates as now stored'),
    }),
    async (c) => c.json({ dates: await setPersonDates(context(), c.req.valid('param').id, c.req.valid('json').dates) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/dates',
      tags: ['Rhythm'],
      summary: 'Birthdays, anniversaries and named dates coming round: within `within` days, or to the end of this month',
      request: {
        query: z.object({
          within: z
            .union([z.literal('month'), z.coerce.number().int().min(0).max(366)])
            .optional()
            .meta({ description: 'days ahead (0–366), or `month` for the rest of this month; default 7' }),
        }),
      },
      responses: ok(upcomingDatesOutput, 'The dates coming round, soonest first'),
    }),
    async (c) => c.json(await upcomingDates(context(), c.req.valid('query').within ?? 7), 200),
  );
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { updateProfileInput } from '../../contract/inputs.js';
import { dueReportOutput, profileOutput } from '../../contract/outputs.js';
import { DEFAULT_DUE_WINDOW_DAYS } from '../../core/due.js';
import type { ServiceContext } from '../../services/context.js';
import { dueReportReads } from '../../services/answer-reads.js';
import { whatIsDue } from '../../services/due.js';
import { answerDependsOn } from '../answer-dependencies.js';
import { getProfile, updateProfile } from '../../services/workspace.js';
import { loadDemo } from '../../services/demo.js';
import { jsonBody, ok } from './shared.js';

export function registerRhythmRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/due',
      tags: ['Rhythm'],
      summary: 'Who is due or overdue for contact, and which follow-ups: overdue first, then due within `within` days',
      request: {
        query: z.object({
          within: z.coerce.number().int().min(0).max(3660).optional().meta({ description: `days ahead, default ${DEFAULT_DUE_WINDOW_DAYS}` }),
          limit: z.coerce.number().int().min(1).max(100000).optional().meta({ description: 'list at most this many contacts and follow-ups (the first, in the same order); the totals say how many in all' }),
        }),
      },
      responses: ok(dueReportOutput, 'What is due'),
    }),
    async (c) => {
      const { within, limit } = c.req.valid('query');
      const report = await whatIsDue(context(), within ?? DEFAULT_DUE_WINDOW_DAYS, limit);
      answerDependsOn(c, dueReportReads(report));
      return c.json(report, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/demo',
      tags: ['Profile'],
      summary: 'Load the sample map (refused when the map has data, unless replace is true)',
      request: jsonBody(z.object({ replace: z.boolean().optional() }).strict()),
      responses: ok(z.object({ people: z.number(), networks: z.number(), goals: z.number(), exchanges: z.number(), introductions: z.number() }), 'What was loaded'),
    }),
    async (c) => c.json(await loadDemo(context(), { replace: c.req.valid('json').replace === true }), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/profile', tags: ['Profile'], summary: 'Your profile: name, working on now, time zone', responses: ok(profileOutput, 'The profile') }),
    async (c) => c.json(await getProfile(context()), 200),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/api/profile', tags: ['Profile'], summary: 'Change your profile', request: jsonBody(updateProfileInput), responses: ok(profileOutput, 'The profile') }),
    async (c) => c.json(await updateProfile(context(), c.req.valid('json')), 200),
  );
}

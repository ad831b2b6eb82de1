import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { exchangeFilterQuery, followUpFilterQuery } from '../../contract/filters.js';
import { followUpInput, introductionInput, logExchangeInput } from '../../contract/inputs.js';
import { exchangeOutput, followUpOutput, introductionOutput, page } from '../../contract/outputs.js';
import type { ServiceContext } from '../../services/context.js';
import { addFollowUp, closeFollowUp, getExchange, listExchanges, listFollowUps, logExchange, removeExchange } from '../../services/exchanges.js';
import { addIntroduction, listIntroductions, removeIntroduction } from '../../services/introductions.js';
import { created, defined, idParam, jsonBody, noContent, ok } from './shared.js';

export function registerJournalRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  const tags = ['Journal'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/exchanges',
      tags,
      summary: 'Exchanges, newest first',
      request: { query: exchangeFilterQuery },
      responses: ok(page(exchangeOutput), 'Exchanges'),
    }),
    async (c) => c.json(await listExchanges(context(), defined(c.req.valid('query'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/exchanges',
      tags,
      summary: 'Log an exchange: what was given, received and learned, and the follow-ups (a thank-you is due in two days, others in a week, unless dueOn is given)',
      request: jsonBody(logExchangeInput),
      responses: created(z.object({ exchange: exchangeOutput, followUps: z.array(followUpOutput) }), 'The exchange and its follow-ups'),
    }),
    async (c) => c.json(await logExchange(context(), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/exchanges/{id}', tags, summary: 'One exchange', request: { params: idParam() }, responses: ok(exchangeOutput, 'The exchange') }),
    async (c) => c.json(await getExchange(context(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/exchanges/{id}', tags, summary: 'Remove an exchange and its follow-ups', request: { params: idParam() }, responses: ok(exchangeOutput, 'The removed exchange') }),
    async (c) => c.json(await removeExchange(context(), c.req.valid('param').id), 200),
  );

  const followUpTags = ['Follow-ups'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/follow-ups',
      tags: followUpTags,
      summary: 'Follow-ups, soonest first',
      request: { query: followUpFilterQuery },
      responses: ok(z.array(followUpOutput), 'Follow-ups'),
    }),
    async (c) => c.json(await listFollowUps(context(), defined(c.req.valid('query'))), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/follow-ups', tags: followUpTags, summary: 'Add a follow-up on its own', request: jsonBody(followUpInput), responses: created(followUpOutput, 'The follow-up') }),
    async (c) => c.json(await addFollowUp(context(), c.req.valid('json')), 201),
  );
  for (const [action, status] of [
    ['done', 'done'],
    ['drop', 'dropped'],
  ] as const) {
    app.openapi(
      createRoute({ method: 'post', path: `/api/follow-ups/{id}/${action}`, tags: followUpTags, summary: `Mark a follow-up ${status}`, request: { params: idParam() }, responses: ok(followUpOutput, 'The follow-up') }),
      async (c) => c.json(await closeFollowUp(context(), c.req.valid('param').id, status), 200),
    );
  }

  const introTags = ['Introductions'];
  app.openapi(
    createRoute({ method: 'get', path: '/api/introductions', tags: introTags, summary: 'Introductions, newest first', request: { query: z.object({ personId: z.string().optional() }) }, responses: ok(z.array(introductionOutput), 'Introductions') }),
    async (c) => c.json(await listIntroductions(context(), defined(c.req.valid('query'))), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/introductions', tags: introTags, summary: 'Record that byId introduced personId to toId (null: you)', request: jsonBody(introductionInput), responses: created(introductionOutput, 'The introduction') }),
    async (c) => c.json(await addIntroduction(context(), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/introductions/{id}', tags: introTags, summary: 'Remove an introduction', request: { params: idParam() }, responses: noContent('Removed') }),
    async (c) => {
      await removeIntroduction(context(), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
}

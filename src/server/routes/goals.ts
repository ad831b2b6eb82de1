import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { goalFilterQuery } from '../../contract/filters.js';
import { createGoalInput, updateGoalInput } from '../../contract/inputs.js';
import { goalDetailOutput, goalOutput, page } from '../../contract/outputs.js';
import type { ServiceContext } from '../../services/context.js';
import { goalDetail } from '../../services/details.js';
import { createGoal, listGoals, removeGoal, updateGoal } from '../../services/goals.js';
import { created, defined, idParam, jsonBody, ok } from './shared.js';

const tags = ['Goals'];

export function registerGoalRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/goals', tags, summary: 'List goals', request: { query: goalFilterQuery }, responses: ok(page(goalOutput), 'Goals, oldest first') }),
    async (c) => c.json(await listGoals(context(), defined(c.req.valid('query'))), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/goals', tags, summary: 'Add a goal', request: jsonBody(createGoalInput), responses: created(goalOutput, 'The new goal') }),
    async (c) => c.json(await createGoal(context(), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/goals/{id}', tags, summary: 'A goal with the people and networks that serve it', request: { params: idParam() }, responses: ok(goalDetailOutput, 'The goal') }),
    async (c) => c.json(await goalDetail(context(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/api/goals/{id}', tags, summary: 'Change a goal', request: { params: idParam(), ...jsonBody(updateGoalInput) }, responses: ok(goalOutput, 'The goal as now stored') }),
    async (c) => c.json(await updateGoal(context(), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/goals/{id}', tags, summary: 'Remove a goal and its links', request: { params: idParam() }, responses: ok(goalOutput, 'The removed goal') }),
    async (c) => c.json(await removeGoal(context(), c.req.valid('param').id), 200),
  );
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { createTemplateInput, draftInput, updateTemplateInput } from '../../contract/outreach-inputs.js';
import { OUTREACH_PURPOSES } from '../../core/vocabulary.js';
import type { ServiceContext } from '../../services/context.js';
import { createTemplate, draftFor, getTemplate, listTemplates, removeTemplate, updateTemplate } from '../../services/outreach.js';
import { created, idParam, jsonBody, noContent, ok } from './shared.js';

const templateOutput = z
  .object({ id: z.string(), purpose: z.enum(OUTREACH_PURPOSES), name: z.string(), subject: z.string(), body: z.string(), builtIn: z.boolean(), createdAt: z.string().nullable(), updatedAt: z.string().nullable() })
  .meta({ id: 'OutreachTemplate' });
const draftOutput = z
  .looseObject({ personId: z.string(), purpose: z.enum(OUTREACH_PURPOSES), templateId: z.string(), subject: z.string(), body: z.string(), context: z.record(z.string(), z.unknown()), reminders: z.array(z.string()) })
  .meta({ id: 'Draft' });

export function registerOutreachRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  const tags = ['Outreach'];
  app.openapi(
    createRoute({ method: 'post', path: '/api/drafts', tags, summary: 'An outreach draft for a person and a purpose, stating the interest and the time asked for', request: jsonBody(draftInput), responses: ok(draftOutput, 'The draft') }),
    async (c) => c.json(await draftFor(context(), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/templates', tags, summary: 'Built-in and your own outreach templates', request: { query: z.object({ purpose: z.enum(OUTREACH_PURPOSES).optional() }) }, responses: ok(z.array(templateOutput), 'Templates') }),
    async (c) => c.json(await listTemplates(context(), c.req.valid('query').purpose), 200),
  );
  app.openapi(createRoute({ method: 'post', path: '/api/templates', tags, summary: 'Add your own template (Mustache)', request: jsonBody(createTemplateInput), responses: created(templateOutput, 'The template') }), async (c) =>
    c.json(await createTemplate(context(), c.req.valid('json')), 201),
  );
  app.openapi(createRoute({ method: 'get', path: '/api/templates/{id}', tags, summary: 'One template', request: { params: idParam() }, responses: ok(templateOutput, 'The template') }), async (c) =>
    c.json(await getTemplate(context(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/api/templates/{id}', tags, summary: 'Change your template (built-in ones are copied, not changed)', request: { params: idParam(), ...jsonBody(updateTemplateInput) }, responses: ok(templateOutput, 'The template') }),
    async (c) => c.json(await updateTemplate(context(), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(createRoute({ method: 'delete', path: '/api/templates/{id}', tags, summary: 'Remove your template', request: { params: idParam() }, responses: noContent('Removed') }), async (c) => {
    await removeTemplate(context(), c.req.valid('param').id);
    return c.body(null, 204);
  });
}

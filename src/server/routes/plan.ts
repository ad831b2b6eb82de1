import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { addTargetInput, month, planSettingsInput, rollOverInput, swapTargetInput, createShareInput } from '../../contract/rhythm-inputs.js';
import { CHANNELS, SHARE_KINDS, STAGES, TARGET_SOURCES, TARGET_STATUSES } from '../../core/vocabulary.js';
import type { Holds, Same } from '../../contract/same-type.js';
import type { PlanSettings, PlanTarget } from '../../core/model.js';
import type { Suggestions } from '../../core/plan.js';
import type { ServiceContext } from '../../services/context.js';
import { planReads } from '../../services/answer-reads.js';
import { answerDependsOn } from '../answer-dependencies.js';
import { addTarget, closeTarget, currentMonth, planView, rollOver, suggestPlan, swapTarget, updatePlanSettings, getPlanSettings, type AddedTarget, type PlanView } from '../../services/plan.js';
import { createShare, listShares, revokeShare, rotateShare } from '../../services/shares.js';
import { created, idParam, jsonBody, ok } from './shared.js';

const settingsOutput = z.object({ monthlyTargets: z.number().int(), newRelationshipCap: z.number().int(), accountabilityPartner: z.string().nullable() }).meta({ id: 'PlanSettings' });
const targetOutput = z
  .object({
    id: z.string(),
    month: z.string(),
    personId: z.string(),
    source: z.enum(TARGET_SOURCES),
    reason: z.string(),
    status: z.enum(TARGET_STATUSES),
    rolledOverFrom: z.string().nullable(),
    exchangeId: z.string().nullable(),
    closedOn: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PlanTarget' });
const capOutput = z.object({
  inProgress: z.number().int(),
  starting: z.number().int(),
  count: z.number().int().meta({ description: 'new relationships in progress: under way plus planned and not met yet; the number held against the cap' }),
  cap: z.number().int(),
  over: z.boolean(),
  text: z.string().meta({ description: 'the count against the cap, in words' }),
  warning: z.string().nullable(),
});
const planOutput = z
  .object({
    month: z.string(),
    today: z.string(),
    settings: settingsOutput,
    targets: z.array(
      targetOutput.extend({
        person: z.object({ id: z.string(), name: z.string(), stage: z.enum(STAGES), preferredChannel: z.enum(CHANNELS).nullable(), lastExchangeOn: z.string().nullable(), notes: z.string().nullable(), organisation: z.string().nullable() }),
      }),
    ),
    progress: z.object({ planned: z.number(), done: z.number(), open: z.number(), dropped: z.number(), rolledOver: z.number(), monthlyTargets: z.number(), placesLeft: z.number(), share: z.number(), text: z.string() }),
    cap: capOutput,
    workingOn: z.string().nullable(),
  })
  .meta({ id: 'Plan' });
const suggestion = z.object({ personId: z.string(), name: z.string(), source: z.enum(TARGET_SOURCES).exclude(['own']), reason: z.string(), next: z.string(), stage: z.enum(STAGES), startsNewRelationship: z.boolean() });
const suggestionsOutput = z.object({ month: z.string(), placesLeft: z.number().int(), suggestions: z.array(suggestion), alternatives: z.array(suggestion), cap: capOutput }).meta({ id: 'PlanSuggestions' });
const addedOutput = z.object({
  target: targetOutput,
  alreadyPlanned: z.boolean().meta({ description: 'the person was in the month’s plan already: nothing was added, `target` is the one there' }),
  message: z.string().meta({ description: 'what happened, in words' }),
  warnings: z.array(z.string()),
});
const shareOutput = z.object({ id: z.string(), kind: z.enum(SHARE_KINDS), label: z.string().nullable(), includeNotes: z.boolean(), createdAt: z.string(), revokedAt: z.string().nullable() }).meta({ id: 'Share' });
const createdShareOutput = z.object({
  share: shareOutput,
  token: z.string(),
  path: z.string().meta({ description: 'where the token opens the page or feed on this server' }),
  url: z.string().optional().meta({ description: 'the whole link at the public URL (server mode)' }),
});

// The plan's answers are the services' own shapes; the contract documents them, and these keep the two the same.
export type PlanViewTied = Holds<Same<z.output<typeof planOutput>, PlanView>>;
export type PlanSuggestionsTied = Holds<Same<z.output<typeof suggestionsOutput>, Suggestions>>;
export type AddedTargetTied = Holds<Same<z.output<typeof addedOutput>, AddedTarget>>;
export type PlanTargetTied = Holds<Same<z.output<typeof targetOutput>, PlanTarget>>;
export type PlanSettingsTied = Holds<Same<z.output<typeof settingsOutput>, PlanSettings>>;

const monthQuery = z.object({ month: month.optional() });

export function registerPlanRoutes(app: OpenAPIHono, context: () => ServiceContext, publicUrl: string | null = null): void {
  const link = (made: { share: { kind: string }; token: string }) => {
    const path = made.share.kind === 'plan' ? `/share/${made.token}` : `/feeds/${made.token}.ics`;
    return { path, ...(publicUrl ? { url: `${publicUrl}${path}` } : {}) };
  };
  const tags = ['Plan'];
  app.openapi(createRoute({ method: 'get', path: '/api/plan', tags, summary: "The month's targets, progress and new-relationship cap", request: { query: monthQuery }, responses: ok(planOutput, 'The plan') }), async (c) => {
    const ctx = context();
    const view = await planView(ctx, c.req.valid('query').month ?? currentMonth(ctx));
    answerDependsOn(c, planReads(view));
    return c.json(view, 200);
  });
  app.openapi(
    createRoute({ method: 'get', path: '/api/plan/suggestions', tags, summary: 'Whom to reach, from the network check, within the monthly number and the cap', request: { query: monthQuery }, responses: ok(suggestionsOutput, 'Suggestions') }),
    async (c) => {
      const ctx = context();
      return c.json(await suggestPlan(ctx, c.req.valid('query').month ?? currentMonth(ctx)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/plan/targets',
      tags,
      summary: 'Plan a person (a suggestion keeps its reason); past the number or cap gives warnings, not a refusal. Idempotent: someone already planned this month answers 200 with `alreadyPlanned`',
      request: jsonBody(addTargetInput),
      responses: { ...created(addedOutput, 'The new target and any warnings'), ...ok(addedOutput, 'Already planned: the existing target, nothing added') },
    }),
    async (c) => {
      const added = await addTarget(context(), c.req.valid('json'));
      return added.alreadyPlanned ? c.json(added, 200) : c.json(added, 201);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/plan/targets/{id}/swap', tags, summary: 'Drop a target and plan another person instead', request: { params: idParam(), ...jsonBody(swapTargetInput) }, responses: created(addedOutput, 'The new target') }),
    async (c) => c.json(await swapTarget(context(), c.req.valid('param').id, c.req.valid('json').personId), 201),
  );
  for (const [action, status] of [
    ['done', 'done'],
    ['drop', 'dropped'],
  ] as const) {
    app.openapi(
      createRoute({ method: 'post', path: `/api/plan/targets/{id}/${action}`, tags, summary: `Mark a target ${status}`, request: { params: idParam() }, responses: ok(targetOutput, 'The target') }),
      async (c) => c.json(await closeTarget(context(), c.req.valid('param').id, status), 200),
    );
  }
  app.openapi(
    createRoute({ method: 'post', path: '/api/plan/roll-over', tags, summary: "Carry a month's open targets into the next", request: jsonBody(rollOverInput), responses: ok(z.array(targetOutput), 'The new targets') }),
    async (c) => c.json(await rollOver(context(), c.req.valid('json')), 200),
  );
  app.openapi(createRoute({ method: 'get', path: '/api/plan/settings', tags, summary: 'Plan settings', responses: ok(settingsOutput, 'Settings') }), async (c) => c.json(await getPlanSettings(context()), 200));
  app.openapi(
    createRoute({ method: 'patch', path: '/api/plan/settings', tags, summary: 'Change the monthly number, the cap or the accountability partner', request: jsonBody(planSettingsInput), responses: ok(settingsOutput, 'Settings') }),
    async (c) => c.json(await updatePlanSettings(context(), c.req.valid('json')), 200),
  );

  const shareTags = ['Sharing'];
  app.openapi(createRoute({ method: 'get', path: '/api/shares', tags: shareTags, summary: 'Share links and calendar feeds', responses: ok(z.array(shareOutput), 'Links') }), async (c) => c.json(await listShares(context()), 200));
  app.openapi(
    createRoute({ method: 'post', path: '/api/shares', tags: shareTags, summary: 'Make a link: kind "plan" opens /share/{token}, kind "calendar" opens /feeds/{token}.ics. The token is shown only now.', request: jsonBody(createShareInput), responses: created(createdShareOutput, 'The link') }),
    async (c) => {
      const made = await createShare(context(), c.req.valid('json'));
      return c.json({ ...made, ...link(made) }, 201);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/shares/{id}/rotate', tags: shareTags, summary: 'Replace a link with a new token (the old one stops working)', request: { params: idParam() }, responses: created(createdShareOutput, 'The new link') }),
    async (c) => {
      const made = await rotateShare(context(), c.req.valid('param').id);
      return c.json({ ...made, ...link(made) }, 201);
    },
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/shares/{id}', tags: shareTags, summary: 'Revoke a link, at once', request: { params: idParam() }, responses: ok(shareOutput, 'The revoked link') }),
    async (c) => c.json(await revokeShare(context(), c.req.valid('param').id), 200),
  );
}

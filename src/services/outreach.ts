import type { CreateTemplateInput, DraftInput, UpdateTemplateInput } from '../contract/outreach-inputs.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import type { OutreachTemplate } from '../core/model.js';
import {
  BUILT_IN_TEMPLATES,
  buildDraftContext,
  builtInTemplate,
  builtInTemplateFor,
  renderDraft,
  sharedNetworkNames,
  validateTemplate,
  type DraftContext,
} from '../core/outreach.js';
import type { OutreachPurpose } from '../core/vocabulary.js';
import { deleteTemplate, findTemplate, insertTemplate, selectTemplates, updateTemplateRow } from '../storage/outreach.js';
import { nowTimestamp, type ServiceContext } from './context.js';
import { personDetail } from './details.js';
import { getProfile } from './workspace.js';

/** A draft to one person: the filled template, and what it was filled from. */
export interface Draft {
  personId: string;
  purpose: OutreachPurpose;
  templateId: string;
  subject: string;
  body: string;
  context: DraftContext;
  /** Private notes worth weaving in by hand; never put in the draft itself. */
  reminders: string[];
}

/** Refuses a subject or body that does not read as a template over a `DraftContext`. */
function checkTemplateText(input: { subject?: string; body?: string }): void {
  for (const field of ['subject', 'body'] as const) {
    const text = input[field];
    if (text === undefined) continue;
    const problem = validateTemplate(text);
    if (problem) throw new ValidationError(field, problem);
  }
}

/** The user's templates (most recently changed first), then Waggle's built-ins; optionally for one purpose. */
export async function listTemplates(ctx: ServiceContext, purpose?: OutreachPurpose): Promise<OutreachTemplate[]> {
  const own = await selectTemplates(ctx.db, ctx.workspaceId, purpose);
  return [...own, ...BUILT_IN_TEMPLATES.filter((t) => !purpose || t.purpose === purpose)];
}

/** A template by id: one of the user's, or a built-in (`builtin-<purpose>`). */
export async function getTemplate(ctx: ServiceContext, id: string): Promise<OutreachTemplate> {
  const builtIn = builtInTemplate(id);
  if (builtIn) return builtIn;
  const template = await findTemplate(ctx.db, ctx.workspaceId, id);
  if (!template) throw new NotFoundError('outreach template', id);
  return template;
}

export async function createTemplate(ctx: ServiceContext, input: CreateTemplateInput): Promise<OutreachTemplate> {
  checkTemplateText(input);
  // 'tpl' is one of the context's id prefixes already, so templates get ids like tpl_7k2m9q4xtr.
  const id = ctx.ids('tpl');
  const now = nowTimestamp(ctx);
  await insertTemplate(ctx.db, { id, workspaceId: ctx.workspaceId, purpose: input.purpose, name: input.name, subject: input.subject, body: input.body, createdAt: now, updatedAt: now });
  return getTemplate(ctx, id);
}

function refuseBuiltIn(id: string, action: 'edited' | 'removed'): void {
  const builtIn = builtInTemplate(id);
  if (!builtIn) return;
  throw new ConflictError(
    action === 'edited'
      ? `"${builtIn.name}" [${id}] is built in and cannot be edited; copy it with createTemplate (its purpose, subject and body) and edit the copy`
      : `"${builtIn.name}" [${id}] is built in and cannot be removed`,
  );
}

export async function updateTemplate(ctx: ServiceContext, id: string, patch: UpdateTemplateInput): Promise<OutreachTemplate> {
  refuseBuiltIn(id, 'edited');
  checkTemplateText(patch);
  await getTemplate(ctx, id);
  await updateTemplateRow(ctx.db, ctx.workspaceId, id, { ...patch, updatedAt: nowTimestamp(ctx) });
  return getTemplate(ctx, id);
}

export async function removeTemplate(ctx: ServiceContext, id: string): Promise<OutreachTemplate> {
  refuseBuiltIn(id, 'removed');
  const template = await getTemplate(ctx, id);
  await deleteTemplate(ctx.db, ctx.workspaceId, id);
  return template;
}

/** The template a draft uses: the one asked for, else the user's latest for the purpose, else the built-in. */
async function templateForDraft(ctx: ServiceContext, purpose: OutreachPurpose, templateId: string | undefined): Promise<OutreachTemplate> {
  if (templateId !== undefined) {
    const template = await getTemplate(ctx, templateId);
    if (template.purpose !== purpose) throw new ValidationError('templateId', `"${template.name}" is a template for ${template.purpose}, not ${purpose}`);
    return template;
  }
  const [own] = await selectTemplates(ctx.db, ctx.workspaceId, purpose, 1);
  return own ?? builtInTemplateFor(purpose);
}

/** What a draft says beside it when the profile has no name to sign with. */
export const MISSING_NAME = 'Your name is missing from the sign-off: add it to your profile (waggle profile set --name "Your Name", or the web draft form asks for it).';

/**
 * A draft to one person for one purpose, filled from what Waggle knows: how
 * you met (when it reads as part of a sentence), the last exchange, the networks
 * you share and what you are working on now. What you learned stays out of the
 * letter and comes back as a reminder beside it. Nothing is stored.
 */
export async function draftFor(ctx: ServiceContext, input: DraftInput): Promise<Draft> {
  const [detail, profile] = await Promise.all([personDetail(ctx, input.personId), getProfile(ctx)]);
  const template = await templateForDraft(ctx, input.purpose, input.templateId);
  const context = buildDraftContext(detail.person, profile, detail.exchanges, sharedNetworkNames(detail.networks), {
    interest: input.interest ?? null,
    minutes: input.minutes,
  });
  const { subject, body } = renderDraft(template, context);
  // Journal notes are private: offered to the user beside the draft, not written into it.
  const reminders: string[] = [];
  if (detail.person.howMet && context.howWeMet === null) reminders.push(`How you met: ${detail.person.howMet}`);
  const last = detail.exchanges[0];
  if (last?.learned) reminders.push(`What you learned on ${last.occurredOn}: ${last.learned}`);
  // The built-ins sign with the profile's name; without one the sign-off is bare, so say how to fill it.
  if (context.myName === null) reminders.push(MISSING_NAME);
  return { personId: detail.person.id, purpose: input.purpose, templateId: template.id, subject, body, context, reminders };
}

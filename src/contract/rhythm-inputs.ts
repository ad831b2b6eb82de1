import { z } from 'zod';
import { isMonth } from '../core/plan.js';
import { SHARE_KINDS } from '../core/vocabulary.js';
import { id, oneOf, optionalText } from './fields.js';

/** Inputs of the plan and share operations. */

export const month = z.string().refine(isMonth, { error: 'must be a month written YYYY-MM' }).meta({ description: 'A calendar month, YYYY-MM', example: '2026-11' });

export const planSettingsInput = z
  .object({
    monthlyTargets: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be from 1 to 20' }).max(20, { error: 'must be from 1 to 20' }),
    newRelationshipCap: z.int({ error: 'must be a whole number' }).min(1, { error: 'must be from 1 to 50' }).max(50, { error: 'must be from 1 to 50' }),
    accountabilityPartner: optionalText(200),
  })
  .partial()
  .strict();

export const addTargetInput = z.object({ personId: id, month: month.optional(), reason: optionalText(1000, 'multi').optional() }).strict();

export const swapTargetInput = z.object({ personId: id }).strict();

export const rollOverInput = z.object({ from: month.optional(), to: month.optional() }).strict();

export const createShareInput = z
  .object({ kind: oneOf(SHARE_KINDS), label: optionalText(200).optional(), includeNotes: z.boolean().optional() })
  .strict();

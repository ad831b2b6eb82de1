import { z } from 'zod';
import { OUTREACH_PURPOSES } from '../core/vocabulary.js';
import { id, oneOf, optionalText, requiredText } from './fields.js';

/** Inputs of the outreach operations: drafts and the user's own templates. */

export const draftInput = z
  .object({
    personId: id,
    purpose: oneOf(OUTREACH_PURPOSES),
    templateId: id.optional(),
    interest: optionalText(500).optional(),
    minutes: z
      .int({ error: 'must be a whole number of minutes' })
      .min(5, { error: 'must be from 5 to 240 minutes' })
      .max(240, { error: 'must be from 5 to 240 minutes' })
      .optional(),
  })
  .strict();
export type DraftInput = z.infer<typeof draftInput>;

export const templateFields = {
  purpose: oneOf(OUTREACH_PURPOSES),
  name: requiredText(200),
  subject: requiredText(300),
  body: requiredText(10000, 'multi'),
};

export const createTemplateInput = z.object(templateFields).strict();
export type CreateTemplateInput = z.infer<typeof createTemplateInput>;

export const updateTemplateInput = z.object(templateFields).partial().strict();
export type UpdateTemplateInput = z.infer<typeof updateTemplateInput>;

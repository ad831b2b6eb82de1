import { z } from 'zod';
import { normaliseCadence } from '../core/cadence.js';
import { dateProblem, isTimeZone } from '../core/dates.js';
import { RELEVANCE_MAX, RELEVANCE_MIN, SCORE_MAX, SCORE_MIN } from '../core/vocabulary.js';
/** Reusable field schemas: every edge (API, CLI, imports) validates with these. */
export const isoDate = z
    .string()
    .superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
})
    .meta({ description: 'A calendar date, YYYY-MM-DD', example: '2026-11-22' });
export const score = z
    .int({ error: 'must be a whole number from 0 to 5' })
    .min(SCORE_MIN, { error: `must be from ${SCORE_MIN} to ${SCORE_MAX}` })
    .max(SCORE_MAX, { error: `must be from ${SCORE_MIN} to ${SCORE_MAX}` });
export const relevance = z
    .int({ error: 'must be a whole number from 1 to 5' })
    .min(RELEVANCE_MIN, { error: `must be from ${RELEVANCE_MIN} to ${RELEVANCE_MAX}` })
    .max(RELEVANCE_MAX, { error: `must be from ${RELEVANCE_MIN} to ${RELEVANCE_MAX}` });
/** A required piece of text, trimmed; blank is refused. */
export const requiredText = (max) => z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });
/** Optional text, trimmed; blank means "not set" (null). */
export const optionalText = (max) => z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullable()
    .transform((v) => (v === null || v === '' ? null : v));
/** An enum with a message that lists what is allowed. */
export const oneOf = (values) => z.enum(values, { error: `must be one of: ${values.join(', ')}` });
export const cadence = z
    .string()
    .transform((value, ctx) => {
    const normalised = normaliseCadence(value);
    if (normalised === null) {
        ctx.addIssue({
            code: 'custom',
            message: 'must be a count and unit such as 2w, 3m, 1y (d, w, m, y) or weekly, fortnightly, monthly, quarterly, twice-a-year, yearly',
        });
        return z.NEVER;
    }
    return normalised;
})
    .meta({ description: 'How often to be in touch: 2w, 3m, 1y, or monthly, quarterly …', example: '3m' });
export const timeZone = z.string().refine(isTimeZone, { error: 'must be an IANA time zone such as Europe/London or UTC' });
export const hoursPerMonth = z
    .number({ error: 'must be a number of hours' })
    .min(0, { error: 'must be 0 or more' })
    .max(744, { error: 'must be at most 744 (a whole month)' });
export const tagList = z
    .array(requiredText(60))
    .max(50, { error: 'at most 50 tags' })
    .transform((tags) => [...new Set(tags)]);
export const id = z.string().trim().min(1, { error: 'is required' }).max(200);
/** Paging for list operations: every match unless a limit is given. */
export const paging = {
    limit: z.coerce.number().int().min(1).max(100000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
};
//# sourceMappingURL=fields.js.map
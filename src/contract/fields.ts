import { z } from 'zod';
import { normaliseCadence } from '../core/cadence.js';
import { dateProblem, isTimeZone } from '../core/dates.js';
import { RELEVANCE_MAX, RELEVANCE_MIN, SCORE_MAX, SCORE_MIN } from '../core/vocabulary.js';

/** Reusable field schemas: every edge (API, CLI, imports) validates with these. */

export const isoDate = z
  .string()
  .superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
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

/**
 * Text is one line (names, titles, addresses) or several (notes). Neither holds
 * control characters: NUL and the other C0 and C1 codes are refused everywhere, and
 * line breaks and tabs are refused in one-line text. Nor a broken character: a lone
 * UTF-16 surrogate (which JSON can carry as "\ud800") would be stored as U+FFFD.
 */
export type TextLines = 'single' | 'multi';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LONE_SURROGATE = /\p{Surrogate}/u;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a piece of text, in words a user can act on, or null. */
export function textProblem(value: string, lines: TextLines = 'single'): string | null {
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) return `contains a broken character (a lone surrogate ${codePoint(surrogate[0])} at character ${surrogate.index + 1}); type or paste that part again`;
  const control = CONTROL.exec(value);
  if (control) return `must not contain control characters (${codePoint(control[0])} at character ${control.index + 1})`;
  if (lines === 'single') {
    const brk = LINE_BREAK_OR_TAB.exec(value);
    if (brk) return `must be a single line (a ${brk[0] === '\t' ? 'tab' : 'line break'} at character ${brk.index + 1})`;
  }
  return null;
}

const textRule = (lines: TextLines) => (value: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(value, lines);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

/** A required piece of text, trimmed; blank is refused. */
export const requiredText = (max: number, lines: TextLines = 'single') =>
  z
    .string({ error: 'is required' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .superRefine(textRule(lines));

/** Optional text, trimmed; blank means "not set" (null). */
export const optionalText = (max: number, lines: TextLines = 'single') =>
  z
    .string()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .superRefine(textRule(lines))
    .nullable()
    .transform((v) => (v === null || v === '' ? null : v));

/** An enum with a message that lists what is allowed. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of: ${values.join(', ')}` });

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
const MAX_PAGE = 100000;
export const paging = {
  limit: z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: `must be from 1 to ${MAX_PAGE}` })
    .max(MAX_PAGE, { error: `must be from 1 to ${MAX_PAGE}` })
    .optional(),
  offset: z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' }).optional(),
};

/**
 * A stored value checked with an input's own field schema, and kept exactly as it
 * is: what a restore accepts is what the API accepts (one set of rules), but nothing
 * is trimmed, normalised or dropped, so a backup restores losslessly.
 */
export function asStored<S extends z.ZodType>(schema: S) {
  const inner: z.ZodType = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  return z.custom<Exclude<z.input<S>, undefined>>(() => true).superRefine((value, ctx) => {
    const result = inner.safeParse(value);
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
}

import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { problemsOf } from '../contract/validate.js';
import { ValidationError, WaggleError, type ErrorCode } from '../core/errors.js';

/** The one place errors become HTTP answers: `{ "error": { "code", "message", "field"? } }`. */

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  ambiguous: 409,
  forbidden: 403,
};

export function errorResponse(error: unknown, c: Context) {
  if (error instanceof WaggleError) {
    const body = { error: { code: error.code, message: error.message, ...(error instanceof ValidationError ? { field: error.field } : {}) } };
    return c.json(body, STATUS[error.code]);
  }
  if (error instanceof HTTPException) {
    const malformed = /malformed json/i.test(error.message);
    const code = malformed ? 'malformed_json' : error.status === 413 ? 'too_large' : error.status === 404 ? 'not_found' : 'bad_request';
    const message = malformed ? 'The request body is not valid JSON' : error.message || 'Bad request';
    return c.json({ error: { code, message } }, error.status as ContentfulStatusCode);
  }
  // An unexpected fault: log it here, and tell the client nothing about our insides.
  console.error(error);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; the details are in the server log' } }, 500);
}

/** zod's verdict on a request, named by field, as a 400. */
export function validationResponse(error: z.ZodError, c: Context, where: string, input?: unknown) {
  const problems = problemsOf(error, (path) => (where === 'json' ? path : `${where}.${path}`), input);
  const first = problems[0] ?? { field: where, reason: 'is not valid' };
  return c.json({ error: { code: 'validation', message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '), field: first.field } }, 400);
}

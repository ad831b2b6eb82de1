import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { errorOutput } from '../contract/outputs.js';
import { problemsOf } from '../contract/validate.js';
import { ValidationError, WaggleError, type ErrorCode } from '../core/errors.js';
import { ImportFileError } from '../core/import-types.js';
import { TooLargeError } from '../services/import/read-limited.js';
import { CheckFailedError } from '../services/check-off-thread.js';

/** The one place errors become HTTP answers: `{ "error": { "code", "message", "field"? } }`. */

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  ambiguous: 409,
  forbidden: 403,
  unavailable: 503,
};

/** What a client is told about an error: a status and the body (the contract's one error shape), for a JSON answer or the last line of a stream. */
export interface ErrorAnswer {
  status: ContentfulStatusCode;
  body: z.output<typeof errorOutput>;
}

/**
 * The one mapping from an error to what a client is told. A fault the user can act on says
 * what and where (the field; for a file, the line); a file past the size limit is a 413; an
 * unexpected fault is logged here and answered without our insides.
 */
export function errorAnswer(error: unknown): ErrorAnswer {
  if (error instanceof TooLargeError) return { status: 413, body: { error: { code: 'too_large', message: error.message, line: null } } };
  if (error instanceof CheckFailedError) {
    // Ours, and passing (a worker that could not start or read): the cause goes to the log, the client is told to ask again.
    console.error(error, error.cause);
    return { status: 503, body: { error: { code: 'check_failed', message: error.message } } };
  }
  if (error instanceof WaggleError) {
    // The database gone from under a request is the operator's to hear of (its cause, the driver's words), not only the client's.
    if (error.code === 'unavailable') console.error(error, error.cause);
    const where = error instanceof ValidationError ? { field: error.field } : error instanceof ImportFileError ? { line: error.line } : {};
    return { status: STATUS[error.code], body: { error: { code: error.code, message: error.message, ...where } } };
  }
  if (error instanceof HTTPException) {
    const malformed = /malformed json/i.test(error.message);
    const code = malformed ? 'malformed_json' : error.status === 413 ? 'too_large' : error.status === 404 ? 'not_found' : 'bad_request';
    const message = malformed ? 'The request body is not valid JSON' : error.message || 'Bad request';
    return { status: error.status as ContentfulStatusCode, body: { error: { code, message } } };
  }
  // An unexpected fault: log it here, and tell the client nothing about our insides.
  console.error(error);
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side; the details are in the server log' } } };
}

export function errorResponse(error: unknown, c: Context) {
  const { status, body } = errorAnswer(error);
  // A fault that passes (the database restarting, the check's process failing to start): asked again in a moment.
  return c.json(body, status, status === 503 ? { 'retry-after': '1' } : {});
}

/** zod's verdict on a request, named by field, as a 400. */
export function validationResponse(error: z.ZodError, c: Context, where: string, input?: unknown) {
  const problems = problemsOf(error, (path) => (where === 'json' ? path : `${where}.${path}`), input);
  const first = problems[0] ?? { field: where, reason: 'is not valid' };
  return c.json({ error: { code: 'validation', message: problems.map((p) => `${p.field}: ${p.reason}`).join('; '), field: first.field } }, 400);
}

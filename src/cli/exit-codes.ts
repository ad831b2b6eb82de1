import type { ErrorCode } from '../core/errors.js';

/**
 * What `waggle` exits with, one number for every error code: 0 ok, 1 an unexpected
 * fault, 2 bad input (usage too), 3 not found, 4 conflict or ambiguous, 5 not allowed (a team member doing what only
 * its lead may), 6 the database went away meanwhile (try again). A Record over
 * the codes, so a new error code does not compile until it has its exit code here
 * (and its HTTP status in src/server/errors.ts).
 */
export const EXIT_CODES: Record<ErrorCode, number> = {
  validation: 2,
  not_found: 3,
  conflict: 4,
  ambiguous: 4,
  forbidden: 5,
  unavailable: 6,
};

export const EXIT_OK = 0;
export const EXIT_UNEXPECTED = 1;
export const EXIT_USAGE = EXIT_CODES.validation;

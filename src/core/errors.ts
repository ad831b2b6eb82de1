/**
 * Typed errors. Expected faults a user can act on carry a stable `code` (used by the
 * API and tests) and a message that names the field or thing at fault. An error that
 * wraps another (a driver's, a parser's) passes it as `cause`, so the log keeps it.
 */
export type ErrorCode = 'validation' | 'not_found' | 'conflict' | 'ambiguous' | 'forbidden' | 'unavailable';

export abstract class WaggleError extends Error {
  abstract readonly code: ErrorCode;
}

/** Input that breaks a rule: `field` names where (a flag, a JSON path, a CSV column). */
export class ValidationError extends WaggleError {
  override readonly name = 'ValidationError';
  readonly code = 'validation' as const;
  constructor(
    readonly field: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(field ? `${field}: ${reason}` : reason, options);
  }
}

export class NotFoundError extends WaggleError {
  override readonly name = 'NotFoundError';
  readonly code = 'not_found' as const;
  constructor(
    readonly entity: string,
    readonly ref: string,
    options?: ErrorOptions,
  ) {
    super(`No ${entity} matches "${ref}"`, options);
  }
}

/**
 * The caller may see the thing but their role does not allow this action (a team's
 * member doing what only its lead may). Distinct from bad input: the request is
 * well-formed, and someone else could make it.
 */
export class ForbiddenError extends WaggleError {
  override readonly name = 'ForbiddenError';
  readonly code = 'forbidden' as const;
}

/**
 * The database went away under the request (PostgreSQL restarting, its connection ended, a network
 * cut): nothing of the request was stored, and asked again in a moment it may well succeed.
 */
export class UnavailableError extends WaggleError {
  override readonly name = 'UnavailableError';
  readonly code = 'unavailable' as const;
}

export class ConflictError extends WaggleError {
  override readonly name = 'ConflictError';
  readonly code = 'conflict' as const;
}

/** A name given where an id was expected matched more than one thing. */
export class AmbiguousReferenceError extends WaggleError {
  override readonly name = 'AmbiguousReferenceError';
  readonly code = 'ambiguous' as const;
  constructor(
    readonly entity: string,
    readonly ref: string,
    readonly candidates: { id: string; name: string }[],
  ) {
    super(
      `"${ref}" matches ${candidates.length} ${entity}s (${candidates
        .slice(0, 5)
        .map((c) => `${c.name} [${c.id}]`)
        .join(', ')}); use the id`,
    );
  }
}

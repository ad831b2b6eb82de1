export class WaggleError extends Error {
}
/** Input that breaks a rule: `field` names where (a flag, a JSON path, a CSV column). */
export class ValidationError extends WaggleError {
    field;
    reason;
    name = 'ValidationError';
    code = 'validation';
    constructor(field, reason) {
        super(field ? `${field}: ${reason}` : reason);
        this.field = field;
        this.reason = reason;
    }
}
export class NotFoundError extends WaggleError {
    entity;
    ref;
    name = 'NotFoundError';
    code = 'not_found';
    constructor(entity, ref) {
        super(`No ${entity} matches "${ref}"`);
        this.entity = entity;
        this.ref = ref;
    }
}
export class ConflictError extends WaggleError {
    name = 'ConflictError';
    code = 'conflict';
}
/** A name given where an id was expected matched more than one thing. */
export class AmbiguousReferenceError extends WaggleError {
    entity;
    ref;
    candidates;
    name = 'AmbiguousReferenceError';
    code = 'ambiguous';
    constructor(entity, ref, candidates) {
        super(`"${ref}" matches ${candidates.length} ${entity}s (${candidates
            .slice(0, 5)
            .map((c) => `${c.name} [${c.id}]`)
            .join(', ')}); use the id`);
        this.entity = entity;
        this.ref = ref;
        this.candidates = candidates;
    }
}
//# sourceMappingURL=errors.js.map
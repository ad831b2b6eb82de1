import { ValidationError } from '../core/errors.js';
/** Turns zod's issues into problems named by field, with a renamer for the edge's own names (CLI flags). */
export function problemsOf(error, rename = (p) => p) {
    return error.issues.map((issue) => {
        const path = issue.path.map(String).join('.');
        let reason = issue.message;
        if (issue.code === 'unrecognized_keys') {
            return { field: rename(issue.keys.join(', ')), reason: 'is not a field Waggle knows' };
        }
        if (issue.code === 'invalid_type' && issue.input === undefined)
            reason = 'is required';
        return { field: path ? rename(path) : '(input)', reason };
    });
}
/** Validates `data` against `schema`, throwing a ValidationError that names every field at fault. */
export function parseInput(schema, data, rename) {
    const result = schema.safeParse(data);
    if (result.success)
        return result.data;
    const problems = problemsOf(result.error, rename);
    const first = problems[0] ?? { field: '', reason: 'is not valid' };
    const error = new ValidationError(first.field, first.reason);
    if (problems.length > 1) {
        error.message = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
    }
    throw error;
}
//# sourceMappingURL=validate.js.map
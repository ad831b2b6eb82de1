import type { z } from 'zod';
import { ValidationError } from '../core/errors.js';

export interface FieldProblem {
  field: string;
  reason: string;
}

/** Turns zod's issues into problems named by field, with a renamer for the edge's own names (CLI flags). */
export function problemsOf(error: z.ZodError, rename: (path: string) => string = (p) => p, data?: unknown): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    let reason = issue.message;
    if (issue.code === 'unrecognized_keys') {
      return { field: rename(issue.keys.join(', ')), reason: 'is not a field Waggle knows' };
    }
    if (issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined) reason = 'is required';
    return { field: path ? rename(path) : '(input)', reason };
  });
}

/** Validates `data` against `schema`, throwing a ValidationError that names every field at fault. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, rename?: (path: string) => string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = problemsOf(result.error, rename, data);
  const first = problems[0] ?? { field: '', reason: 'is not valid' };
  const error = new ValidationError(first.field, first.reason);
  if (problems.length > 1) {
    error.message = problems.map((p) => `${p.field}: ${p.reason}`).join('; ');
  }
  throw error;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

import type { UseQueryResult } from '@tanstack/react-query';

/** A query's failure as words for the page (the server's message names the field), or null. */
export function queryError(...queries: Pick<UseQueryResult, 'error'>[]): string | null {
  const failed = queries.find((q) => q.error);
  return failed?.error ? failed.error.message : null;
}

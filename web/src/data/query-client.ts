import { QueryClient } from '@tanstack/react-query';

/**
 * The app's cache of API answers. No retries: a refusal (400, 404, 409) does not change by asking
 * again, and the old helper showed it at once. No refetch on focus: a page changes when the user
 * changes something (each mutation invalidates what it changed, data/keys.ts), not when the tab
 * is looked at again.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Every query key, in one place, so that a change can say what it makes stale. Keys nest: invalidating
 * `queryKeys.networks.all` also refreshes each network's own page; a change to people, networks or
 * goals also makes the check and the map stale, since both read the whole map.
 */
export const queryKeys = {
  people: {
    all: ['people'] as const,
    list: (query: Record<string, string | number | undefined>) => ['people', 'list', query] as const,
    detail: (id: string) => ['people', 'detail', id] as const,
  },
  networks: {
    all: ['networks'] as const,
    list: () => ['networks', 'list'] as const,
    detail: (id: string) => ['networks', 'detail', id] as const,
  },
  goals: {
    all: ['goals'] as const,
    list: () => ['goals', 'list'] as const,
  },
  check: { all: ['check'] as const, report: () => ['check', 'report'] as const },
  map: { all: ['map'] as const },
  profile: ['profile'] as const,
  storage: ['storage'] as const,
  teams: { all: ['teams'] as const, list: () => ['teams', 'list'] as const },
} as const;

/** What a change to the map (a person, network, goal or link) makes stale besides its own list. */
export const readsOfTheWholeMap = [queryKeys.check.all, queryKeys.map.all] as const;

/** Marks every query under these keys stale (those on screen fetch again at once). */
export async function invalidate(queries: QueryClient, ...keys: readonly QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queries.invalidateQueries({ queryKey })));
}

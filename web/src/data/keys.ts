import type { QueryClient, QueryKey } from '@tanstack/react-query';

/**
 * Every query key, in one place, so that a change can say what it makes stale. Keys nest: invalidating
 * `queryKeys.networks.all` also refreshes each network's own page; a change to people, networks or
 * goals also makes the check and the map stale, since both read the whole map.
 */
export const queryKeys = {
  people: {
    all: ['people'] as const,
    list: (query: object) => ['people', 'list', query] as const,
    /** Every person's own page (their follow-ups, ties, introductions and timeline). */
    details: ['people', 'detail'] as const,
    detail: (id: string) => ['people', 'detail', id] as const,
  },
  networks: {
    all: ['networks'] as const,
    list: () => ['networks', 'list'] as const,
    detail: (id: string) => ['networks', 'detail', id] as const,
  },
  goals: {
    all: ['goals'] as const,
    list: (status?: string) => ['goals', 'list', status ?? 'all'] as const,
  },
  check: {
    all: ['check'] as const,
    report: () => ['check', 'report'] as const,
    summary: (goalId: string | null) => ['check', 'summary', goalId ?? 'all'] as const,
    /** One page of one list of the check. */
    part: (part: string, goalId: string | null, offset: number) => ['check', 'part', part, goalId ?? 'all', offset] as const,
  },
  map: { all: ['map'] as const, view: (goalId: string | null) => ['map', goalId ?? 'all'] as const },
  /** Who is due and which follow-ups: next contacts, exchanges and follow-ups move it. */
  due: { all: ['due'] as const, report: (query: object) => ['due', query] as const },
  /** Birthdays and other dates coming round. */
  dates: { all: ['dates'] as const, upcoming: () => ['dates', 'upcoming'] as const },
  plan: { all: ['plan'] as const, view: () => ['plan', 'view'] as const, suggestions: () => ['plan', 'suggestions'] as const },
  shares: { all: ['shares'] as const, list: () => ['shares', 'list'] as const },
  profile: ['profile'] as const,
  storage: ['storage'] as const,
  /** The account signed in (server mode). */
  me: ['me'] as const,
  /** Whether this browser is signed in (server mode), before anything else is asked. */
  authStatus: ['auth', 'status'] as const,
  /** My sessions and access tokens (server mode). */
  sessions: ['auth', 'sessions'] as const,
  tokens: ['auth', 'tokens'] as const,
  teams: {
    all: ['teams'] as const,
    list: () => ['teams', 'list'] as const,
    /** Everything read of one team: what members share shows in each of its parts. */
    team: (id: string) => ['teams', 'team', id] as const,
    detail: (id: string) => ['teams', 'team', id, 'detail'] as const,
    graph: (id: string) => ['teams', 'team', id, 'graph'] as const,
    map: (id: string) => ['teams', 'team', id, 'map'] as const,
    check: (id: string) => ['teams', 'team', id, 'check'] as const,
    goals: (id: string) => ['teams', 'team', id, 'goals'] as const,
    introductions: (id: string) => ['teams', 'team', id, 'introductions'] as const,
    paths: (id: string, organisation: string) => ['teams', 'team', id, 'paths', organisation] as const,
    /** The feed and, for the lead, who shares. */
    danceFloor: (id: string) => ['teams', 'team', id, 'dance-floor'] as const,
    feed: (id: string) => ['teams', 'team', id, 'dance-floor', 'feed'] as const,
    rhythm: (id: string) => ['teams', 'team', id, 'dance-floor', 'rhythm'] as const,
    /** What I share with the team, and the preview of it. */
    consent: (id: string) => ['teams', 'team', id, 'consent'] as const,
    mine: (id: string) => ['teams', 'team', id, 'consent', 'mine'] as const,
    preview: (id: string) => ['teams', 'team', id, 'consent', 'preview'] as const,
  },
} as const;

/** What a change to the map (a person, network, goal or link) makes stale besides its own list. */
export const readsOfTheWholeMap = [queryKeys.check.all, queryKeys.map.all] as const;

/** What a change to a person (their scores, stage, cadence, name) makes stale: every list and page of people, who is due, the plan's names and suggestions, the check and the map. */
export const readsOfPeople = [queryKeys.people.all, queryKeys.due.all, queryKeys.plan.all, ...readsOfTheWholeMap] as const;

/**
 * Marks every query under these keys stale: those on screen fetch again at once; those no page shows
 * now are dropped, so that a page opened later asks afresh instead of showing, even for a moment, an
 * answer known to be out of date (back on This month after logging a coffee, the person is no longer due).
 */
export async function invalidate(queries: QueryClient, ...keys: readonly QueryKey[]): Promise<void> {
  for (const queryKey of keys) queries.removeQueries({ queryKey, type: 'inactive' });
  await Promise.all(keys.map((queryKey) => queries.invalidateQueries({ queryKey })));
}

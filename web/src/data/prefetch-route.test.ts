import { describe, expect, it } from 'vitest';
import { queryKeys } from './keys.js';
import { prefetchForRoute } from './prefetch-route.js';
import { createQueryClient } from './query-client.js';

/** The keys a route set asking (the requests themselves go nowhere here: there is no server). */
function askedFor(pathname: string): string[] {
  const queries = createQueryClient();
  prefetchForRoute(queries, pathname);
  return queries
    .getQueryCache()
    .getAll()
    .map((q) => JSON.stringify(q.queryKey));
}

describe('prefetchForRoute', () => {
  it("asks for the map's data on the map's route, under the key the page reads", () => {
    expect(askedFor('/map')).toEqual([JSON.stringify(queryKeys.map.view(null))]);
  });

  it("asks for a person's detail on their page, the id decoded as the router decodes it", () => {
    expect(askedFor('/people/p%20010')).toEqual([JSON.stringify(queryKeys.people.detail('p 010'))]);
  });

  it('asks for nothing on other routes, nor on a mangled or deeper address', () => {
    for (const pathname of ['/', '/people', '/people/', '/people/p1/edit', '/people/%E0%A4%A', '/map/extra', '/check', '/teams/t1/map']) {
      expect(askedFor(pathname), pathname).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { peopleQuery } from '../people/people-query.js';
import { queryKeys } from './keys.js';
import { prefetchForRoute } from './prefetch-route.js';
import { createQueryClient } from './query-client.js';

/** The keys a route set asking (the requests themselves go nowhere here: there is no server). */
function askedFor(pathname: string, search = ''): string[] {
  const queries = createQueryClient();
  prefetchForRoute(queries, pathname, search);
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

  it("asks for the People page's first page and the active goals, under the keys the page reads", () => {
    expect(askedFor('/people')).toEqual([JSON.stringify(queryKeys.people.list(peopleQuery(new URLSearchParams()))), JSON.stringify(queryKeys.goals.list('active'))]);
  });

  it("asks for the list the People page's address names: its filters, sort, search and page", () => {
    const search = '?stage=met&sort=strength&q=ana&offset=100';
    const [list] = askedFor('/people', search);
    expect(list).toBe(JSON.stringify(queryKeys.people.list({ limit: 50, offset: 100, stage: 'met', sort: 'strength', search: 'ana' })));
  });

  it('reads a hand-written word the API does not know on the People page as no filter, as the page does', () => {
    const [list] = askedFor('/people', '?stage=wizard&sort=oldest');
    expect(list).toBe(JSON.stringify(queryKeys.people.list({ limit: 50, offset: 0 })));
  });

  it("asks for the check's summary for the goal in the address, and the active goals", () => {
    expect(askedFor('/check')).toEqual([JSON.stringify(queryKeys.check.summary(null)), JSON.stringify(queryKeys.goals.list('active'))]);
    expect(askedFor('/check', '?goal=g7')[0]).toBe(JSON.stringify(queryKeys.check.summary('g7')));
  });

  it('asks for nothing on other routes, nor on a mangled or deeper address', () => {
    for (const pathname of ['/', '/people/', '/people/p1/edit', '/people/%E0%A4%A', '/map/extra', '/check/extra', '/teams/t1/map', '/networks']) {
      expect(askedFor(pathname), pathname).toEqual([]);
    }
  });
});

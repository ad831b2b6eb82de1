import type { QueryClient } from '@tanstack/react-query';
import { peopleQuery } from '../people/people-query.js';
import { checkSummaryQuery } from './check.js';
import { activeGoalsQuery } from './goals.js';
import { mapViewQuery } from './map.js';
import { peopleListQuery, personDetailQuery } from './people.js';

/**
 * Starts the data a page opened at `pathname` needs as soon as the route is known, before the
 * page's own script has arrived. The map's page is loaded lazily (WebGL and graph libraries): it
 * used to ask for /api/map/compact only once that script had come and run, so the request waited
 * for it (1.7–3.5 s under load). The page then finds the answer in the cache, or in flight.
 * Every page's script now loads when it is opened (App.tsx), and even when it was in the main
 * script a page's requests waited for the whole app to render first (the header, the search, the
 * routes): the People page's list and the check's summary (with the active goals both offer),
 * and a person's detail, are asked for here, as the cache is made, under the keys the pages read.
 * `search` is the address's query string (`?goal=…`), which names the list or the summary.
 */
export function prefetchForRoute(queries: QueryClient, pathname: string, search = ''): void {
  if (pathname === '/map') void queries.prefetchQuery(mapViewQuery());
  if (pathname === '/people') {
    void queries.prefetchQuery(peopleListQuery(peopleQuery(new URLSearchParams(search))));
    void queries.prefetchQuery(activeGoalsQuery());
  }
  if (pathname === '/check') {
    void queries.prefetchQuery(checkSummaryQuery(new URLSearchParams(search).get('goal')));
    void queries.prefetchQuery(activeGoalsQuery());
  }
  const person = /^\/people\/([^/]+)$/.exec(pathname)?.[1];
  if (person) {
    // A mangled address (a stray %) is left to the page, which says the person is not found.
    let id: string;
    try {
      id = decodeURIComponent(person);
    } catch {
      return;
    }
    void queries.prefetchQuery(personDetailQuery(id));
  }
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { UPDATING_POLL_MS } from './check.js';
import { queryKeys } from './keys.js';

type MapHeaders = paths['/api/map/compact']['get']['responses'][200]['headers'];
/** The headers the document names, without the "any other header" index it adds. */
type NamedHeader = keyof { [K in keyof MapHeaders as string extends K ? never : K]: MapHeaders[K] };
/** The header the map's answer says its freshness in, as the API document names it (so a renamed header fails to compile here). */
const UPDATING_HEADER: NamedHeader = 'Waggle-Updating';

/**
 * The map alone (the whole check would also read every exchange, which the map does not use), fetched
 * compact (GET /api/map/compact: a third of the bytes) and decoded here into the check's map of nodes
 * and edges, with the goals its nodes refer to. One definition for the page and for the prefetch that
 * starts it before the map's script has arrived (data/prefetch-route.ts).
 */
export function mapViewQuery(goalId: string | null = null) {
  return queryOptions({
    queryKey: queryKeys.map.view(goalId),
    queryFn: async () => {
      // The decoder is loaded beside the request, not before it: the prefetch runs from the app's
      // main script, which every page loads, and the decoder is wanted by the map alone.
      const asked = client.GET('/api/map/compact', { params: { query: goalId ? { goalId } : {} } });
      const [view, { decodeMap }] = await Promise.all([unwrap(asked), import('../../../src/core/check/compact-map.js')]);
      // The last map kept answers while a newer one is worked out (after a change): shown, and asked for again.
      const updating = (await asked).response.headers.get(UPDATING_HEADER) === 'true';
      return { map: decodeMap(view.map), goals: view.goals, updating };
    },
    refetchInterval: (query) => (query.state.data?.updating ? UPDATING_POLL_MS : false),
    // The prefetch's answer is fresh for the page that follows it: with no time given it was stale at
    // once, and the page, whose subscription often begins only after the prefetch has come back,
    // asked for the whole map again (measured: a second GET and decode beside the first frame). A
    // change the app makes invalidates the map, which refetches whatever its staleness.
    staleTime: 60_000,
    // A new map replaces the old whole: comparing 5,000 nodes and their edges deeply, to keep the
    // parts that did not change, costs more than drawing them again.
    structuralSharing: false,
  });
}

export function useMapView(goalId: string | null = null) {
  return useQuery(mapViewQuery(goalId));
}

export type MapView = NonNullable<ReturnType<typeof useMapView>['data']>;

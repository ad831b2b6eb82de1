import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import { queryKeys } from './keys.js';

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
      const [view, { decodeMap }] = await Promise.all([unwrap(client.GET('/api/map/compact', { params: { query: goalId ? { goalId } : {} } })), import('../../../src/core/check/compact-map.js')]);
      return { map: decodeMap(view.map), goals: view.goals };
    },
  });
}

export function useMapView(goalId: string | null = null) {
  return useQuery(mapViewQuery(goalId));
}

export type MapView = NonNullable<ReturnType<typeof useMapView>['data']>;

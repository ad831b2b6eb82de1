import { useQuery } from '@tanstack/react-query';
import { decodeMap } from '../../../src/core/check/compact-map.js';
import { client, unwrap } from '../api/client.js';
import { queryKeys } from './keys.js';

/**
 * The map alone (the whole check would also read every exchange, which the map does not use), fetched
 * compact (GET /api/map/compact: a third of the bytes) and decoded here into the check's map of nodes
 * and edges, with the goals its nodes refer to.
 */
export function useMapView(goalId: string | null = null) {
  return useQuery({
    queryKey: queryKeys.map.view(goalId),
    queryFn: async () => {
      const view = await unwrap(client.GET('/api/map/compact', { params: { query: goalId ? { goalId } : {} } }));
      return { map: decodeMap(view.map), goals: view.goals };
    },
  });
}

export type MapView = NonNullable<ReturnType<typeof useMapView>['data']>;

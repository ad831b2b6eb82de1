import { useQueryClient } from '@tanstack/react-query';
import { invalidate, queryKeys, readsOfPeople } from './keys.js';

/**
 * Marks everything read from the map stale: after a change that reaches across it (an exchange
 * logged, a person linked to a goal's need), which moves people, networks, goals, who is due, the
 * month's plan, the check and the map.
 */
export function useMapChanged() {
  const queries = useQueryClient();
  return () => invalidate(queries, ...readsOfPeople, queryKeys.networks.all, queryKeys.goals.all);
}

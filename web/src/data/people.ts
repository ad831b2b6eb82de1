import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import { queryKeys } from './keys.js';

/** One person with their goals, networks, ties and journal; nothing is asked while `id` is null. */
export function usePersonDetail(id: string | null) {
  return useQuery({
    queryKey: queryKeys.people.detail(id ?? ''),
    queryFn: () => unwrap(client.GET('/api/people/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
}

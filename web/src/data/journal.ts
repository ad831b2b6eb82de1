import { useMutation } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';
import { useMapChanged } from './use-map-changed.js';

/** Logs an exchange (with its follow-ups): it reaches across the map, so everything read from it is stale. */
export function useLogExchange() {
  const changed = useMapChanged();
  return useMutation({ mutationFn: (body: JsonBody<'/api/exchanges', 'post'>) => unwrap(client.POST('/api/exchanges', { body })), onSuccess: changed });
}

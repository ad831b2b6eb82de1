import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import { networkBody, networkPatch, type NetworkFormValues } from '../forms/patch.js';
import type { Schema } from '../api/client.js';
import { invalidate, queryKeys, readsOfTheWholeMap } from './keys.js';

/** Every network; `enabled` false asks nothing yet (a search box not opened). */
export function useNetworks(enabled = true) {
  return useQuery({ queryKey: queryKeys.networks.list(), queryFn: () => unwrap(client.GET('/api/networks')), enabled });
}

/** Adds a network from the form, or changes the one given (only the fields changed); the lists, the check and the map are then stale. */
export function useSaveNetwork(network: Schema<'Network'> | null) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (form: NetworkFormValues): Promise<Schema<'Network'>> =>
      network ? unwrap(client.PATCH('/api/networks/{id}', { params: { path: { id: network.id } }, body: networkPatch(network, form) })) : unwrap(client.POST('/api/networks', { body: networkBody(form) })),
    onSuccess: () => invalidate(queries, queryKeys.networks.all, ...readsOfTheWholeMap),
  });
}

/** One network: my role and hours, the goals it serves, its people. */
export function useNetwork(id: string) {
  return useQuery({ queryKey: queryKeys.networks.detail(id), queryFn: () => unwrap(client.GET('/api/networks/{id}', { params: { path: { id } } })) });
}

/**
 * Puts a person in a network with a role (again: changes the role), or takes them out (role null).
 * The network's page and the person's, the lists, the check and the map are then stale.
 */
export function useNetworkMembership() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ networkId, personId, role }: { networkId: string; personId: string; role: Schema<'Network'>['role'] | null }) => {
      const params = { path: { id: networkId, personId } };
      return role ? unwrap(client.PUT('/api/networks/{id}/members/{personId}', { params, body: { role } })) : unwrap(client.DELETE('/api/networks/{id}/members/{personId}', { params }));
    },
    onSuccess: () => invalidate(queries, queryKeys.networks.all, queryKeys.people.all, ...readsOfTheWholeMap),
  });
}

/** Removes the network; its people stay. Its own page is not fetched again (it is gone): only the lists and what reads the map. */
export function useRemoveNetwork(networkId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/networks/{id}', { params: { path: { id: networkId } } })),
    onSuccess: () => invalidate(queries, queryKeys.networks.list(), queryKeys.people.all, ...readsOfTheWholeMap),
  });
}

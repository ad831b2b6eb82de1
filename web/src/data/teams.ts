import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import { invalidate, queryKeys } from './keys.js';

/** The teams I am in (server mode only: locally the API answers that teams need accounts, so a page that may be local asks only when `enabled`). */
export function useTeams(enabled = true) {
  return useQuery({ queryKey: queryKeys.teams.list(), queryFn: () => unwrap(client.GET('/api/teams')), enabled });
}

/** Making, trying or joining a team: each changes the list of my teams. */
export function useMakeTeam() {
  const queries = useQueryClient();
  return useMutation({ mutationFn: (name: string) => unwrap(client.POST('/api/teams', { body: { name } })), onSuccess: () => invalidate(queries, queryKeys.teams.all) });
}

export function useDemoTeam() {
  const queries = useQueryClient();
  return useMutation({ mutationFn: () => unwrap(client.POST('/api/teams/demo', { body: {} })), onSuccess: () => invalidate(queries, queryKeys.teams.all) });
}

export function useJoinTeam() {
  const queries = useQueryClient();
  return useMutation({ mutationFn: (token: string) => unwrap(client.POST('/api/teams/join/{token}', { params: { path: { token } }, body: {} })), onSuccess: () => invalidate(queries, queryKeys.teams.all) });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';
import { invalidate, queryKeys } from './keys.js';

type ProfileChange = JsonBody<'/api/profile', 'patch'>;

export function useProfile() {
  return useQuery({ queryKey: queryKeys.profile, queryFn: () => unwrap(client.GET('/api/profile')) });
}

/** Your name, what you work on, your time zone (what "today" is: everything dated reads it) and your own addresses. */
export function useSaveProfile() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileChange) => unwrap(client.PATCH('/api/profile', { body })),
    // The time zone moves "today": every dated answer may change, so all of them are stale. Otherwise
    // the profile itself, and what quotes what I am working on (the month's plan, the check).
    onSuccess: (_, body) => (body.timeZone !== undefined ? queries.invalidateQueries() : invalidate(queries, queryKeys.profile, queryKeys.plan.all, queryKeys.check.all)),
  });
}

export function useStorage() {
  return useQuery({ queryKey: queryKeys.storage, queryFn: () => unwrap(client.GET('/api/storage')) });
}

/** Erases the whole map: every answer cached is stale. */
export function useEraseEverything() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (confirm: string) => unwrap(client.POST('/api/erase', { body: { confirm } })),
    onSuccess: () => queries.invalidateQueries(),
  });
}

/** Loads the sample map into an empty one: every answer cached is stale. */
export function useLoadDemo() {
  const queries = useQueryClient();
  return useMutation({ mutationFn: () => unwrap(client.POST('/api/demo', { body: {} })), onSuccess: () => queries.invalidateQueries() });
}

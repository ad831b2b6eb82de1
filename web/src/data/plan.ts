import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';
import { invalidate, queryKeys } from './keys.js';

/** The month's targets, progress and the new-relationship cap (the home page and the plan page read the same). */
export function usePlan() {
  return useQuery({ queryKey: queryKeys.plan.view(), queryFn: () => unwrap(client.GET('/api/plan')) });
}

/** Whom to reach this month, within the number and the cap. */
export function usePlanSuggestions() {
  return useQuery({ queryKey: queryKeys.plan.suggestions(), queryFn: () => unwrap(client.GET('/api/plan/suggestions')) });
}

/** Every change to the plan moves its targets, its progress and what is still suggested. */
function usePlanChange<V, R>(mutationFn: (value: V) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidate(queries, queryKeys.plan.all) });
}

/** Plans a person (a suggestion keeps its reason): added, or already planned, in words, with any warnings. */
export function useAddTarget() {
  return usePlanChange((body: JsonBody<'/api/plan/targets', 'post'>) => unwrap(client.POST('/api/plan/targets', { body })));
}

/** Marks a target done or dropped, or swaps it for someone else. */
export function useChangeTarget() {
  return usePlanChange(({ id, action }: { id: string; action: 'done' | 'drop' | { swapFor: string } }): Promise<{ warnings: string[] }> => {
    const params = { path: { id } };
    if (action === 'done') return unwrap(client.POST('/api/plan/targets/{id}/done', { params })).then(() => ({ warnings: [] }));
    if (action === 'drop') return unwrap(client.POST('/api/plan/targets/{id}/drop', { params })).then(() => ({ warnings: [] }));
    return unwrap(client.POST('/api/plan/targets/{id}/swap', { params, body: { personId: action.swapFor } }));
  });
}

/** Carries last month's open targets into this one. */
export function useRollOver() {
  return usePlanChange(() => unwrap(client.POST('/api/plan/roll-over', { body: {} })));
}

export function useSavePlanSettings() {
  return usePlanChange((body: JsonBody<'/api/plan/settings', 'patch'>) => unwrap(client.PATCH('/api/plan/settings', { body })));
}

/** The accountability pages and calendar feeds I have shared. */
export function useShares() {
  return useQuery({ queryKey: queryKeys.shares.list(), queryFn: () => unwrap(client.GET('/api/shares')) });
}

/** Makes a link (`kind`), gives one a new address (`rotate`), or revokes one: the list of links changes. */
export function useChangeShare() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (change: { make: JsonBody<'/api/shares', 'post'> } | { rotate: string } | { revoke: string }) => {
      if ('make' in change) return unwrap(client.POST('/api/shares', { body: change.make }));
      if ('rotate' in change) return unwrap(client.POST('/api/shares/{id}/rotate', { params: { path: { id: change.rotate } } }));
      return unwrap(client.DELETE('/api/shares/{id}', { params: { path: { id: change.revoke } } })).then(() => null);
    },
    onSuccess: () => invalidate(queries, queryKeys.shares.all),
  });
}

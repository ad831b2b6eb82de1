import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';
import { invalidate, queryKeys, readsOfPeople, readsOfTheWholeMap } from './keys.js';

/** Whose goal links: a person's or a network's (the API has the same link under each). */
export interface GoalLinkOwner {
  kind: 'person' | 'network';
  id: string;
}
/** How relevant, which needs it serves, a note: only what is given changes. */
export type GoalLinkChange = JsonBody<'/api/people/{id}/goals/{goalId}', 'put'>;

function send(owner: GoalLinkOwner, goalId: string, change: GoalLinkChange | null) {
  const params = { path: { id: owner.id, goalId } };
  if (owner.kind === 'person') return change ? unwrap(client.PUT('/api/people/{id}/goals/{goalId}', { params, body: change })) : unwrap(client.DELETE('/api/people/{id}/goals/{goalId}', { params }));
  return change ? unwrap(client.PUT('/api/networks/{id}/goals/{goalId}', { params, body: change })) : unwrap(client.DELETE('/api/networks/{id}/goals/{goalId}', { params }));
}

/**
 * Links the owner to a goal or changes the link (`change`), or unlinks it (null). What serves a
 * goal is what the check's coverage and the map read; a person's link also moves the people
 * lists (the goal filter) and the plan's suggestions, a network's the networks' pages.
 */
export function useGoalLink() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ owner, goalId, change }: { owner: GoalLinkOwner; goalId: string; change: GoalLinkChange | null }) => send(owner, goalId, change),
    onSuccess: (_, { owner }) => invalidate(queries, ...(owner.kind === 'person' ? readsOfPeople : [queryKeys.networks.all, ...readsOfTheWholeMap])),
  });
}

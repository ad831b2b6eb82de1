import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import { goalBody, goalPatch, type GoalFormValues } from '../forms/patch.js';
import type { Schema } from '../api/client.js';
import { invalidate, queryKeys, readsOfTheWholeMap } from './keys.js';

/** Every goal, whatever its status; `enabled` false asks nothing yet. */
export function useGoals(enabled = true) {
  return useQuery({ queryKey: queryKeys.goals.list(), queryFn: () => unwrap(client.GET('/api/goals')), enabled });
}

/** Adds a goal from the form, or changes the one given (only the fields changed); the check judges the map against goals, so it is stale too. */
export function useSaveGoal(goal: Schema<'Goal'> | null) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (form: GoalFormValues): Promise<Schema<'Goal'>> =>
      goal ? unwrap(client.PATCH('/api/goals/{id}', { params: { path: { id: goal.id } }, body: goalPatch(goal, form) })) : unwrap(client.POST('/api/goals', { body: goalBody(form) })),
    onSuccess: () => invalidate(queries, queryKeys.goals.all, ...readsOfTheWholeMap),
  });
}

/** The goals being worked on: what people and networks are linked to, and what the filters offer. */
export function useActiveGoals() {
  return useQuery(activeGoalsQuery());
}

/** The active goals, for the pages that offer them and for the prefetch as such a page's route is known. */
export function activeGoalsQuery() {
  return queryOptions({ queryKey: queryKeys.goals.list('active'), queryFn: () => unwrap(client.GET('/api/goals', { params: { query: { status: 'active' } } })) });
}

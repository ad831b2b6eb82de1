import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';
import { invalidate, queryKeys } from './keys.js';

/*
 * One team's reads and changes (the list of my teams is teams.ts). Each read is keyed under the
 * team (keys.ts `teams.team(id)`), so a change says which of its parts it moved.
 */

const team = (id: string) => ({ params: { path: { id } } });

/** The account signed in (server mode): whose requests are whose. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: () => unwrap(client.GET('/api/auth/me')) });
}

export function useTeam(id: string) {
  return useQuery({ queryKey: queryKeys.teams.detail(id), queryFn: () => unwrap(client.GET('/api/teams/{id}', team(id))) });
}

/** What members share: networks, people teammates may ask about, what they learned. `enabled` false asks nothing (a form not open yet). */
export function useTeamGraph(id: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.teams.graph(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/graph', team(id))), enabled });
}

export function useTeamMap(id: string) {
  return useQuery({ queryKey: queryKeys.teams.map(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/map', team(id))) });
}

export function useTeamCheck(id: string) {
  return useQuery({ queryKey: queryKeys.teams.check(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/check', team(id))) });
}

export function useTeamGoals(id: string, enabled = true) {
  return useQuery({ queryKey: queryKeys.teams.goals(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/goals', team(id))), enabled });
}

export function useTeamIntroductions(id: string) {
  return useQuery({ queryKey: queryKeys.teams.introductions(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/introductions', team(id))) });
}

/** Who in the team can introduce me to someone at `organisation`; nothing is asked while it is null. */
export function useIntroductionPaths(id: string, organisation: string | null) {
  return useQuery({
    queryKey: queryKeys.teams.paths(id, organisation ?? ''),
    queryFn: () => unwrap(client.GET('/api/teams/{id}/paths', { params: { path: { id }, query: { organisation: organisation ?? '' } } })),
    enabled: organisation !== null,
  });
}

export function useDanceFloor(id: string) {
  return useQuery({ queryKey: queryKeys.teams.feed(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/dance-floor', team(id))) });
}

/** Who shares and who has gone quiet: the lead's alone (`enabled` only for the lead). */
export function useDanceFloorRhythm(id: string, enabled: boolean) {
  return useQuery({ queryKey: queryKeys.teams.rhythm(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/dance-floor/rhythm', team(id))), enabled });
}

export function useMyConsent(id: string) {
  return useQuery({ queryKey: queryKeys.teams.mine(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/consent', team(id))) });
}

/** Exactly what the team sees of mine. */
export function useConsentPreview(id: string) {
  return useQuery({ queryKey: queryKeys.teams.preview(id), queryFn: () => unwrap(client.GET('/api/teams/{id}/consent/preview', team(id))) });
}

/** A mutation whose success makes the given parts of the team stale. */
function useTeamChange<V, R>(mutationFn: (value: V) => Promise<R>, stale: readonly (readonly unknown[])[]) {
  const queries = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidate(queries, ...stale) });
}

/** Asks a teammate for an introduction to someone they share. */
export function useAskIntroduction(id: string) {
  return useTeamChange((body: JsonBody<'/api/teams/{id}/introductions', 'post'>) => unwrap(client.POST('/api/teams/{id}/introductions', { ...team(id), body })), [queryKeys.teams.introductions(id)]);
}

export function useAnswerIntroduction(id: string) {
  return useTeamChange(
    ({ requestId, status }: { requestId: string; status: 'accepted' | 'declined' }) => unwrap(client.PATCH('/api/teams/{id}/introductions/{requestId}', { params: { path: { id, requestId } }, body: { status } })),
    [queryKeys.teams.introductions(id)],
  );
}

/** A link for one person to join; nothing read changes until they do. */
export function useMakeInvitation(id: string) {
  return useMutation({ mutationFn: () => unwrap(client.POST('/api/teams/{id}/invitations', { ...team(id), body: {} })) });
}

/** Leaves the team: what was read of it is dropped, and the list of my teams is stale. */
export function useLeaveTeam(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/teams/{id}/leave', { ...team(id), body: {} })),
    onSuccess: () => {
      queries.removeQueries({ queryKey: queryKeys.teams.team(id) });
      return invalidate(queries, queryKeys.teams.list());
    },
  });
}

/** A team goal added, or a shared item linked to one (relevance 0 unlinks): the goals and the team check change. */
export function useAddTeamGoal(id: string) {
  return useTeamChange((body: JsonBody<'/api/teams/{id}/goals', 'post'>) => unwrap(client.POST('/api/teams/{id}/goals', { ...team(id), body })), [queryKeys.teams.goals(id), queryKeys.teams.check(id)]);
}

export function useLinkTeamGoal(id: string) {
  return useTeamChange(
    ({ goalId, key, relevance }: { goalId: string; key: string; relevance: number }) => unwrap(client.PUT('/api/teams/{id}/goals/{goalId}/links', { params: { path: { id, goalId } }, body: { key, relevance } })),
    [queryKeys.teams.goals(id), queryKeys.teams.check(id)],
  );
}

/** News on the dance floor, or taken down: the feed and who shares change. */
export function usePostNews(id: string) {
  return useTeamChange((body: JsonBody<'/api/teams/{id}/dance-floor', 'post'>) => unwrap(client.POST('/api/teams/{id}/dance-floor', { ...team(id), body })), [queryKeys.teams.danceFloor(id)]);
}

export function useTakeDownNews(id: string) {
  return useTeamChange((postId: string) => unwrap(client.DELETE('/api/teams/{id}/dance-floor/{postId}', { params: { path: { id, postId } } })), [queryKeys.teams.danceFloor(id)]);
}

/** Shares a learned line of my journal with a team (chosen in the form): its feed, what I share and what members learned change. */
export function useShareLearned() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ teamId, body }: { teamId: string; body: JsonBody<'/api/teams/{id}/dance-floor/learned', 'post'> }) => unwrap(client.POST('/api/teams/{id}/dance-floor/learned', { ...team(teamId), body })),
    onSuccess: (_, { teamId }) => invalidate(queries, queryKeys.teams.danceFloor(teamId), queryKeys.teams.consent(teamId), queryKeys.teams.graph(teamId)),
  });
}

/** What I offer the team, item by item. */
export type ConsentChange =
  | { networkId: string; offered: boolean }
  | { personId: string; shared: boolean }
  | { exchangeId: string; shared: boolean }
  | { plan: boolean };

function sendConsent(id: string, change: ConsentChange): Promise<unknown> {
  if ('networkId' in change) return unwrap(client.PUT('/api/teams/{id}/consent/networks/{networkId}', { params: { path: { id, networkId: change.networkId } }, body: { offered: change.offered } }));
  if ('personId' in change) return unwrap(client.PUT('/api/teams/{id}/consent/people/{personId}', { params: { path: { id, personId: change.personId } }, body: { shared: change.shared } }));
  if ('exchangeId' in change) return unwrap(client.PUT('/api/teams/{id}/consent/learned/{exchangeId}', { params: { path: { id, exchangeId: change.exchangeId } }, body: { shared: change.shared } }));
  return unwrap(client.PUT('/api/teams/{id}/consent/plan', { ...team(id), body: { shared: change.plan } }));
}

/** A change to what I share reaches every part of the team that reads it (graph, map, check, goals, the preview). */
export function useChangeConsent(id: string) {
  return useTeamChange((change: ConsentChange) => sendConsent(id, change), [queryKeys.teams.team(id)]);
}

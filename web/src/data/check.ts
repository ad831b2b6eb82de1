import { queryOptions, useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { queryKeys } from './keys.js';

/** A list of the check that GET /api/check/parts/{part} pages through, as the document names them. */
export type CheckPartName = paths['/api/check/parts/{part}']['get']['parameters']['path']['part'];

/** How many items of a list one request brings: small, so that each part's first items come at once. */
export const PART_PAGE = 50;

/**
 * The server keeps the check between changes and answers with the last one while a newer one is
 * worked out (`freshness.updating`): asked again this often until the answer is current, so a
 * change the user just made reaches the page without a reload.
 */
export const UPDATING_POLL_MS = 1_000;
const whileUpdating = (query: { state: { data?: { freshness: { updating: boolean } } | undefined } }) => (query.state.data?.freshness.updating ? UPDATING_POLL_MS : false);

/** How many of each list the summary carries (the cards and the parts' first items). */
const SUMMARY_TOP = 5;

/** The whole network check, for pages that show a part of it beside their own data (the goals' coverage). */
export function useCheckReport() {
  return useQuery({ queryKey: queryKeys.check.report(), queryFn: () => unwrap(client.GET('/api/check')) });
}

/** What the check page shows first: every count and verdict, and the first items of each list (small whatever the map's size). */
export function useCheckSummary(goalId: string | null) {
  return useQuery(checkSummaryQuery(goalId));
}

/** The check's summary, for the page and for the prefetch as the check page's route is known (data/prefetch-route.ts). */
export function checkSummaryQuery(goalId: string | null) {
  return queryOptions({
    queryKey: queryKeys.check.summary(goalId),
    queryFn: () => unwrap(client.GET('/api/check/summary', { params: { query: { top: SUMMARY_TOP, ...(goalId ? { goalId } : {}) } } })),
    refetchInterval: whileUpdating,
  });
}

/** One page of one list of the check, from `offset`; `enabled` false asks nothing yet. */
export function checkPartPage(part: CheckPartName, goalId: string | null, offset: number, enabled: boolean) {
  return {
    queryKey: queryKeys.check.part(part, goalId, offset),
    queryFn: () => unwrap(client.GET('/api/check/parts/{part}', { params: { path: { part }, query: { offset, limit: PART_PAGE, ...(goalId ? { goalId } : {}) } } })),
    refetchInterval: whileUpdating,
    enabled,
  };
}

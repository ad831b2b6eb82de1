import type { CheckReport, Goal, Page } from '../types.js';
import { useApi } from '../use-api.js';

/**
 * The check page's data, in one place: the whole report (focused on a goal or not)
 * and the active goals to focus on. A paged or summary endpoint can replace it here.
 */
export function useCheck(goalId: string | null) {
  const report = useApi<CheckReport>(goalId ? `/api/check?goalId=${encodeURIComponent(goalId)}` : '/api/check');
  const goals = useApi<Page<Goal>>('/api/goals?status=active');
  return { report: report.data, error: report.error, goals: goals.data?.items ?? [] };
}

import { useEffect, useState } from 'react';
import { api } from '../api.js';
import type { CheckPart, CheckSummaryView } from '../../../src/core/check/parts.js';
import type { Goal, Page } from '../types.js';
import { useApi } from '../use-api.js';

export type { CheckPart, CheckSummaryView };

/** The most items one request of a part brings (the API's own limit). */
const PAGE = 1000;

const withGoal = (path: string, goalId: string | null, query: Record<string, number> = {}) => {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  if (goalId) params.set('goalId', goalId);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

/**
 * The check page's data: first the summary (every count and verdict, the first items
 * of each list: small whatever the map's size), and the active goals to focus on.
 * The lists themselves come part by part (useCheckPart), when opened.
 */
export function useCheck(goalId: string | null) {
  const summary = useApi<CheckSummaryView>(withGoal('/api/check/summary', goalId, { top: 5 }));
  const goals = useApi<Page<Goal>>('/api/goals?status=active');
  return { report: summary.data, error: summary.error, goals: goals.data?.items ?? [] };
}

export interface PartSource<T> {
  part: CheckPart;
  /** The first items, from the summary. */
  preview: readonly T[];
  /** How many there are in all. */
  total: number;
}

/**
 * Lists of the check, each read a page at a time while `wanted` is true, up to `upTo`
 * items a list (all by default). Until then, and if a read fails, the previews stand in.
 */
export function useCheckParts<T>(sources: readonly PartSource<T>[], goalId: string | null, wanted: boolean, upTo = Infinity): { lists: readonly (readonly T[])[]; loading: boolean; error: string | null } {
  const [loaded, setLoaded] = useState<{ key: string; lists: T[][] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `${goalId ?? ''}|${upTo}|${sources.map((s) => `${s.part}:${s.total}`).join(',')}`;
  const complete = sources.every((s) => s.preview.length >= Math.min(s.total, upTo));
  useEffect(() => {
    if (!wanted || complete || loaded?.key === key) return;
    let live = true;
    const readAll = async (source: PartSource<T>) => {
      const enough = Math.min(source.total, upTo);
      const items: T[] = [];
      while (items.length < enough) {
        const page = await api<{ items: T[]; total: number }>(withGoal(`/api/check/parts/${source.part}`, goalId, { offset: items.length, limit: Math.min(PAGE, enough - items.length) }));
        if (page.items.length === 0) break;
        items.push(...page.items);
      }
      return items;
    };
    Promise.all(sources.map(readAll))
      .then((lists) => live && (setLoaded({ key, lists }), setError(null)))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // The sources are read again only when what they name changes (the key: goal, limit, each part and
    // its total), not on every render, where the caller's array of sources is new each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, complete, key]);
  const have = loaded?.key === key ? loaded.lists : null;
  return { lists: have ?? sources.map((s) => s.preview), loading: wanted && !complete && have === null && error === null, error };
}

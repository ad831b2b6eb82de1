import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schema } from '../api/client.js';
import { checkPartPage, PART_PAGE, type CheckPartName } from '../data/check.js';
import { queryError } from '../data/query-state.js';

/** The check's summary as the page reads it (GET /api/check/summary). */
export type CheckSummaryView = Schema<'CheckSummaryView'>;

export interface PartSource<T> {
  part: CheckPartName;
  /** The first items, from the summary. */
  preview: readonly T[];
  /** How many there are in all. */
  total: number;
}

/**
 * Lists of the check, read a page of `PART_PAGE` at a time while `wanted` is true: first each list's
 * first page, then one page more of every list that has more each time `more` is called. Until a
 * list's first page arrives, and if a read fails, the summary's first items stand in; a list the
 * summary carries whole is not asked for at all. Pages are kept by the data layer under their own
 * keys, so the chart and a part that read the same list share them.
 */
export function useCheckParts<T>(sources: readonly PartSource<T>[], goalId: string | null, wanted: boolean) {
  // How many pages of each list are wanted, for this goal; back to one when the goal changes.
  const [asked, setAsked] = useState({ goalId, pages: 1 });
  const pages = asked.goalId === goalId ? asked.pages : 1;
  const pagesOf = (s: PartSource<T>) => (s.preview.length >= s.total ? 0 : Math.min(pages, Math.ceil(s.total / PART_PAGE)));
  const results = useQueries({ queries: sources.flatMap((s) => Array.from({ length: pagesOf(s) }, (_, p) => checkPartPage(s.part, goalId, p * PART_PAGE, wanted))) });
  // Where each list's pages start among the results.
  const starts = sources.map((_, i) => sources.slice(0, i).reduce((sum, s) => sum + pagesOf(s), 0));
  const lists = sources.map((s, i) => {
    const read = results.slice(starts[i], starts[i]! + pagesOf(s));
    if (read.length === 0 || !read[0]!.data) return s.preview;
    // The pages in order, up to the first not here yet.
    const here = read.findIndex((r) => !r.data);
    return read.slice(0, here === -1 ? read.length : here).flatMap((r) => r.data!.items as T[]);
  });
  const hasMore = wanted && sources.some((s, i) => lists[i]!.length < s.total && pagesOf(s) * PART_PAGE < s.total);
  return {
    lists,
    loading: wanted && results.some((r) => r.isPending),
    error: queryError(...results),
    hasMore,
    more: () => setAsked({ goalId, pages: pages + 1 }),
  };
}

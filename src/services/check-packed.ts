import { Buffer } from 'node:buffer';
import { CHECK_PARTS, partView, summariseCheck, type CheckPart, type CheckSummaryView, type Cut, type PartItem } from '../core/check/parts.js';
import { cutSummary } from '../core/check/summary-cut.js';
import type { CheckReport } from '../core/check/types.js';
import { suggestionQueues, type CandidateQueue, type SuggestionCandidate, type SuggestionSource } from '../core/plan.js';

/**
 * The network check as the server keeps it between changes: what the summary and the part
 * pages answer, and no more. At 30,000 people the whole report (its map, every finding
 * written out as objects, every goal's contributors) is hundreds of megabytes of heap, and
 * even its small parts took the main thread a second to receive from a worker as objects.
 * Kept like this it is the summary as JSON (as the default asks, and as the most a request
 * may ask, cut to what each asks) and each long list as its items' JSON end to end, an
 * item parsed only when a page shows it: byte buffers, copied once from the check's process.
 */

/** The route's default number of items per list in the summary, and the most a request may ask. */
export const SUMMARY_TOP = 5;
export const SUMMARY_MAX_TOP = 100;

/** One list: its items' JSON texts end to end, and where each ends (in bytes). */
export interface PackedList {
  json: Uint8Array;
  ends: Uint32Array;
}

export interface PackedCheck {
  /** summariseCheck's JSON at SUMMARY_TOP and at SUMMARY_MAX_TOP. */
  summary: Uint8Array;
  widestSummary: Uint8Array;
  lists: Record<CheckPart, PackedList>;
  /** What the plan's suggestions read: each source's queue, its ids as one JSON array and its candidates packed. */
  suggestions: PackedQueue[];
}

export interface PackedQueue {
  source: SuggestionSource;
  ids: Uint8Array;
  candidates: PackedList;
}

// TextEncoder gives each its own ArrayBuffer (not Buffer's shared pool), so that it crosses to the server alone.
const encode = (text: string) => new TextEncoder().encode(text);

function packList(items: readonly unknown[]): PackedList {
  const texts = items.map((item) => JSON.stringify(item));
  const ends = new Uint32Array(texts.length);
  let end = 0;
  texts.forEach((text, i) => {
    end += Buffer.byteLength(text);
    ends[i] = end;
  });
  return { json: encode(texts.join('')), ends };
}

/** What the server keeps of a report, in a form that crosses from the check's process. */
export function packCheck(report: CheckReport): PackedCheck {
  const lists = Object.fromEntries(
    CHECK_PARTS.map((part) => {
      const view = partView(report, part);
      return [part, packList(view.slice(0, view.total))];
    }),
  ) as Record<CheckPart, PackedList>;
  const suggestions = suggestionQueues(report).map(([source, items]) => ({ source, ids: encode(JSON.stringify(items.map((c) => c.id))), candidates: packList(items) }));
  return { summary: encode(JSON.stringify(summariseCheck(report, SUMMARY_TOP))), widestSummary: encode(JSON.stringify(summariseCheck(report, SUMMARY_MAX_TOP))), lists, suggestions };
}

const text = (bytes: Uint8Array, start = 0, end = bytes.byteLength) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);

/** The kept check: the summary with any number of items per list, and any page of any list. */
export class KeptParts {
  constructor(private readonly packed: PackedCheck) {}

  /** Read afresh each time: the route keeps what it sends of it, written out, with this check (server/check-answers.ts). */
  summary(top: number): CheckSummaryView {
    return top === SUMMARY_TOP ? (JSON.parse(text(this.packed.summary)) as CheckSummaryView) : cutSummary(JSON.parse(text(this.packed.widestSummary)) as CheckSummaryView, Math.min(top, SUMMARY_MAX_TOP));
  }

  /** One page of one list, in the report's order, and the list's length. */
  page(part: CheckPart, offset: number, limit: number): Cut<PartItem> {
    const list = this.packed.lists[part];
    const items: PartItem[] = [];
    for (let i = offset; i < Math.min(list.ends.length, offset + limit); i++) items.push(itemOf<PartItem>(list, i));
    return { items, total: list.ends.length };
  }

  private queues: CandidateQueue[] | null = null;

  /** The plan's candidates, source by source: the ids read once, each candidate when the suggestions reach it. */
  suggestionQueues(): CandidateQueue[] {
    this.queues ??= this.packed.suggestions.map(({ source, ids, candidates }) => {
      const idList = JSON.parse(text(ids)) as string[];
      return { source, length: idList.length, id: (i: number) => idList[i]!, candidate: (i: number) => itemOf<SuggestionCandidate>(candidates, i) };
    });
    return this.queues;
  }
}

function itemOf<T>({ json, ends }: PackedList, i: number): T {
  return JSON.parse(text(json, i === 0 ? 0 : ends[i - 1], ends[i])) as T;
}

import { Buffer } from 'node:buffer';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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
 *
 * The lists are zipped a block of items at a time (ITEMS_PER_BLOCK), in the check's process, and a
 * page unzips the block or two it shows. Kept as plain JSON they were 47 MB at 30,000 people, held
 * twice while a newer check arrived beside the one answering (and a third time while it was read
 * from the process's pipe): under a minute of mixed reads and writes the server's RSS rose to
 * 346 MB where the target is 300 (issue 15).
 */

/** The route's default number of items per list in the summary, and the most a request may ask. */
export const SUMMARY_TOP = 5;
export const SUMMARY_MAX_TOP = 100;

/** How many items' JSON are zipped together: a page of 50 unzips two or three blocks. */
const ITEMS_PER_BLOCK = 32;
/** zlib's level for the blocks: zipped where the check is worked out (a server's: in the check's own process, off the requests' thread). */
const BLOCK_LEVEL = 6;

/** One list: its items' JSON texts end to end, zipped ITEMS_PER_BLOCK items to a block, and where each item ends in its block's text (in bytes). */
export interface PackedList {
  blocks: Uint8Array[];
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
  const ends = new Uint32Array(items.length);
  const blocks: Uint8Array[] = [];
  for (let from = 0; from < items.length; from += ITEMS_PER_BLOCK) {
    const texts = items.slice(from, from + ITEMS_PER_BLOCK).map((item) => JSON.stringify(item));
    let end = 0;
    texts.forEach((text, i) => {
      end += Buffer.byteLength(text);
      ends[from + i] = end;
    });
    // Copied into an ArrayBuffer of its own, as `encode` gives: one that crosses to the server alone.
    blocks.push(new Uint8Array(deflateRawSync(texts.join(''), { level: BLOCK_LEVEL })));
  }
  return { blocks, ends };
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
    const read = itemsOf<PartItem>(list);
    const items: PartItem[] = [];
    for (let i = offset; i < Math.min(list.ends.length, offset + limit); i++) items.push(read(i));
    return { items, total: list.ends.length };
  }

  private queues: CandidateQueue[] | null = null;

  /** The plan's candidates, source by source: the ids read once, each candidate when the suggestions reach it. */
  suggestionQueues(): CandidateQueue[] {
    this.queues ??= this.packed.suggestions.map(({ source, ids, candidates }) => {
      const idList = JSON.parse(text(ids)) as string[];
      return { source, length: idList.length, id: (i: number) => idList[i]!, candidate: itemsOf<SuggestionCandidate>(candidates) };
    });
    return this.queues;
  }
}

/** A reader of a list's items by index, keeping the last block it unzipped: a page, or the plan walking a queue, reads on in one block. */
function itemsOf<T>({ blocks, ends }: PackedList): (i: number) => T {
  let at = -1;
  let block = Buffer.alloc(0);
  return (i) => {
    const wanted = Math.floor(i / ITEMS_PER_BLOCK);
    if (wanted !== at) {
      block = inflateRawSync(blocks[wanted]!);
      at = wanted;
    }
    return JSON.parse(block.toString('utf8', i % ITEMS_PER_BLOCK === 0 ? 0 : ends[i - 1], ends[i])) as T;
  };
}

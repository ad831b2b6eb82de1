import { Buffer } from 'node:buffer';
import { defineDecidedList } from '../core/check/decided-list.js';
import { CHECK_PARTS, partView, type CheckPart, type PartItem } from '../core/check/parts.js';
import { checkMapShape, withMapShape, type MapShape } from '../core/check/run-check.js';
import type { CheckReport } from '../core/check/types.js';

/**
 * The network check as the server keeps it between changes: what the summary and the part
 * pages answer from, and no more. At 30,000 people the whole report (its map, and every
 * finding written out as objects) is hundreds of megabytes of heap; kept like this it is the
 * report's small parts as they are (counts, verdicts, goals, diversity, transition, the
 * summary) and each long list as its items' JSON, one buffer per list, an item read back
 * (parsed) only when a page shows it.
 *
 * Made in the check's worker thread (`packCheck`) and sent to the main thread, whose
 * `unpackCheck` puts a report back together for `summariseCheck` and `checkPartPage`.
 */

/** One list: its items' JSON texts end to end, and where each ends (in bytes). */
export interface PackedList {
  json: Uint8Array;
  ends: Uint32Array;
}

/** The report less its map, its long lists left empty (they travel in `lists`). */
type ReportRest = Omit<CheckReport, 'map'>;

export interface PackedCheck {
  rest: ReportRest;
  lists: Record<CheckPart, PackedList>;
  mapShape: MapShape;
}

function packList(items: readonly PartItem[]): PackedList {
  const texts = items.map((item) => JSON.stringify(item));
  const ends = new Uint32Array(texts.length);
  let end = 0;
  texts.forEach((text, i) => {
    end += Buffer.byteLength(text);
    ends[i] = end;
  });
  // Its own ArrayBuffer (not Buffer's shared pool), so that it can be transferred.
  return { json: new TextEncoder().encode(texts.join('')), ends };
}

/** The parts of a report worth keeping, in a form that crosses threads (structured clone, the lists' buffers transferable). */
export function packCheck(report: CheckReport): PackedCheck {
  const rest: ReportRest = {
    quadrants: { maintain: [], strengthen: [], overInvested: [], letBe: [], totals: report.quadrants.totals },
    goals: report.goals,
    diversity: report.diversity,
    startHere: { items: [], message: report.startHere.message },
    reciprocity: { overall: report.reciprocity.overall, people: [], oneWay: [] },
    neglect: { overdue: [], fading: [], lostJobList: [] },
    weakTies: { items: [], message: report.weakTies.message },
    transition: report.transition,
    summary: report.summary,
  };
  const lists = Object.fromEntries(
    CHECK_PARTS.map((part) => {
      const view = partView(report, part);
      return [part, packList(view.slice(0, view.total))];
    }),
  ) as Record<CheckPart, PackedList>;
  return { rest, lists, mapShape: checkMapShape(report) };
}

/** The buffers of a packed check, to transfer rather than copy. */
export function packedBuffers(packed: PackedCheck): ArrayBuffer[] {
  return CHECK_PARTS.flatMap((part) => [packed.lists[part].json.buffer as ArrayBuffer, packed.lists[part].ends.buffer as ArrayBuffer]);
}

/** Where each part's list sits in the report (as partView reads it). */
function placeOf(report: ReportRest, part: CheckPart): { owner: object; key: string } {
  switch (part) {
    case 'maintain':
    case 'strengthen':
    case 'overInvested':
    case 'letBe':
      return { owner: report.quadrants, key: part };
    case 'startHere':
      return { owner: report.startHere, key: 'items' };
    case 'oneWay':
      return { owner: report.reciprocity, key: 'oneWay' };
    case 'balances':
      return { owner: report.reciprocity, key: 'people' };
    case 'overdue':
    case 'fading':
    case 'lostJobList':
      return { owner: report.neglect, key: part };
    case 'weakTies':
      return { owner: report.weakTies, key: 'items' };
  }
}

/**
 * The report back from its packed parts: each long list a decided list whose items are
 * parsed from their JSON when read, so a page reads its fifty and no more. It has no
 * map (reading `map` throws): the map is drawn from GET /api/map.
 */
export function unpackCheck(packed: PackedCheck): CheckReport {
  const { rest } = packed;
  for (const part of CHECK_PARTS) {
    const { json, ends } = packed.lists[part];
    const bytes = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
    const { owner, key } = placeOf(rest, part);
    const positions = Array.from(ends.keys());
    const read = (i: number): never => JSON.parse(bytes.toString('utf8', i === 0 ? 0 : ends[i - 1], ends[i])) as never;
    defineDecidedList(owner as Record<string, never[]>, key, positions, read);
  }
  const report = rest as CheckReport;
  Object.defineProperty(report, 'map', {
    enumerable: false,
    get: () => {
      throw new Error('The kept check holds no map: the map is read from GET /api/map');
    },
  });
  return withMapShape(report, packed.mapShape);
}

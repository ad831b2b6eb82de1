/**
 * The network check: one pure pass over a workspace's snapshot that answers the
 * questions a coach asks (PRODUCT.md, "The network check", parts 1–9).
 */
import { diversity } from './diversity.js';
import { goalCoverage } from './goal-coverage.js';
import { buildMap, mapSize } from './map.js';
import { neglect } from './neglect.js';
import { quadrants } from './quadrants.js';
import { reciprocity } from './reciprocity.js';
import { buildIndex, type CheckIndex } from './snapshot-index.js';
import { startHere } from './start-here.js';
import { summarise } from './summary.js';
import { transition } from './transition.js';
import type { CheckOptions, CheckReport, MapSnapshot, NetworkMap } from './types.js';
import { weakTies } from './weak-ties.js';

/**
 * Runs the whole network check. `options.goalId` focuses the goal-related parts on
 * one goal (any status); an unknown id is reported in `goals` and `transition`
 * while the rest covers the whole map.
 */
export function runCheck(snapshot: MapSnapshot, options: CheckOptions = {}): CheckReport {
  const built = buildIndex(snapshot, options.goalId ?? null);
  // Once the index has summed the journal, nothing reads the exchanges again: the parts, whose
  // findings are written when read (decided-list.ts), and the map keep the index without them.
  const lean: MapSnapshot = { ...snapshot, exchanges: [] };
  delete lean.journal;
  const index: CheckIndex = { ...built, snapshot: lean };
  const parts: Omit<CheckReport, 'summary' | 'map'> = {
    quadrants: quadrants(index),
    goals: goalCoverage(index),
    diversity: diversity(index),
    startHere: startHere(index),
    reciprocity: reciprocity(index),
    neglect: neglect(index),
    weakTies: weakTies(index),
    transition: transition(index),
  };
  const report = { map: null as unknown as NetworkMap, ...parts, summary: summarise(index, parts) };
  // The map is half the report (nodes and edges for every person, network and tie) and only
  // the map page draws it: it is built on first read, from what the index knew, and kept.
  let map: NetworkMap | null = null;
  Object.defineProperty(report, 'map', {
    enumerable: true,
    configurable: true,
    get: () => (map ??= buildMap(index)),
  });
  // The summary's counts of the map, worked out when first asked (by the summary, not by the analysis).
  let shape: MapShape | null = null;
  shapes.set(report, () => (shape ??= map ? { nodes: map.nodes.length, edges: map.edges.length, focusGoalId: map.focusGoalId } : { ...mapSize(index), focusGoalId: index.focusGoal?.id ?? null }));
  return report;
}

interface MapShape {
  nodes: number;
  edges: number;
  focusGoalId: string | null;
}
const shapes = new WeakMap<CheckReport, () => MapShape>();

/** The map's node and edge counts and focus, without building the map when the report has not yet. */
export function checkMapShape(report: CheckReport): MapShape {
  return shapes.get(report)?.() ?? { nodes: report.map.nodes.length, edges: report.map.edges.length, focusGoalId: report.map.focusGoalId };
}

/**
 * Only the map part of the check. The map reads no exchanges, so a caller may pass a
 * snapshot without them (the map page does: at 50,000 exchanges, reading them is most
 * of the cost). Equal to `runCheck(snapshot, options).map` (tested).
 */
export function egoMap(snapshot: MapSnapshot, options: CheckOptions = {}): NetworkMap {
  return buildMap(buildIndex(snapshot, options.goalId ?? null));
}

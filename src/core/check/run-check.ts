/**
 * The network check: one pure pass over a workspace's snapshot that answers the
 * questions a coach asks (PRODUCT.md, "The network check", parts 1–9).
 */
import { diversity } from './diversity.js';
import { goalCoverage } from './goal-coverage.js';
import { buildMap } from './map.js';
import { neglect } from './neglect.js';
import { quadrants } from './quadrants.js';
import { reciprocity } from './reciprocity.js';
import { buildIndex } from './snapshot-index.js';
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
  const index = buildIndex(snapshot, options.goalId ?? null);
  const report: Omit<CheckReport, 'summary'> = {
    map: buildMap(index),
    quadrants: quadrants(index),
    goals: goalCoverage(index),
    diversity: diversity(index),
    startHere: startHere(index),
    reciprocity: reciprocity(index),
    neglect: neglect(index),
    weakTies: weakTies(index),
    transition: transition(index),
  };
  return { ...report, summary: summarise(index, report) };
}

/**
 * Only the map part of the check. The map reads no exchanges, so a caller may pass a
 * snapshot without them (the map page does: at 50,000 exchanges, reading them is most
 * of the cost). Equal to `runCheck(snapshot, options).map` (tested).
 */
export function egoMap(snapshot: MapSnapshot, options: CheckOptions = {}): NetworkMap {
  return buildMap(buildIndex(snapshot, options.goalId ?? null));
}

import { describe, expect, it } from 'vitest';
import { generateLargeSnapshot } from '../../demo/generate-map.js';
import { summariseCheck } from './parts.js';
import { runCheck } from './run-check.js';
import { cutSummary } from './summary-cut.js';

describe('a summary cut to fewer items', () => {
  const snapshot = generateLargeSnapshot({ people: 600, networks: 40, goals: 6, exchanges: 1500, today: '2026-11-22', seed: 3 });
  const reports = {
    whole: runCheck(snapshot),
    'goal-focused': runCheck(snapshot, { goalId: snapshot.goals[0]!.id }),
  };
  it.each(Object.keys(reports) as (keyof typeof reports)[])('is the summary asked for with that many, on the %s map', (name) => {
    const report = reports[name];
    const widest = summariseCheck(report, 100);
    for (const top of [0, 1, 3, 5, 17, 100]) expect(cutSummary(widest, top)).toEqual(summariseCheck(report, top));
    // Lists longer than the cut were cut: the test does not pass for want of long lists.
    expect(widest.quadrants.maintain.total + widest.neglect.overdue.total).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from 'vitest';
import { buildGoal, buildNetwork, buildSnapshot } from './builders.js';
import { runCheck } from './run-check.js';

describe('the check summary', () => {
  it('says one hour in the singular, with its verb', () => {
    const snapshot = buildSnapshot({
      goals: [buildGoal({ id: 'g1', statement: 'Get into research' })],
      networks: [buildNetwork({ id: 'n1', name: 'Book Club', kind: 'other', strength: 4, importance: 0, hoursPerMonth: 1 })],
    });
    const headlines = runCheck(snapshot).summary.headlines;
    expect(headlines).toContain('1 hour a month goes to over-invested networks: time you could give to your goals.');
  });
});

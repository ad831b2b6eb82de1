import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageAfterExchange } from './stage-rules.js';
import { CHANNELS, INITIATORS, STAGES } from './vocabulary.js';

describe('stage after an exchange', () => {
  it('a first coffee turns "to meet" into "met"; my first email into "reached out"', () => {
    expect(stageAfterExchange('to-meet', 'coffee', 'me')).toBe('met');
    expect(stageAfterExchange('to-meet', 'email', 'me')).toBe('reached-out');
    expect(stageAfterExchange('reached-out', 'email', 'them')).toBe('met');
    expect(stageAfterExchange('dormant', 'email', 'me')).toBe('in-touch');
  });

  it('never moves a relationship backwards from met onwards', () => {
    const order = ['to-meet', 'reached-out', 'met', 'in-touch', 'call-any-time'];
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), fc.constantFrom(...CHANNELS), fc.constantFrom(...INITIATORS), (stage, channel, who) => {
        const next = stageAfterExchange(stage, channel, who);
        if (stage !== 'dormant') expect(order.indexOf(next)).toBeGreaterThanOrEqual(order.indexOf(stage));
        expect(next).not.toBe('dormant');
      }),
    );
  });
});

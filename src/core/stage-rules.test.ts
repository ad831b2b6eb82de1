import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageAfterExchange, stageWithoutExchange, type StageStep } from './stage-rules.js';
import type { Channel, Initiator, Stage } from './vocabulary.js';
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

/** Logs exchanges one after the other from a stage, recording each step as the service does. */
function logAll(start: Stage, exchanges: readonly [Channel, Initiator][]): { stage: Stage; steps: StageStep[] } {
  let stage = start;
  const steps: StageStep[] = exchanges.map(([channel, initiatedBy], i) => {
    const before = stage;
    stage = stageAfterExchange(before, channel, initiatedBy);
    return { exchangeId: `ex_${i}`, channel, initiatedBy, stageBefore: before, stageAfter: stage };
  });
  return { stage, steps };
}

describe('the stage once an exchange is removed', () => {
  it('a first coffee that turned "to meet" into "met" goes back to "to meet" when removed', () => {
    const { stage, steps } = logAll('to-meet', [['coffee', 'me']]);
    expect(stage).toBe('met');
    expect(stageWithoutExchange(stage, steps, 'ex_0')).toEqual({ stage: 'to-meet', rewritten: [] });
  });

  it('replays the rest: without the first email, the later coffee is what moved "to meet" to "met"', () => {
    const { stage, steps } = logAll('to-meet', [
      ['email', 'me'],
      ['coffee', 'me'],
    ]);
    const undone = stageWithoutExchange(stage, steps, 'ex_0');
    expect(undone).toEqual({ stage: 'met', rewritten: [{ exchangeId: 'ex_1', stageBefore: 'to-meet', stageAfter: 'met' }] });
    // And with the rewritten record, removing the coffee too goes all the way back.
    const remaining = [{ ...steps[1]!, ...undone.rewritten[0]! }];
    expect(stageWithoutExchange(undone.stage, remaining, 'ex_1').stage).toBe('to-meet');
  });

  it('does not undo a stage the user set by hand after the exchange', () => {
    const { steps } = logAll('to-meet', [['coffee', 'me']]);
    // The coffee made them "met"; then the user judged them "in touch".
    expect(stageWithoutExchange('in-touch', steps, 'ex_0')).toEqual({ stage: 'in-touch', rewritten: [] });
  });

  it('does not undo what came before a hand-set stage, but does undo what came after it', () => {
    const first = logAll('to-meet', [['coffee', 'me']]).steps;
    // Set by hand to dormant, then an email brought them back in touch.
    const second = logAll('dormant', [['email', 'me']]).steps.map((s) => ({ ...s, exchangeId: 'ex_later' }));
    const steps = [...first, ...second];
    expect(stageWithoutExchange('in-touch', steps, 'ex_0').stage).toBe('in-touch');
    expect(stageWithoutExchange('in-touch', steps, 'ex_later').stage).toBe('dormant');
  });

  it('leaves the stage alone for an exchange with no record (logged before stages were recorded)', () => {
    const steps: StageStep[] = [{ exchangeId: 'ex_old', channel: 'coffee', initiatedBy: 'me', stageBefore: null, stageAfter: null }];
    expect(stageWithoutExchange('met', steps, 'ex_old').stage).toBe('met');
  });

  it('is the stage of logging every other exchange, for any run of exchanges without hand-set stages', () => {
    const exchange = fc.tuple(fc.constantFrom(...CHANNELS), fc.constantFrom(...INITIATORS));
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), fc.array(exchange, { minLength: 1, maxLength: 6 }), fc.nat(), (start, exchanges, pick) => {
        const removed = pick % exchanges.length;
        const { stage, steps } = logAll(start, exchanges);
        const without = logAll(
          start,
          exchanges.filter((_, i) => i !== removed),
        );
        expect(stageWithoutExchange(stage, steps, `ex_${removed}`).stage).toBe(without.stage);
      }),
    );
  });
});

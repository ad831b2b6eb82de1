import { describe, expect, it } from 'vitest';
import { buildExchange, buildGoal, buildLink, buildPerson, buildSnapshot } from './builders.js';
import { runCheck } from './run-check.js';

const likeable = { knowAndLike: true, canHelp: true } as const;

describe('start here', () => {
  it('keeps only people you know and like who can help, and leaves dormant ties out', () => {
    const s = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'both', ...likeable }),
          buildPerson({ id: 'like', knowAndLike: true }),
          buildPerson({ id: 'help', canHelp: true }),
          buildPerson({ id: 'asleep', ...likeable, stage: 'dormant' }),
        ],
      }),
    ).startHere;
    expect(s.items.map((i) => i.id)).toEqual(['both']);
    expect(s.message).toBeNull();
  });

  it('orders by importance, then strength, then the most recent exchange', () => {
    const s = runCheck(
      buildSnapshot({
        people: [
          buildPerson({ id: 'a', ...likeable, importance: 3, strength: 5 }),
          buildPerson({ id: 'b', ...likeable, importance: 5, strength: 1 }),
          buildPerson({ id: 'c', ...likeable, importance: 3, strength: 4 }),
          buildPerson({ id: 'd', ...likeable, importance: 3, strength: 4 }),
          buildPerson({ id: 'e', ...likeable, importance: 3, strength: 4 }),
        ],
        exchanges: [
          buildExchange({ id: 'x1', occurredOn: '2026-10-01', personIds: ['d'] }),
          buildExchange({ id: 'x2', occurredOn: '2026-11-01', personIds: ['e'] }),
        ],
      }),
    ).startHere;
    expect(s.items.map((i) => i.id)).toEqual(['b', 'a', 'e', 'd', 'c']);
    expect(s.items[2]?.why.facts).toMatchObject({ importance: 3, strength: 4, lastExchangeOn: '2026-11-01', daysSinceLastExchange: 21 });
  });

  it('says why and suggests a first step in their channel, naming what they can help with', () => {
    const s = runCheck(
      buildSnapshot({
        goals: [buildGoal({ id: 'g1', statement: 'move into research' })],
        goalLinks: [buildLink('g1', 'person', 'p1', 4)],
        people: [buildPerson({ id: 'p1', name: 'Ada Chen', ...likeable, canHelpHow: 'grant writing', preferredChannel: 'call' })],
      }),
    ).startHere;
    expect(s.items[0]?.why.text).toBe('You know and like Ada Chen and they can help (grant writing); importance 1/5, strength 1/5, no exchange recorded yet.');
    expect(s.items[0]?.next).toBe('Ask for a 20-minute call: tell them about your goal "move into research" and ask for their help (you noted: grant writing).');
  });

  it('with a focused goal keeps only people linked to it, most relevant first', () => {
    const snapshot = buildSnapshot({
      goals: [buildGoal({ id: 'g1' }), buildGoal({ id: 'g2' })],
      goalLinks: [buildLink('g1', 'person', 'a', 2), buildLink('g1', 'person', 'b', 5), buildLink('g2', 'person', 'c', 5)],
      people: [buildPerson({ id: 'a', ...likeable, importance: 5 }), buildPerson({ id: 'b', ...likeable }), buildPerson({ id: 'c', ...likeable })],
    });
    expect(runCheck(snapshot, { goalId: 'g1' }).startHere.items.map((i) => i.id)).toEqual(['b', 'a']);
    expect(runCheck(snapshot).startHere.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('explains an empty list', () => {
    expect(runCheck(buildSnapshot()).startHere.message).toMatch(/^Mark the people you know and like/);
    const dormant = buildSnapshot({ people: [buildPerson({ id: 'p', ...likeable, stage: 'dormant' })] });
    expect(runCheck(dormant).startHere.message).toMatch(/all dormant/);
    const unlinked = buildSnapshot({ goals: [buildGoal({ id: 'g1', statement: 'teach' })], people: [buildPerson({ id: 'p', ...likeable })] });
    expect(runCheck(unlinked, { goalId: 'g1' }).startHere.message).toBe(
      'None of the people you know and like who can help is linked to your goal "teach" yet; link the ones who could help with it.',
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGoal, buildLink, buildNetwork, buildPerson, buildSnapshot } from './builders.js';
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

  it('gives each headline as a card with one action: an item opens, a part of the check is pointed to', () => {
    const snapshot = buildSnapshot({
      goals: [buildGoal({ id: 'g1', statement: 'lead a team' })],
      people: [buildPerson({ id: 'p1', name: 'Ada', knowAndLike: true, canHelp: true, strength: 4, importance: 4, nextContactOn: '2026-11-01', nextContactSetOn: '2026-10-01' })],
      networks: [buildNetwork({ id: 'n1', name: 'Rowing club', strength: 5, importance: 1, hoursPerMonth: 10 })],
      goalLinks: [buildLink('g1', 'person', 'p1', 5)],
    });
    const { cards, headlines } = runCheck(snapshot).summary;
    expect(cards.map((c) => c.text)).toEqual(headlines);
    expect(cards.map((c) => c.code).slice(0, 4)).toEqual(['start-here', 'overdue', 'goal-thin', 'over-invested']);
    expect(cards[0]).toMatchObject({ action: 'Open Ada', target: { kind: 'person', id: 'p1', name: 'Ada' } });
    expect(cards[2]!.target).toEqual({ kind: 'section', section: 'goals' });
    expect(cards[3]!.target).toEqual({ kind: 'section', section: 'quadrants' });
  });

  it('on an empty map, the first card is adding a person, the second adding a goal', () => {
    const { cards } = runCheck(buildSnapshot({})).summary;
    expect(cards.map((c) => [c.code, c.action])).toEqual([
      ['empty-map', 'Add a person'],
      ['no-goals', 'Add a goal'],
    ]);
  });

  it('never gives more than six cards, never an empty sentence or action, and the headlines are the cards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ strength: fc.integer({ min: 0, max: 5 }), importance: fc.integer({ min: 0, max: 5 }), knowAndLike: fc.boolean(), canHelp: fc.boolean(), linked: fc.boolean() }), { maxLength: 12 }),
        fc.array(fc.record({ strength: fc.integer({ min: 0, max: 5 }), importance: fc.integer({ min: 0, max: 5 }), hoursPerMonth: fc.integer({ min: 0, max: 20 }) }), { maxLength: 4 }),
        fc.boolean(),
        (people, networks, withGoal) => {
          const snapshot = buildSnapshot({
            goals: withGoal ? [buildGoal({ id: 'g1', statement: 'lead a team' })] : [],
            people: people.map((p, i) => buildPerson({ id: `p${i}`, name: `Person ${i}`, strength: p.strength, importance: p.importance, knowAndLike: p.knowAndLike, canHelp: p.canHelp })),
            networks: networks.map((n, i) => buildNetwork({ id: `n${i}`, name: `Network ${i}`, ...n })),
            goalLinks: withGoal ? people.flatMap((p, i) => (p.linked ? [buildLink('g1', 'person', `p${i}`, 4)] : [])) : [],
          });
          const { cards, headlines } = runCheck(snapshot).summary;
          expect(cards.length).toBeLessThanOrEqual(6);
          expect(cards.map((c) => c.text)).toEqual(headlines);
          for (const card of cards) {
            expect(card.text.trim()).not.toBe('');
            expect(card.action.trim()).not.toBe('');
            if (card.target.kind === 'person') expect(snapshot.people.some((p) => p.id === (card.target as { id: string }).id)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { buildGoal, buildIntroduction, buildLink, buildMembership, buildNetwork, buildPerson, buildSnapshot, buildTie } from './builders.js';
import { decodeMap, EDGE_STRIDE, encodeMap, NO_WORD } from './compact-map.js';
import { egoMap } from './run-check.js';
import { generateLargeSnapshot } from '../../demo/generate-map.js';

// Every kind of node and edge: me, people with and without a category, a network with a role and
// hours, a repeated membership and a tie both ways round, a tie to oneself, and the three kinds of
// introduction (one from someone not on the map, which the map leaves out).
const odd = buildSnapshot({
  profile: { name: 'Sam', workingOn: null },
  people: [
    buildPerson({ id: 'p1', name: 'Ada', strength: 5, importance: 4, category: 'leader-in-field' }),
    buildPerson({ id: 'p2', name: 'Ben', strength: 0, importance: 2 }),
    buildPerson({ id: 'p3', name: 'Cy "the third"', strength: 2, importance: 1 }),
  ],
  networks: [buildNetwork({ id: 'n1', name: 'Royal College', kind: 'professional-body', strength: 2, importance: 5, hoursPerMonth: 3 })],
  memberships: [buildMembership('p1', 'n1'), buildMembership('p1', 'n1'), buildMembership('ghost', 'n1')],
  ties: [buildTie('p2', 'p1', 3), { personAId: 'p2', personBId: 'p1', strength: 3, note: null }, buildTie('p1', 'p1')],
  goals: [buildGoal({ id: 'g1' }), buildGoal({ id: 'g2' })],
  goalLinks: [buildLink('g1', 'person', 'p1', 2), buildLink('g2', 'person', 'p1', 5), buildLink('g1', 'network', 'n1', 4)],
  introductions: [
    buildIntroduction({ id: 'i1', byId: 'p1', personId: 'p2', toId: null }),
    buildIntroduction({ id: 'i2', byId: null, personId: 'p3', toId: 'p1' }),
    buildIntroduction({ id: 'i3', byId: 'p1', personId: 'p2', toId: 'p3' }),
    buildIntroduction({ id: 'i4', byId: 'p1', personId: 'ghost', toId: null }),
  ],
});

describe('the compact map', () => {
  it('decodes to the very map it was made from, node for node and edge for edge', () => {
    const map = egoMap(odd);
    expect(map.edges.some((e) => e.kind === 'introduction')).toBe(true);
    expect(decodeMap(encodeMap(map))).toEqual(map);
    // An empty map: only me.
    const empty = egoMap(buildSnapshot());
    expect(decodeMap(encodeMap(empty))).toEqual(empty);
  });

  it('round-trips generated maps, with a focused goal too', () => {
    for (const seed of [3, 11]) {
      const snapshot = generateLargeSnapshot({ people: 400, networks: 30, goals: 5, exchanges: 0, today: '2026-11-22', seed });
      const map = egoMap(snapshot);
      expect(decodeMap(encodeMap(map))).toEqual(map);
      const focused = egoMap(snapshot, { goalId: snapshot.goals[0]!.id });
      expect(decodeMap(encodeMap(focused))).toEqual(focused);
    }
  });

  it('writes each repeated word once and names the ends of edges by place', () => {
    const map = egoMap(odd);
    const compact = encodeMap(map);
    expect(new Set(compact.words).size).toBe(compact.words.length);
    expect(compact.words).toContain('leader-in-field');
    expect(compact.edges.length).toBe(map.edges.length * EDGE_STRIDE);
    const ada = map.nodes.findIndex((n) => n.id === 'p1');
    const college = map.nodes.findIndex((n) => n.id === 'n1');
    const membership = map.edges.findIndex((e) => e.kind === 'membership');
    expect(compact.edges.slice(membership * EDGE_STRIDE, membership * EDGE_STRIDE + 3)).toEqual([compact.words.indexOf('membership'), ada, college]);
    // A person has no network kind, me no category: no word.
    expect(compact.nodes.networkKinds[ada]).toBe(NO_WORD);
    expect(compact.nodes.categories[0]).toBe(NO_WORD);
    expect(compact.introductions.ids).toEqual(map.edges.filter((e) => e.kind === 'introduction').map((e) => e.key.replace('introduction:', '')));
  });

  it('is much smaller than the map it encodes', () => {
    const map = egoMap(generateLargeSnapshot({ people: 2000, networks: 100, goals: 10, exchanges: 0, today: '2026-11-22', seed: 7 }));
    expect(JSON.stringify(encodeMap(map)).length).toBeLessThan(JSON.stringify(map).length / 3);
  });
});

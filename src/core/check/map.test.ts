import { describe, expect, it } from 'vitest';
import { buildGoal, buildIntroduction, buildLink, buildMembership, buildNetwork, buildPerson, buildSnapshot, buildTie } from './builders.js';
import { ME_KEY, ringForStrength } from './map.js';
import { checkMapShape, egoMap, runCheck } from './run-check.js';
import { generateLargeSnapshot } from '../../demo/generate-map.js';

describe('ringForStrength', () => {
  it('puts strength 5 innermost and 0–1 outermost', () => {
    expect([5, 4, 3, 2, 1, 0].map(ringForStrength)).toEqual([1, 2, 3, 4, 5, 5]);
  });
  it('clamps and rounds odd values instead of producing odd rings', () => {
    expect(ringForStrength(7)).toBe(1);
    expect(ringForStrength(-2)).toBe(5);
    expect(ringForStrength(Number.NaN)).toBe(5);
    expect(ringForStrength(3.6)).toBe(2);
  });
});

describe('map', () => {
  const snapshot = buildSnapshot({
    profile: { name: 'Sam', workingOn: null },
    people: [
      buildPerson({ id: 'p1', name: 'Ada', strength: 5, importance: 4, category: 'leader-in-field' }),
      buildPerson({ id: 'p2', name: 'Ben', strength: 0, importance: 2 }),
      buildPerson({ id: 'p3', name: 'Cy', strength: 2, importance: 1 }),
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
  const map = runCheck(snapshot).map;
  const node = (key: string) => map.nodes.find((n) => n.key === key);

  it('has me at the centre and every person and network as a node', () => {
    expect(map.nodes.map((n) => n.key)).toEqual([ME_KEY, 'person:p1', 'person:p2', 'person:p3', 'network:n1']);
    expect(node(ME_KEY)).toMatchObject({ kind: 'me', label: 'Sam', ring: 0, goalIds: ['g1', 'g2'] });
  });

  it('places nodes on rings by strength and sizes them by importance', () => {
    expect(node('person:p1')).toMatchObject({ ring: 1, size: 4, category: 'leader-in-field', colourKey: 'leader-in-field', quadrant: 'maintain' });
    expect(node('person:p2')).toMatchObject({ ring: 5, size: 2, colourKey: 'uncategorised' });
    expect(node('network:n1')).toMatchObject({ ring: 4, size: 5, networkKind: 'professional-body', hoursPerMonth: 3, role: 'member' });
  });

  it('lists the goals a node serves, most relevant first', () => {
    expect(node('person:p1')).toMatchObject({ goalIds: ['g2', 'g1'], relevance: 5 });
    expect(node('person:p3')?.goalIds).toEqual([]);
  });

  it('draws a tie from me only where there is one (strength ≥ 1)', () => {
    const mine = map.edges.filter((e) => e.source === ME_KEY && e.kind !== 'introduction').map((e) => e.target);
    expect(mine).toEqual(['person:p1', 'person:p3', 'network:n1']);
  });

  it('draws memberships and person-to-person ties once, skipping self-ties and unknown people', () => {
    expect(map.edges.filter((e) => e.kind === 'membership')).toEqual([
      expect.objectContaining({ source: 'person:p1', target: 'network:n1', role: 'member', directed: false }),
    ]);
    expect(map.edges.filter((e) => e.kind === 'person-person')).toEqual([
      expect.objectContaining({ source: 'person:p1', target: 'person:p2', weight: 3 }),
    ]);
  });

  it('draws introductions with their kind and who made them', () => {
    const intros = map.edges.filter((e) => e.kind === 'introduction');
    expect(intros.map((e) => [e.key, e.source, e.target, e.introductionKind, e.introducedBy])).toEqual([
      ['introduction:i1', 'person:p2', ME_KEY, 'introduced-to-me', 'person:p1'],
      ['introduction:i2', 'person:p3', 'person:p1', 'introduced-by-me', ME_KEY],
      ['introduction:i3', 'person:p2', 'person:p3', 'between-others', 'person:p1'],
    ]);
    expect(intros.every((e) => e.directed)).toBe(true);
  });

  it('has unique edge keys and only edges between existing nodes', () => {
    const keys = new Set(map.nodes.map((n) => n.key));
    expect(new Set(map.edges.map((e) => e.key)).size).toBe(map.edges.length);
    for (const e of map.edges) {
      expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
    }
  });

  it('documents its rings', () => {
    expect(map.rings.map((r) => r.ring)).toEqual([1, 2, 3, 4, 5]);
    expect(map.rings[4]?.strengths).toEqual([1, 0]);
  });

  it('names the user "Me" when there is no profile name', () => {
    expect(runCheck(buildSnapshot()).map.nodes).toEqual([expect.objectContaining({ key: ME_KEY, label: 'Me' })]);
  });
});

describe('the map on its own', () => {
  it('is the check’s map, even when the exchanges are left out', () => {
    for (const seed of [1, 2, 3]) {
      const snapshot = generateLargeSnapshot({ people: 300, networks: 20, goals: 4, exchanges: 2000, today: '2026-11-22', seed });
      expect(egoMap({ ...snapshot, exchanges: [] })).toEqual(runCheck(snapshot).map);
      const goalId = snapshot.goals[0]!.id;
      expect(egoMap({ ...snapshot, exchanges: [] }, { goalId })).toEqual(runCheck(snapshot, { goalId }).map);
    }
  });
});

describe('the map built on first read', () => {
  // The snapshot the summary's counts must agree on even where the edges are odd:
  // a membership and a tie stored twice, a tie to oneself, introductions to oneself,
  // to or by someone unknown, and the same introduction twice.
  const odd = buildSnapshot({
    people: [buildPerson({ id: 'p1', strength: 3 }), buildPerson({ id: 'p2', strength: 0 }), buildPerson({ id: 'p3', strength: 5 })],
    networks: [buildNetwork({ id: 'n1', strength: 2 }), buildNetwork({ id: 'n2', strength: 0 })],
    memberships: [buildMembership('p1', 'n1'), buildMembership('p1', 'n1'), buildMembership('p2', 'n2'), buildMembership('ghost', 'n1')],
    ties: [buildTie('p1', 'p2'), buildTie('p2', 'p1'), buildTie('p3', 'p3'), buildTie('p1', 'ghost')],
    introductions: [
      buildIntroduction({ id: 'i1', personId: 'p1', toId: 'p2', byId: 'p3' }),
      buildIntroduction({ id: 'i1', personId: 'p1', toId: 'p2', byId: 'p3' }),
      buildIntroduction({ id: 'i2', personId: 'p2', toId: 'p2' }),
      buildIntroduction({ id: 'i3', personId: 'p3', byId: 'ghost' }),
      buildIntroduction({ id: 'i4', personId: 'ghost' }),
      buildIntroduction({ id: 'i5', personId: 'p3' }),
    ],
  });

  it('counts nodes and edges for the summary exactly as the built map has them, before it is built', () => {
    const generated = generateLargeSnapshot({ people: 300, networks: 20, goals: 4, exchanges: 2000, today: '2026-11-22', seed: 5 });
    for (const snapshot of [odd, generated, buildSnapshot()]) {
      const shape = checkMapShape(runCheck(snapshot));
      const map = egoMap(snapshot);
      expect(shape).toEqual({ nodes: map.nodes.length, edges: map.edges.length, focusGoalId: null });
    }
    expect(egoMap(odd).edges.map((e) => e.key)).toEqual([
      'me~person:p1',
      'me~person:p3',
      'me~network:n1',
      'person:p1~network:n1',
      'person:p2~network:n2',
      'person:p1~person:p2',
      'introduction:i1',
      'introduction:i5',
    ]);
  });

  it('is the same map whether read first, last or twice, and goes into JSON', () => {
    const report = runCheck(odd);
    const json = JSON.parse(JSON.stringify(report)) as { map: unknown };
    expect(json.map).toEqual(egoMap(odd));
    expect(report.map).toBe(report.map);
    expect({ ...report }.map).toEqual(egoMap(odd));
    // Asked after the map was built, the counts are the built map's.
    expect(checkMapShape(report)).toEqual({ nodes: report.map.nodes.length, edges: report.map.edges.length, focusGoalId: null });
  });
});

describe('the map by need', () => {
  it('tells each node which needs of which goals it serves, for colouring the map by need', () => {
    const goal = buildGoal({ id: 'g1', needs: [{ id: 'need_1', name: 'funding', essential: true }, { id: 'need_2', name: 'statistics', essential: false }] });
    const report = runCheck(
      buildSnapshot({
        people: [buildPerson({ id: 'p1', strength: 3 }), buildPerson({ id: 'p2', strength: 1 })],
        networks: [buildNetwork({ id: 'n1', strength: 2 })],
        goals: [goal],
        goalLinks: [buildLink('g1', 'person', 'p1', 4, ['need_2', 'need_1']), buildLink('g1', 'person', 'p2', 3), buildLink('g1', 'network', 'n1', 3, ['need_2'])],
      }),
    );
    const needs = new Map(report.map.nodes.map((n) => [n.key, n.needs]));
    expect(needs.get('person:p1')).toEqual(['g1/need_2', 'g1/need_1']);
    expect(needs.get('person:p2')).toEqual([]);
    expect(needs.get('network:n1')).toEqual(['g1/need_2']);
    expect(needs.get(ME_KEY)).toEqual([]);
  });
});

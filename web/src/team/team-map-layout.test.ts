import { describe, expect, it } from 'vitest';
import { teamMapOf } from '../../../src/core/team/map.js';
import { mergeTeam } from '../../../src/core/team/merge.js';
import { layoutTeamMap, TEAM_RADII } from './team-map-layout.js';

const map = teamMapOf(
  mergeTeam({
    members: [
      { id: 'ada', name: 'Ada', role: 'lead' },
      { id: 'ben', name: 'Ben', role: 'member' },
    ],
    networks: [
      { memberId: 'ada', itemId: 'n1', name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 4, hoursPerMonth: 3 },
      { memberId: 'ben', itemId: 'n2', name: 'Physio Society', kind: 'professional-body', role: 'member', strength: 2, hoursPerMonth: 1 },
      { memberId: 'ben', itemId: 'n3', name: 'Data Meetup', kind: 'interest-group', role: 'organiser', strength: 5, hoursPerMonth: 4 },
    ],
    people: [
      { memberId: 'ada', itemId: 'p1', name: 'Ana Silva', organisation: null, category: 'leader-in-field', strength: 4, identity: { emailKeys: [], profiles: [] }, networkItemIds: [] },
      { memberId: 'ada', itemId: 'p2', name: 'Rui Costa', organisation: null, category: null, strength: 2, identity: { emailKeys: [], profiles: [] }, networkItemIds: [] },
    ],
    goals: [],
  }),
);

describe('the team map layout', () => {
  const { nodes, legend } = layoutTeamMap(map);
  const at = (label: string) => nodes.find((n) => n.label === label)!;
  const radius = (label: string) => Math.hypot(at(label).x, at(label).y);

  it('puts members on the inner circle, networks and people on rings outside it, shared items nearer the hubs', () => {
    expect(radius('Ada')).toBeCloseTo(TEAM_RADII.member);
    expect(radius('Data Meetup')).toBeCloseTo(TEAM_RADII.network);
    expect(radius('Physio Society')).toBeLessThan(TEAM_RADII.network);
    expect(radius('Physio Society')).toBeGreaterThan(TEAM_RADII.member);
    expect(radius('Ana Silva')).toBeCloseTo(TEAM_RADII.person);
  });

  it('places what one member alone reaches on their side', () => {
    const side = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    expect(side('Data Meetup', 'Ben')).toBeLessThan(side('Data Meetup', 'Ada'));
    expect(side('Ana Silva', 'Ada')).toBeLessThan(side('Ana Silva', 'Ben'));
    // Two people hanging from one member do not sit on one another.
    expect(side('Ana Silva', 'Rui Costa')).toBeGreaterThan(10);
  });

  it('is the same every time, and its legend counts every group drawn', () => {
    expect(layoutTeamMap(map)).toEqual({ nodes, legend });
    expect(legend.map((l) => [l.kind, l.group, l.count])).toEqual([
      ['member', 'member', 2],
      ['network', 'professional-body', 1],
      ['network', 'interest-group', 1],
      ['person', 'leader-in-field', 1],
      ['person', 'uncategorised', 1],
    ]);
    expect(legend.reduce((sum, l) => sum + l.count, 0)).toBe(nodes.length);
  });
});

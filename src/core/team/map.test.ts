import { describe, expect, it } from 'vitest';
import { teamMapOf } from './map.js';
import { mergeTeam } from './merge.js';
import type { TeamSnapshot } from './types.js';

/* The team map holds members as hubs and only what the graph holds: merged networks and people, once each. */

const snapshot: TeamSnapshot = {
  members: [
    { id: 'ada', name: 'Ada', role: 'lead' },
    { id: 'ben', name: 'Ben', role: 'member' },
  ],
  networks: [
    { memberId: 'ada', itemId: 'n1', name: 'Physio Society', kind: 'professional-body', role: 'committee', strength: 4, hoursPerMonth: 3 },
    { memberId: 'ben', itemId: 'n2', name: 'physio society', kind: 'professional-body', role: 'member', strength: 2, hoursPerMonth: 1 },
    { memberId: 'ben', itemId: 'n3', name: 'Grant Circle', kind: 'research-network', role: 'want-to-join', strength: 0, hoursPerMonth: 0 },
  ],
  people: [
    { memberId: 'ada', itemId: 'p1', name: 'Ana Silva', organisation: 'Hospital Norte', category: 'leader-in-field', strength: 4, identity: { emailKeys: ['k'], profiles: [] }, networkItemIds: ['n1'] },
    { memberId: 'ben', itemId: 'p2', name: 'Ana M. Silva', organisation: null, category: null, strength: 2, identity: { emailKeys: ['k'], profiles: [] }, networkItemIds: [] },
  ],
  goals: [],
};

describe('the team map', () => {
  const map = teamMapOf(mergeTeam(snapshot));
  const byLabel = (label: string) => map.nodes.find((n) => n.label === label)!;

  it('has each member as a hub, and each network and person once however many members share them', () => {
    expect(map.nodes.map((n) => [n.kind, n.label]).sort()).toEqual([
      ['member', 'Ada'],
      ['member', 'Ben'],
      ['network', 'Grant Circle'],
      ['network', 'Physio Society'],
      ['person', 'Ana Silva'],
    ]);
    expect(byLabel('Physio Society')).toMatchObject({ reach: 2, strongestTie: 4, networkKind: 'professional-body' });
    expect(byLabel('Ana Silva')).toMatchObject({ reach: 2, strongestTie: 4, category: 'leader-in-field', organisation: 'Hospital Norte' });
  });

  it('ties members to what they reach (not a network they only want to join) and people to their networks', () => {
    const label = new Map(map.nodes.map((n) => [n.id, n.label]));
    const edges = map.edges.map((e) => `${label.get(e.source)} – ${label.get(e.target)}${e.role ? ` (${e.role})` : ''}`).sort();
    expect(edges).toEqual(['Ada – Ana Silva', 'Ada – Physio Society (committee)', 'Ana Silva – Physio Society', 'Ben – Ana Silva', 'Ben – Physio Society (member)']);
    expect(byLabel('Grant Circle').reach).toBe(0);
    expect(byLabel('Ben').reach).toBe(2);
  });

  it('is empty but for the members when nothing is shared', () => {
    const bare = teamMapOf(mergeTeam({ ...snapshot, networks: [], people: [] }));
    expect(bare.nodes.map((n) => n.kind)).toEqual(['member', 'member']);
    expect(bare.edges).toEqual([]);
  });
});

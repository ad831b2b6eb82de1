import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { introductionPaths } from './introductions.js';
import { mergeTeam } from './merge.js';
import { runTeamCheck } from './check.js';
import type { SharedNetwork, SharedPerson, TeamSnapshot } from './types.js';

/*
 * A small hand-built team with known answers. Five members: Ada and Ben in the Physio
 * Society, Cy and Dee in the Data Meetup, and Eve in both (the broker between the two
 * clusters). Only Ada is in the Grant Writers Circle, which the grant goal needs (a
 * single point of failure). Nobody shares anyone from an unrelated industry (a
 * missing category). Lia Chen at Uni Lisboa is known well by Cy (the best path).
 */

const members = [
  { id: 'ada', name: 'Ada', role: 'lead' as const },
  { id: 'ben', name: 'Ben', role: 'member' as const },
  { id: 'cy', name: 'Cy', role: 'member' as const },
  { id: 'dee', name: 'Dee', role: 'member' as const },
  { id: 'eve', name: 'Eve', role: 'member' as const },
];
const net = (memberId: string, itemId: string, name: string, kind: SharedNetwork['kind'], strength = 3, role: SharedNetwork['role'] = 'member'): SharedNetwork => ({ memberId, itemId, name, kind, role, strength, hoursPerMonth: 2 });
const person = (memberId: string, itemId: string, name: string, organisation: string | null, category: SharedPerson['category'], strength: number, identity: Partial<SharedPerson['identity']> = {}, networkItemIds: string[] = []): SharedPerson => ({
  memberId,
  itemId,
  name,
  organisation,
  category,
  strength,
  identity: { emailKeys: identity.emailKeys ?? [], profiles: identity.profiles ?? [] },
  networkItemIds,
});

const team: TeamSnapshot = {
  members,
  networks: [
    net('ada', 'n1', 'Physio Society', 'professional-body', 4),
    net('ben', 'n2', 'physio society', 'professional-body', 2),
    net('eve', 'n3', 'Physio  Society', 'professional-body', 3),
    net('cy', 'n4', 'Data Meetup', 'interest-group', 4),
    net('dee', 'n5', 'Data Meetup', 'interest-group', 3),
    net('eve', 'n6', 'Data Meetup', 'interest-group', 3),
    net('ada', 'n7', 'Grant Writers Circle', 'research-network', 5, 'committee'),
    net('ben', 'n8', 'Grant Writers Circle', 'research-network', 0, 'want-to-join'),
  ],
  people: [
    person('ada', 'p1', 'Ana Silva', 'Hospital Norte', 'leader-in-field', 4, { emailKeys: ['digest-of-ana'] }, ['n1']),
    person('ben', 'p2', 'Ana M. Silva', null, null, 2, { emailKeys: ['digest-of-ana'] }),
    person('cy', 'p3', 'Rui Costa', 'Uni Lisboa', 'other-function', 3, {}, ['n4']),
    person('dee', 'p4', 'Rui Costa', 'uni lisboa', null, 1),
    person('cy', 'p5', 'Lia Chen', 'Uni Lisboa', 'author-blogger', 5),
    person('ada', 'p6', 'Sam Lee', 'Clinica Sul', 'department-colleague', 3, { profiles: [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/sam-lee-1' }] }),
    person('dee', 'p7', 'Sam Lee', 'Clinica Sul', 'department-colleague', 3, { profiles: [{ kind: 'linkedin', value: 'https://linkedin.com/in/sam-lee-2/' }] }),
    person('eve', 'p8', 'Joe Park', 'Clinica Sul', 'professional-association', 2, { profiles: [{ kind: 'linkedin', value: 'linkedin.com/in/sam-lee-1?trk=x' }] }),
  ],
  goals: [
    {
      id: 'g1',
      statement: 'Win a research grant',
      needs: { categories: ['leader-in-field', 'unrelated-industry'], networkKinds: ['research-network'] },
      links: [
        { memberId: 'ada', itemKind: 'network', itemId: 'n7', relevance: 5 },
        { memberId: 'ada', itemKind: 'person', itemId: 'p1', relevance: 5 },
        { memberId: 'ben', itemKind: 'network', itemId: 'n2', relevance: 3 },
      ],
    },
    { id: 'g2', statement: 'Get our evaluation published', needs: { categories: [], networkKinds: ['conference'] }, links: [] },
  ],
};

describe('the team graph merges what several members share', () => {
  const graph = mergeTeam(team);

  it('one network per name, one person per profile link, email, or name with organisation', () => {
    expect(graph.networks.map((n) => [n.name, n.holders.map((h) => h.memberId)])).toEqual([
      ['Physio Society', ['ada', 'ben', 'eve']],
      ['Grant Writers Circle', ['ada', 'ben']],
      ['Data Meetup', ['cy', 'dee', 'eve']],
    ]);
    const byName = (name: string) => graph.people.filter((p) => p.name === name);
    // Same email digest, different names: one person, named as the first holder has them.
    expect(byName('Ana Silva')[0]!.holders.map((h) => h.memberId)).toEqual(['ada', 'ben']);
    expect(byName('Ana M. Silva')).toEqual([]);
    // Name and organisation, case aside.
    expect(byName('Rui Costa')).toHaveLength(1);
    expect(byName('Rui Costa')[0]!.holders.map((h) => [h.memberId, h.strength])).toEqual([['cy', 3], ['dee', 1]]);
    // Same name and organisation but different LinkedIn profiles: two people. Joe Park shares Sam Lee's profile: the same person.
    expect(byName('Sam Lee')).toHaveLength(2);
    expect(byName('Sam Lee').map((p) => p.holders.map((h) => h.memberId))).toEqual([['ada', 'eve'], ['dee']]);
    expect(graph.people).toHaveLength(5);
  });

  it('carries no email digest or profile link into the graph', () => {
    const text = JSON.stringify({ ...graph, networkKeyOf: [...graph.networkKeyOf], personKeyOf: [...graph.personKeyOf] });
    expect(text).not.toContain('digest-of-ana');
    expect(text).not.toContain('linkedin');
  });
});

describe('the team check on a hand-built team (known answers)', () => {
  const check = runTeamCheck(team);

  it('the networks × members matrix, with reach (wanting to join is not reach)', () => {
    const grant = check.coverage.find((r) => r.name === 'Grant Writers Circle')!;
    expect(grant.reach).toBe(1);
    expect(grant.cells.map((c) => c?.role ?? null)).toEqual(['committee', 'want-to-join', null, null, null]);
    expect(check.coverage.map((r) => [r.name, r.reach])).toEqual([['Data Meetup', 3], ['Physio Society', 3], ['Grant Writers Circle', 1]]);
  });

  it('a single point of failure: the Grant Writers Circle, through Ada only; Ana Silva is known by two and is not one', () => {
    expect(check.singlePointsOfFailure.map((f) => [f.kind, f.name, f.why.facts.via])).toEqual([['network', 'Grant Writers Circle', 'ada']]);
    expect(check.singlePointsOfFailure[0]!.next).toMatch(/Ask Ada to bring a teammate/);
  });

  it('a broker between two clusters: Eve, with the highest betweenness', () => {
    expect(check.brokers.rows[0]!.name).toBe('Eve');
    expect(check.brokers.rows[0]!.betweenness).toBeGreaterThan(check.brokers.rows[1]!.betweenness);
    expect(check.brokers.exact).toBe(true);
    const eve = check.brokers.findings.find((f) => f.name === 'Eve')!;
    expect(eve.why.facts.clusters).toBeGreaterThanOrEqual(2);
    const clusterOf = (name: string) => check.clusters.find((c) => c.members.some((m) => m.name === name))!.id;
    expect(clusterOf('Ada')).toBe(clusterOf('Ben'));
    expect(clusterOf('Cy')).toBe(clusterOf('Dee'));
    expect(clusterOf('Ada')).not.toBe(clusterOf('Cy'));
  });

  it('a missing category: nobody from an unrelated industry, which the grant goal needs', () => {
    const gap = check.diversity.gaps.find((g) => g.key === 'unrelated-industry')!;
    expect(gap.why.text).toMatch(/Win a research grant/);
    // Joe Park (a professional association, to Eve) is Sam Lee by his profile link, and takes Ada's category for Sam.
    expect(check.diversity.gaps.map((g) => g.key).sort()).toEqual(['already-valued', 'professional-association', 'social-media', 'unrelated-industry']);
    const grant = check.goals.find((g) => g.goalId === 'g1')!;
    expect(grant.missing.map((m) => m.code)).toEqual(['category:unrelated-industry']);
    expect(grant.verdict).toBe('thin');
    // 5 × 5/5 (the circle, Ada's strength 5) + 5 × 4/5 (Ana, strongest tie 4) + 3 × 4/5 (the society, strongest 4).
    expect(grant.score).toBe(11.4);
  });

  it('redundancy: three in the Physio Society and the Data Meetup, none in a conference that a goal needs', () => {
    expect(check.redundancy.map((f) => f.name).sort()).toEqual(['Data Meetup', 'Physio Society']);
    const published = check.goals.find((g) => g.goalId === 'g2')!;
    expect(published.verdict).toBe('missing');
    expect(published.missing.map((m) => m.code)).toEqual(['nothing-linked', 'network:conference']);
  });

  it('a ranked introduction path: to someone at Uni Lisboa, Cy to Lia Chen first', () => {
    const graph = mergeTeam(team);
    const paths = introductionPaths(graph, 'ben', { organisation: 'uni lisboa' });
    expect(paths.map((p) => [p.via.name, p.target.name, p.score])).toEqual([
      ['Cy', 'Lia Chen', 10],
      ['Cy', 'Rui Costa', 6],
      ['Dee', 'Rui Costa', 2],
    ]);
    // Eve shares the Data Meetup with Cy and Dee: each path is a step easier.
    expect(introductionPaths(graph, 'eve', { organisation: 'Uni Lisboa' }).map((p) => p.score)).toEqual([11, 7, 3]);
    // A person the asker knows already is no introduction.
    expect(introductionPaths(graph, 'cy', { organisation: 'Uni Lisboa' }).map((p) => p.target.name)).toEqual([]);
    const key = graph.networks.find((n) => n.name === 'Grant Writers Circle')!.key;
    expect(introductionPaths(graph, 'cy', { networkKey: key }).map((p) => [p.via.name, p.target.kind])).toEqual([['Ada', 'network']]);
  });

  it('every finding says why and what next', () => {
    const findings = [...check.singlePointsOfFailure, ...check.redundancy, ...check.brokers.findings, ...check.diversity.gaps, ...check.goals];
    for (const f of findings) {
      expect(f.why.text.length).toBeGreaterThan(10);
      expect(f.next.length).toBeGreaterThan(10);
    }
  });
});

describe('properties', () => {
  it('merging is order-independent in its counts, never merges across different profiles, and never loses a holder', () => {
    const arbPerson = fc.record({
      memberId: fc.constantFrom('a', 'b', 'c'),
      itemId: fc.uuid(),
      name: fc.constantFrom('Ana Silva', 'ana silva', 'Rui Costa', 'Lia'),
      organisation: fc.constantFrom(null, 'X', 'x', 'Y'),
      category: fc.constant(null),
      strength: fc.integer({ min: 0, max: 5 }),
      identity: fc.record({
        emailKeys: fc.subarray(['e1', 'e2', 'e3'], { maxLength: 2 }),
        profiles: fc.subarray([{ kind: 'linkedin', value: 'linkedin.com/in/one' }, { kind: 'linkedin', value: 'linkedin.com/in/two' }], { maxLength: 1 }),
      }),
      networkItemIds: fc.constant<string[]>([]),
    });
    fc.assert(
      fc.property(fc.array(arbPerson, { maxLength: 25 }), (people) => {
        const snapshot: TeamSnapshot = { members: [{ id: 'a', name: 'A', role: 'lead' }, { id: 'b', name: 'B', role: 'member' }, { id: 'c', name: 'C', role: 'member' }], networks: [], people, goals: [] };
        const graph = mergeTeam(snapshot);
        const reversed = mergeTeam({ ...snapshot, people: [...people].reverse() });
        expect(reversed.people.length).toBe(graph.people.length);
        for (const p of people) expect(graph.personKeyOf.has(`${p.memberId} ${p.itemId}`)).toBe(true);
        const profilesOf = new Map<string, Set<string>>();
        for (const p of people) {
          const key = graph.personKeyOf.get(`${p.memberId} ${p.itemId}`)!;
          const set = profilesOf.get(key) ?? new Set<string>();
          for (const link of p.identity.profiles) set.add(link.value);
          profilesOf.set(key, set);
        }
        for (const set of profilesOf.values()) expect(set.size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The team check: the personal check's questions asked of a team's merged graph.
 * Every finding says why (the counts and scores behind it) and what to do next.
 * Pure: it reads a snapshot of what the members consented to share and nothing else.
 */
import { CATEGORY_LABELS } from '../check/suggest.js';
import { brokerage, buildGraph, louvain, sampledBetweenness } from '../graph/index.js';
import { compareNames } from '../names.js';
import { PERSON_CATEGORIES, type NetworkKind, type NetworkRole, type PersonCategory } from '../vocabulary.js';
import { plural } from '../words.js';
import { itemKey, mergeTeam } from './merge.js';
import type {
  BrokerRow,
  CoverageRow,
  DiversityRow,
  TeamCheck,
  TeamCluster,
  TeamFinding,
  TeamGoal,
  TeamGoalCoverage,
  TeamGraph,
  TeamNetwork,
  TeamSnapshot,
} from './types.js';

/** Roles that do not put a member in a network: wanting to join, and having left. */
const OUTSIDE: ReadonlySet<NetworkRole> = new Set(['want-to-join', 'left']);
export const reaches = (role: NetworkRole) => !OUTSIDE.has(role);

/** Exact betweenness up to this many nodes; above, a seeded estimate from this many pivots (its error bound is reported). */
const EXACT_BETWEENNESS_NODES = 2000;
const PIVOTS = 256;
/** A goal scoring below this (Σ relevance × strength/5 over what serves it) is thin. */
const THIN_SCORE = 3;
/** The weakest tie counted as more than weak. */
const WEAK_TIE = 2;

export const NETWORK_KIND_LABELS: Record<NetworkKind, string> = {
  'professional-body': 'a professional body',
  'interest-group': 'a special interest group',
  'social-media-community': 'a social-media community',
  employer: 'an employer or department',
  alumni: 'an alumni group',
  conference: 'a conference',
  'research-network': 'a research network',
  'own-hub': 'a hub founded by a member',
  other: 'another kind of network',
};

/** The team's categories, said of a team ("leaders in the field", not "in your field"). */
const teamCategoryLabel = (c: PersonCategory) => CATEGORY_LABELS[c].replace('your field', 'the field').replace('people you already value', 'people a member already values');

export function runTeamCheck(snapshot: TeamSnapshot): TeamCheck {
  const graph = mergeTeam(snapshot);
  const names = new Map(graph.members.map((m) => [m.id, m.name]));
  const coverage = coverageMatrix(graph);
  const reachOf = new Map(coverage.map((row) => [row.key, row.reach]));
  const goals = snapshot.goals.map((goal) => goalCoverage(graph, goal, reachOf));
  const { brokers, clusters } = brokersAndClusters(graph);
  return {
    members: graph.members,
    counts: { members: graph.members.length, networks: graph.networks.length, people: graph.people.length, goals: snapshot.goals.length },
    coverage,
    goals,
    singlePointsOfFailure: singlePoints(graph, snapshot.goals, names, reachOf),
    redundancy: redundancy(graph, snapshot.goals, coverage),
    brokers,
    clusters,
    diversity: teamDiversity(graph, snapshot.goals),
  };
}

function coverageMatrix(graph: TeamGraph): CoverageRow[] {
  const column = new Map(graph.members.map((m, i) => [m.id, i]));
  return graph.networks
    .map((n) => {
      const cells: CoverageRow['cells'] = graph.members.map(() => null);
      for (const h of n.holders) {
        const at = column.get(h.memberId);
        if (at !== undefined) cells[at] = { memberId: h.memberId, role: h.role, strength: h.strength, hoursPerMonth: h.hoursPerMonth };
      }
      return { key: n.key, name: n.name, kind: n.kind, cells, reach: n.holders.filter((h) => reaches(h.role)).length };
    })
    .sort((a, b) => b.reach - a.reach || a.name.localeCompare(b.name));
}

function goalCoverage(graph: TeamGraph, goal: TeamGoal, reachOf: Map<string, number>): TeamGoalCoverage {
  const networkByKey = new Map(graph.networks.map((n) => [n.key, n]));
  const personByKey = new Map(graph.people.map((p) => [p.key, p]));
  const networks = new Map<string, { key: string; name: string; relevance: number; reach: number; strength: number }>();
  const people = new Map<string, { key: string; name: string; relevance: number; strongestTie: number; category: PersonCategory | null }>();
  for (const link of goal.links) {
    if (link.itemKind === 'network') {
      const n = networkByKey.get(graph.networkKeyOf.get(itemKey(link.memberId, link.itemId)) ?? '');
      if (!n) continue;
      const inside = n.holders.filter((h) => reaches(h.role));
      const strength = inside.length ? Math.max(...inside.map((h) => h.strength)) : 0;
      const prior = networks.get(n.key);
      if (!prior || prior.relevance < link.relevance) networks.set(n.key, { key: n.key, name: n.name, relevance: link.relevance, reach: reachOf.get(n.key) ?? 0, strength });
    } else {
      const p = personByKey.get(graph.personKeyOf.get(itemKey(link.memberId, link.itemId)) ?? '');
      if (!p) continue;
      const prior = people.get(p.key);
      if (!prior || prior.relevance < link.relevance) people.set(p.key, { key: p.key, name: p.name, relevance: link.relevance, strongestTie: Math.max(...p.holders.map((h) => h.strength)), category: p.category });
    }
  }
  const score = round2(
    [...networks.values()].reduce((s, n) => s + (n.reach > 0 ? (n.relevance * n.strength) / 5 : 0), 0) + [...people.values()].reduce((s, p) => s + (p.relevance * p.strongestTie) / 5, 0),
  );
  const missing: TeamGoalCoverage['missing'] = [];
  const linkedPeople = [...people.values()];
  const linkedNetworks = [...networks.values()];
  if (linkedPeople.length === 0 && linkedNetworks.length === 0) {
    missing.push({
      code: 'nothing-linked',
      why: { text: 'No shared network or person is linked to this goal yet.', facts: { networks: 0, people: 0 } },
      next: 'Link the shared networks and people that serve this goal, with how relevant each is.',
    });
  }
  for (const category of goal.needs.categories) {
    if (linkedPeople.some((p) => p.category === category)) continue;
    const inTeam = graph.people.filter((p) => p.category === category).length;
    missing.push({
      code: `category:${category}`,
      why: { text: `The goal needs ${teamCategoryLabel(category)}, and none of the people linked to it is one (${plural(inTeam, 'person', 'people')} of that kind in the team graph).`, facts: { category, linked: 0, inTeam } },
      next: inTeam > 0 ? `Link one of the ${plural(inTeam, 'person', 'people')} among ${teamCategoryLabel(category)} that members share to this goal.` : `No member shares any of ${teamCategoryLabel(category)}: ask the team who knows one, or find one through a professional body.`,
    });
  }
  for (const kind of goal.needs.networkKinds) {
    const linked = linkedNetworks.filter((n) => n.reach > 0 && networkByKey.get(n.key)?.kind === kind).length;
    if (linked > 0) continue;
    const inTeam = graph.networks.filter((n) => n.kind === kind && (reachOf.get(n.key) ?? 0) > 0).length;
    missing.push({
      code: `network:${kind}`,
      why: { text: `The goal needs ${NETWORK_KIND_LABELS[kind]}, and no member is in one linked to it (${plural(inTeam, 'such network')} in the team).`, facts: { kind, linked: 0, inTeam } },
      next: inTeam > 0 ? `Link the team's ${NETWORK_KIND_LABELS[kind].replace(/^an? /, '')} to this goal, or choose one for a member to join.` : `No member is in ${NETWORK_KIND_LABELS[kind]}: choose one together and agree who joins.`,
    });
  }
  if (linkedPeople.length > 0 && linkedPeople.every((p) => p.strongestTie <= WEAK_TIE)) {
    missing.push({
      code: 'weak-ties',
      why: { text: `Every person linked to this goal is a weak tie (strongest ${Math.max(...linkedPeople.map((p) => p.strongestTie))} of 5).`, facts: { people: linkedPeople.length, strongestTie: Math.max(...linkedPeople.map((p) => p.strongestTie)) } },
      next: 'Ask the member closest to one of them to meet them this month and strengthen the tie.',
    });
  }
  const served = linkedNetworks.filter((n) => n.reach > 0).length + linkedPeople.length;
  const verdict = served === 0 ? 'missing' : score < THIN_SCORE || missing.length > 0 ? 'thin' : 'covered';
  return {
    goalId: goal.id,
    statement: goal.statement,
    verdict,
    score,
    networks: linkedNetworks.map(({ key, name, relevance, reach }) => ({ key, name, relevance, reach })).sort((a, b) => b.relevance - a.relevance || a.name.localeCompare(b.name)),
    people: linkedPeople.map(({ key, name, relevance, strongestTie }) => ({ key, name, relevance, strongestTie })).sort((a, b) => b.relevance - a.relevance || compareNames(a, b)),
    missing,
    why: {
      text: `${plural(served, 'shared item')} serve this goal (score ${score}: Σ relevance × strength ÷ 5); ${verdict === 'covered' ? 'it is covered' : verdict === 'thin' ? `it is thin${missing.length ? `: ${plural(missing.length, 'gap')}` : ''}` : 'nothing serves it yet'}.`,
      facts: { score, networks: linkedNetworks.length, people: linkedPeople.length, gaps: missing.length },
    },
    next: missing[0]?.next ?? (verdict === 'covered' ? 'Keep these ties warm; share news from them on the dance floor.' : 'Strengthen the ties that serve this goal: plan a meeting with the most relevant.'),
  };
}

function singlePoints(graph: TeamGraph, goals: readonly TeamGoal[], names: Map<string, string>, reachOf: Map<string, number>): TeamFinding[] {
  const goalsOf = new Map<string, Set<string>>();
  for (const goal of goals) {
    for (const link of goal.links) {
      const key = link.itemKind === 'network' ? graph.networkKeyOf.get(itemKey(link.memberId, link.itemId)) : graph.personKeyOf.get(itemKey(link.memberId, link.itemId));
      if (!key) continue;
      const set = goalsOf.get(key) ?? new Set<string>();
      set.add(goal.statement);
      goalsOf.set(key, set);
    }
  }
  const out: TeamFinding[] = [];
  for (const n of graph.networks) {
    const served = goalsOf.get(n.key);
    if (!served || reachOf.get(n.key) !== 1) continue;
    const holder = n.holders.find((h) => reaches(h.role))!;
    const who = names.get(holder.memberId) ?? holder.memberId;
    out.push({
      kind: 'network',
      key: n.key,
      name: n.name,
      why: { text: `Only ${who} is in ${n.name} (as ${holder.role}), which serves ${[...served].map((s) => `"${s}"`).join(', ')}.`, facts: { members: 1, via: holder.memberId, role: holder.role, strength: holder.strength, goals: served.size } },
      next: `Ask ${who} to bring a teammate to ${n.name}'s next meeting, so the team does not lose it if ${who} moves on.`,
    });
  }
  for (const p of graph.people) {
    const served = goalsOf.get(p.key);
    if (!served || p.holders.length !== 1) continue;
    const holder = p.holders[0]!;
    const who = names.get(holder.memberId) ?? holder.memberId;
    out.push({
      kind: 'person',
      key: p.key,
      name: p.name,
      why: { text: `Only ${who} knows ${p.name} (tie ${holder.strength} of 5), who serves ${[...served].map((s) => `"${s}"`).join(', ')}.`, facts: { members: 1, via: holder.memberId, strength: holder.strength, goals: served.size } },
      next: `Ask ${who} to introduce a teammate to ${p.name}.`,
    });
  }
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

function redundancy(graph: TeamGraph, goals: readonly TeamGoal[], coverage: readonly CoverageRow[]): TeamFinding[] {
  const crowded = Math.max(3, Math.ceil(graph.members.length / 2));
  const kindsReached = new Set(coverage.filter((r) => r.reach > 0).map((r) => r.kind));
  const needed = new Map<NetworkKind, string[]>();
  for (const goal of goals) for (const kind of goal.needs.networkKinds) if (!kindsReached.has(kind)) needed.set(kind, [...(needed.get(kind) ?? []), goal.statement]);
  if (needed.size === 0) return [];
  const wanting = [...needed.entries()].map(([kind, statements]) => `${NETWORK_KIND_LABELS[kind]} (for ${statements.map((s) => `"${s}"`).join(', ')})`).join(' and ');
  return coverage
    .filter((row) => row.reach >= crowded)
    .map((row) => ({
      kind: 'network' as const,
      key: row.key,
      name: row.name,
      why: { text: `${plural(row.reach, 'member')} of ${graph.members.length} are in ${row.name}, and none is in ${wanting}.`, facts: { members: row.reach, team: graph.members.length, kindsMissing: needed.size } },
      next: `Agree which of the ${row.reach} can spend those hours on ${NETWORK_KIND_LABELS[[...needed.keys()][0]!]} instead.`,
    }));
}

/**
 * Brokers and clusters are measured on the team's core graph: members, networks, and
 * the people two or more members know. A person only one member knows hangs off that
 * member like a leaf: it bridges nothing, yet thousands of them would make every
 * member look like a broker (low constraint) and cost most of the time. Each such
 * person is counted in the cluster of the member who knows them.
 */
function brokersAndClusters(graph: TeamGraph): { brokers: TeamCheck['brokers']; clusters: TeamCluster[] } {
  const ids: string[] = [];
  const at = new Map<string, number>();
  const add = (id: string) => {
    at.set(id, ids.length);
    ids.push(id);
  };
  for (const m of graph.members) add(`m:${m.id}`);
  for (const n of graph.networks) add(n.key);
  const bridging = graph.people.filter((p) => p.holders.length >= 2);
  for (const p of bridging) add(p.key);
  const s: number[] = [];
  const t: number[] = [];
  const w: number[] = [];
  // Ties weigh their strength; a tie of 0 still counts a little.
  const tie = (a: number, b: number, weight: number) => {
    s.push(a);
    t.push(b);
    w.push(Math.max(0.5, weight));
  };
  for (const n of graph.networks) for (const h of n.holders) if (reaches(h.role)) tie(at.get(`m:${h.memberId}`)!, at.get(n.key)!, h.strength);
  for (const p of bridging) {
    for (const h of p.holders) tie(at.get(`m:${h.memberId}`)!, at.get(p.key)!, h.strength);
    for (const key of p.networkKeys) tie(at.get(p.key)!, at.get(key)!, 1);
  }
  const g = buildGraph(ids, Int32Array.from(s), Int32Array.from(t), Float64Array.from(w));
  const between = g.n <= EXACT_BETWEENNESS_NODES ? sampledBetweenness(g, { pivots: g.n }) : sampledBetweenness(g, { pivots: PIVOTS, seed: 7 });
  const { constraint } = brokerage(g, { constraint: true, effectiveSize: false });
  const communities = louvain(g, { seed: 7, tries: g.n <= EXACT_BETWEENNESS_NODES ? 8 : 1 });

  const clusterOf = (i: number) => communities.community[i]!;
  const clustersById = new Map<number, TeamCluster>();
  const cluster = (id: number) => {
    let c = clustersById.get(id);
    if (!c) {
      c = { id, members: [], networks: [], people: 0 };
      clustersById.set(id, c);
    }
    return c;
  };
  graph.members.forEach((m, i) => cluster(clusterOf(i)).members.push({ id: m.id, name: m.name }));
  graph.networks.forEach((n, i) => cluster(clusterOf(graph.members.length + i)).networks.push({ key: n.key, name: n.name }));
  const memberIndex = new Map(graph.members.map((m, i) => [m.id, i]));
  for (const p of graph.people) {
    const i = p.holders.length >= 2 ? at.get(p.key)! : memberIndex.get(p.holders[0]!.memberId)!;
    cluster(clusterOf(i)).people++;
  }
  // The clusters worth naming hold members; the rest are people reached by nobody else's ties.
  const clusters = [...clustersById.values()].filter((c) => c.members.length > 0).sort((a, b) => b.members.length - a.members.length || a.id - b.id);
  const named = new Set(clusters.map((c) => c.id));

  const rows: BrokerRow[] = graph.members.map((m, i) => {
    const reached = new Set<number>([clusterOf(i)]);
    for (let p = g.offsets[i]!; p < g.offsets[i + 1]!; p++) if (named.has(clusterOf(g.targets[p]!))) reached.add(clusterOf(g.targets[p]!));
    return { memberId: m.id, name: m.name, betweenness: round2(between.betweenness[i]!), constraint: round2(constraint[i]!), clusters: [...reached].sort((a, b) => a - b) };
  });
  rows.sort((a, b) => b.betweenness - a.betweenness || a.constraint - b.constraint || a.name.localeCompare(b.name));
  const findings: TeamFinding[] = rows
    .filter((r) => r.clusters.length >= 2 && r.betweenness > 0)
    .map((r) => ({
      kind: 'member' as const,
      key: r.memberId,
      name: r.name,
      why: {
        text: `${r.name}'s ties reach ${plural(r.clusters.length, 'cluster')} of the team (${r.clusters.map((c) => `cluster ${c + 1}`).join(', ')}); betweenness ${r.betweenness}, constraint ${r.constraint} (lower is more open).`,
        facts: { betweenness: r.betweenness, constraint: r.constraint, clusters: r.clusters.length },
      },
      next: `Ask ${r.name} to bring people from ${r.clusters.map((c) => `cluster ${c + 1}`).join(' and ')} together: a joint session, or introductions across.`,
    }));
  return { brokers: { rows, findings, exact: between.bound.exact, statement: between.bound.statement }, clusters };
}

function teamDiversity(graph: TeamGraph, goals: readonly TeamGoal[]): TeamCheck['diversity'] {
  const rows: DiversityRow[] = PERSON_CATEGORIES.map((category) => {
    const people = graph.people.filter((p) => p.category === category);
    return { category, people: people.length, members: new Set(people.flatMap((p) => p.holders.map((h) => h.memberId))).size };
  });
  const gaps: TeamFinding[] = rows
    .filter((r) => r.people === 0)
    .map((r) => {
      const wanted = goals.filter((g) => g.needs.categories.includes(r.category)).map((g) => g.statement);
      return {
        kind: 'goal' as const,
        key: r.category,
        name: teamCategoryLabel(r.category),
        why: {
          text: `${graph.people.length === 0 ? 'The members share no one yet, so none' : graph.people.length === 1 ? 'The one person the members share is not' : `None of the ${plural(graph.people.length, 'person', 'people')} the members share is`} among ${teamCategoryLabel(r.category)}${wanted.length ? `, which ${wanted.map((s) => `"${s}"`).join(', ')} needs` : ''}.`,
          facts: { category: r.category, people: 0, sharedPeople: graph.people.length, goalsNeeding: wanted.length },
        },
        next: wanted.length ? `Ask the team, this week, who knows one of ${teamCategoryLabel(r.category)} and could share them.` : `Worth a look at the next team meeting: does anyone know ${teamCategoryLabel(r.category)} they have not shared?`,
      };
    });
  return { rows, gaps };
}

export const networkOf = (graph: TeamGraph, key: string): TeamNetwork | undefined => graph.networks.find((n) => n.key === key);

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * "Who in the team can introduce me to someone at X, or in network Y?" Ranked paths
 * over consented ties only: asker → member → person (the member's tie to the person),
 * or asker → member → network (the member's place in it). A path is stronger when the
 * member's tie is stronger, and easier when the asker and the member already share a
 * network; a person reached by several members gives one path per member.
 */
import { matchKey } from '../import-merge.js';
import { NETWORK_ROLES } from '../vocabulary.js';
import { reaches } from './check.js';
import type { IntroductionPath, TeamGraph } from './types.js';

export interface IntroductionQuery {
  /** Someone at this organisation (matched as names are, ignoring case and accents; a part is enough). */
  organisation?: string;
  /** Someone in this team network (its key). */
  networkKey?: string;
  /** This person of the team graph (their key). */
  personKey?: string;
}

/** Each shared network is worth this much to a path: members who meet there can ask more easily. */
const SHARED_NETWORK_BONUS = 1;
const MAX_SHARED_BONUS = 3;

export function introductionPaths(graph: TeamGraph, askerId: string, query: IntroductionQuery, limit = 20): IntroductionPath[] {
  const names = new Map(graph.members.map((m) => [m.id, m.name]));
  const networksOf = new Map<string, Set<string>>();
  for (const n of graph.networks) {
    for (const h of n.holders) {
      if (!reaches(h.role)) continue;
      const set = networksOf.get(h.memberId) ?? new Set<string>();
      set.add(n.key);
      networksOf.set(h.memberId, set);
    }
  }
  const networkName = new Map(graph.networks.map((n) => [n.key, n.name]));
  const mine = networksOf.get(askerId) ?? new Set<string>();
  const together = (memberId: string) => [...(networksOf.get(memberId) ?? [])].filter((k) => mine.has(k));
  const org = query.organisation ? matchKey(query.organisation) : null;

  const out: IntroductionPath[] = [];
  for (const p of graph.people) {
    const matches =
      (query.personKey !== undefined && p.key === query.personKey) ||
      (org !== null && org !== '' && p.organisation !== null && matchKey(p.organisation).includes(org)) ||
      (query.networkKey !== undefined && p.networkKeys.includes(query.networkKey));
    if (!matches || p.holders.some((h) => h.memberId === askerId)) continue;
    for (const h of p.holders) {
      const shared = together(h.memberId);
      const bonus = Math.min(MAX_SHARED_BONUS, shared.length * SHARED_NETWORK_BONUS);
      const via = names.get(h.memberId) ?? h.memberId;
      out.push({
        via: { id: h.memberId, name: via },
        target: { kind: 'person', key: p.key, name: p.name, organisation: p.organisation },
        holderItemId: h.itemId,
        score: h.strength * 2 + bonus,
        why: {
          text: `${via} knows ${p.name}${p.organisation ? ` (${p.organisation})` : ''}, tie ${h.strength} of 5${shared.length ? `; you are both in ${shared.map((k) => networkName.get(k)).join(', ')}` : ''}.`,
          facts: { strength: h.strength, sharedNetworks: shared.length },
        },
        next: `Ask ${via} for an introduction to ${p.name}: say what you would like to learn from them.`,
      });
    }
  }
  if (query.networkKey !== undefined) {
    const network = graph.networks.find((n) => n.key === query.networkKey);
    for (const h of network?.holders ?? []) {
      if (h.memberId === askerId || !reaches(h.role)) continue;
      const shared = together(h.memberId);
      const via = names.get(h.memberId) ?? h.memberId;
      // Inside roles count more: an organiser knows more of the network than a lurker.
      const depth = NETWORK_ROLES.indexOf(h.role);
      out.push({
        via: { id: h.memberId, name: via },
        target: { kind: 'network', key: network!.key, name: network!.name, organisation: null },
        holderItemId: null,
        score: h.strength + depth + Math.min(MAX_SHARED_BONUS, shared.length * SHARED_NETWORK_BONUS),
        why: { text: `${via} is in ${network!.name} as ${h.role}, strength ${h.strength} of 5.`, facts: { role: h.role, strength: h.strength, sharedNetworks: shared.length } },
        next: `Ask ${via} to take you along to ${network!.name}'s next meeting and introduce you around.`,
      });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.via.name.localeCompare(b.via.name) || a.target.name.localeCompare(b.target.name)).slice(0, limit);
}

import { matchKey, profileConflict, profileKey } from '../import-merge.js';
import type { PersonHolder, SharedPerson, TeamGraph, TeamNetwork, TeamPerson, TeamSnapshot } from './types.js';

/**
 * Merges what the members share into one team graph: a person known to several
 * members is one node (matched by profile link, then email, then name with
 * organisation, as imports match), and a network shared by several members is one
 * node (by name). A merged node takes the name the member with the strongest tie
 * gives it; its key is that of the first holder's item. The import's rule that a different profile link means a different
 * person holds here too: two records with links of one kind (LinkedIn, ORCID…) and
 * none in common are never merged, whatever else they share.
 */

export const itemKey = (memberId: string, itemId: string) => `${memberId} ${itemId}`;

/** Union–find over the shared people, refusing a union that would join two different profiles. */
class Clusters {
  private readonly parent: Int32Array;
  private readonly profiles: { kind: string; value: string }[][];
  constructor(people: readonly SharedPerson[]) {
    this.parent = Int32Array.from(people, (_p, i) => i);
    this.profiles = people.map((p) => [...p.identity.profiles]);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb || profileConflict(this.profiles[ra]!, this.profiles[rb]!) !== null) return;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    this.profiles[keep] = [...this.profiles[keep]!, ...this.profiles[drop]!];
  }
}

function joinBy(people: readonly SharedPerson[], clusters: Clusters, keysOf: (p: SharedPerson) => string[]): void {
  const first = new Map<string, number>();
  people.forEach((p, i) => {
    for (const key of keysOf(p)) {
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else clusters.union(seen, i);
    }
  });
}

export function mergeTeam(snapshot: TeamSnapshot): TeamGraph {
  const memberIds = new Set(snapshot.members.map((m) => m.id));
  // Stable order: by member, then item, so the same shares give the same graph.
  const byHolder = <T extends { memberId: string; itemId: string }>(a: T, b: T) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0);

  const networkKeyOf = new Map<string, string>();
  const networksByName = new Map<string, TeamNetwork>();
  for (const n of snapshot.networks.filter((x) => memberIds.has(x.memberId)).sort(byHolder)) {
    const name = matchKey(n.name);
    let network = networksByName.get(name);
    if (!network) {
      network = { key: `net:${n.memberId}:${n.itemId}`, name: n.name, kind: n.kind, holders: [] };
      networksByName.set(name, network);
    }
    // Named as the member closest to it names it (the first such, on a tie).
    if (network.holders.length > 0 && n.strength > Math.max(...network.holders.map((h) => h.strength))) network.name = n.name;
    network.holders.push({ memberId: n.memberId, itemId: n.itemId, role: n.role, strength: n.strength, hoursPerMonth: n.hoursPerMonth });
    networkKeyOf.set(itemKey(n.memberId, n.itemId), network.key);
  }

  const people = snapshot.people.filter((p) => memberIds.has(p.memberId)).sort(byHolder);
  const clusters = new Clusters(people);
  joinBy(people, clusters, (p) => p.identity.profiles.filter((c) => c.kind !== 'email' && c.kind !== 'phone').map((c) => profileKey(c.value)));
  joinBy(people, clusters, (p) => p.identity.emailKeys);
  joinBy(people, clusters, (p) => [`${matchKey(p.name)}|${p.organisation ? matchKey(p.organisation) : ''}`]);

  const personKeyOf = new Map<string, string>();
  const byRoot = new Map<number, TeamPerson>();
  const merged: TeamPerson[] = [];
  people.forEach((p, i) => {
    const root = clusters.find(i);
    let person = byRoot.get(root);
    if (!person) {
      person = { key: `per:${p.memberId}:${p.itemId}`, name: p.name, organisation: p.organisation, category: p.category, holders: [], networkKeys: [] };
      byRoot.set(root, person);
      merged.push(person);
    }
    // Named as the member with the strongest tie names them (the first such, on a tie).
    if (person.holders.length > 0 && p.strength > Math.max(...person.holders.map((h) => h.strength))) person.name = p.name;
    person.organisation ??= p.organisation;
    person.category ??= p.category;
    const holder: PersonHolder = { memberId: p.memberId, itemId: p.itemId, strength: p.strength };
    const already = person.holders.find((h) => h.memberId === p.memberId);
    if (!already) person.holders.push(holder);
    else if (p.strength > already.strength) Object.assign(already, holder);
    for (const networkItem of p.networkItemIds) {
      const key = networkKeyOf.get(itemKey(p.memberId, networkItem));
      if (key && !person.networkKeys.includes(key)) person.networkKeys.push(key);
    }
    personKeyOf.set(itemKey(p.memberId, p.itemId), person.key);
  });

  return { members: snapshot.members, networks: [...networksByName.values()], people: merged, networkKeyOf, personKeyOf };
}

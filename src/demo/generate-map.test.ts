import { describe, expect, it } from 'vitest';
import { generateLargeSnapshot, seededRandom } from './generate-map.js';

describe('seededRandom', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(8)()).not.toBe(xs[0]);
  });
});

describe('generateLargeSnapshot', () => {
  const small = { people: 200, networks: 20, goals: 5, exchanges: 1000, seed: 3 };

  it('is deterministic for a seed', () => {
    expect(generateLargeSnapshot(small)).toEqual(generateLargeSnapshot(small));
    expect(generateLargeSnapshot({ ...small, seed: 4 })).not.toEqual(generateLargeSnapshot(small));
  });

  it('makes the counts asked for, with references that resolve', () => {
    const s = generateLargeSnapshot(small);
    expect([s.people.length, s.networks.length, s.goals.length, s.exchanges.length]).toEqual([200, 20, 5, 1000]);
    const people = new Set(s.people.map((p) => p.id));
    const networks = new Set(s.networks.map((n) => n.id));
    const goals = new Set(s.goals.map((g) => g.id));
    expect(people.size).toBe(200);
    expect(s.exchanges.every((e) => e.personIds.every((id) => people.has(id)) && e.occurredOn <= s.today)).toBe(true);
    expect(s.memberships.every((m) => people.has(m.personId) && networks.has(m.networkId))).toBe(true);
    expect(s.ties.every((t) => people.has(t.personAId) && people.has(t.personBId) && t.personAId < t.personBId)).toBe(true);
    expect(s.goalLinks.every((l) => goals.has(l.goalId) && (l.kind === 'person' ? people.has(l.targetId) : networks.has(l.targetId)))).toBe(true);
  });

  it('derives last exchanges and next contacts', () => {
    const s = generateLargeSnapshot(small);
    const latest = new Map<string, string>();
    for (const e of s.exchanges) for (const id of e.personIds) if ((latest.get(id) ?? '') < e.occurredOn) latest.set(id, e.occurredOn);
    expect(s.people.every((p) => p.lastExchangeOn === (latest.get(p.id) ?? null))).toBe(true);
    expect(s.people.filter((p) => p.cadence !== null).every((p) => p.nextContact !== null)).toBe(true);
  });

  it('handles zero counts', () => {
    const s = generateLargeSnapshot({ people: 0, networks: 0, goals: 0, exchanges: 10 });
    expect([s.people, s.networks, s.goals, s.exchanges, s.ties, s.memberships]).toEqual([[], [], [], [], [], []]);
  });
});

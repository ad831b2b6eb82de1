import { describe, expect, it } from 'vitest';
import { normaliseCadence } from '../core/cadence.js';
import { addDays, isIsoDate } from '../core/dates.js';
import { buildDemoMap } from './demo-map.js';
import {
  CHANNELS,
  CONTACT_KINDS,
  FEELINGS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  GIVE_KINDS,
  INITIATORS,
  NETWORK_KINDS,
  NETWORK_ROLES,
  PERSON_CATEGORIES,
  RECEIVE_KINDS,
  STAGES,
} from '../core/vocabulary.js';

const TODAY = '2026-03-10';
const map = buildDemoMap(TODAY);
const peopleByKey = new Map(map.people.map((p) => [p.key, p]));
const networkKeys = new Set(map.networks.map((n) => n.key));
const goalKeys = new Set(map.goals.map((g) => g.key));

function inSet(values: readonly string[], value: string | null): boolean {
  return value !== null && values.includes(value);
}

function isScore(n: number, min = 0, max = 5): boolean {
  return Number.isInteger(n) && n >= min && n <= max;
}

function onOrBeforeToday(date: string): boolean {
  return isIsoDate(date) && date <= TODAY;
}

describe('buildDemoMap', () => {
  it('has the expected size', () => {
    expect(map.people.length).toBeGreaterThanOrEqual(75);
    expect(map.people.length).toBeLessThanOrEqual(90);
    expect(map.networks.length).toBeGreaterThanOrEqual(10);
    expect(map.networks.length).toBeLessThanOrEqual(14);
    expect(map.goals).toHaveLength(3);
    expect(map.exchanges.length).toBeGreaterThanOrEqual(140);
    expect(map.exchanges.length).toBeLessThanOrEqual(160);
    expect(map.introductions.length).toBeGreaterThan(0);
    expect(map.ties.length).toBeGreaterThan(0);
    expect(map.profile.name).toBeTruthy();
    expect(map.profile.workingOn).toBeTruthy();
  });

  it('has unique keys', () => {
    expect(new Set(map.people.map((p) => p.key)).size).toBe(map.people.length);
    expect(networkKeys.size).toBe(map.networks.length);
    expect(goalKeys.size).toBe(map.goals.length);
    for (const key of [...peopleByKey.keys(), ...networkKeys, ...goalKeys]) expect(key).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('represents every category, a few uncategorised, and every stage', () => {
    const categories = new Set(map.people.map((p) => p.category));
    for (const category of PERSON_CATEGORIES) expect(categories, category).toContain(category);
    expect(map.people.filter((p) => p.category === null).length).toBeGreaterThanOrEqual(3);
    const stages = new Set(map.people.map((p) => p.stage));
    for (const stage of STAGES) expect(stages, stage).toContain(stage);
  });

  it('uses only values from the vocabulary', () => {
    for (const n of map.networks) {
      expect(inSet(NETWORK_KINDS, n.kind), n.key).toBe(true);
      expect(inSet(NETWORK_ROLES, n.role), n.key).toBe(true);
      expect(isScore(n.strength) && isScore(n.importance), n.key).toBe(true);
      expect(n.hoursPerMonth >= 0 && n.hoursPerMonth <= 40, n.key).toBe(true);
    }
    for (const p of map.people) {
      if (p.category !== null) expect(inSet(PERSON_CATEGORIES, p.category), p.key).toBe(true);
      expect(inSet(STAGES, p.stage), p.key).toBe(true);
      if (p.preferredChannel !== null) expect(inSet(CHANNELS, p.preferredChannel), p.key).toBe(true);
      if (p.cadence !== null) expect(normaliseCadence(p.cadence), p.key).toBe(p.cadence);
      expect(isScore(p.strength) && isScore(p.importance), p.key).toBe(true);
      expect(p.canHelp || p.canHelpHow === null, p.key).toBe(true);
      for (const c of p.channels) expect(inSet(CONTACT_KINDS, c.kind), p.key).toBe(true);
    }
    for (const m of map.memberships) if (m.role !== null) expect(inSet(NETWORK_ROLES, m.role)).toBe(true);
    for (const l of map.goalLinks) expect(isScore(l.relevance, 1, 5), `${l.goal}/${l.target}`).toBe(true);
    for (const t of map.ties) expect(isScore(t.strength), `${t.a}-${t.b}`).toBe(true);
    for (const x of map.exchanges) {
      expect(inSet(CHANNELS, x.channel)).toBe(true);
      expect(inSet(INITIATORS, x.initiatedBy)).toBe(true);
      if (x.feeling !== null) expect(inSet(FEELINGS, x.feeling)).toBe(true);
      for (const g of x.gave) expect(inSet(GIVE_KINDS, g.kind)).toBe(true);
      for (const r of x.received) expect(inSet(RECEIVE_KINDS, r.kind)).toBe(true);
      for (const f of x.followUps) {
        expect(inSet(FOLLOW_UP_KINDS, f.kind)).toBe(true);
        expect(inSet(FOLLOW_UP_STATUSES, f.status)).toBe(true);
      }
    }
  });

  it('resolves every key reference', () => {
    for (const m of map.memberships) {
      expect(networkKeys.has(m.network), m.network).toBe(true);
      expect(peopleByKey.has(m.person), m.person).toBe(true);
    }
    const membershipPairs = map.memberships.map((m) => `${m.network}/${m.person}`);
    expect(new Set(membershipPairs).size).toBe(membershipPairs.length);

    for (const l of map.goalLinks) {
      expect(goalKeys.has(l.goal), l.goal).toBe(true);
      expect(l.kind === 'person' ? peopleByKey.has(l.target) : networkKeys.has(l.target), l.target).toBe(true);
    }
    const linkKeys = map.goalLinks.map((l) => `${l.goal}/${l.kind}/${l.target}`);
    expect(new Set(linkKeys).size).toBe(linkKeys.length);

    for (const t of map.ties) {
      expect(peopleByKey.has(t.a) && peopleByKey.has(t.b), `${t.a}-${t.b}`).toBe(true);
      expect(t.a).not.toBe(t.b);
    }
    const tiePairs = map.ties.map((t) => [t.a, t.b].sort().join('/'));
    expect(new Set(tiePairs).size).toBe(tiePairs.length);

    for (const x of map.exchanges) {
      expect(x.people.length).toBeGreaterThan(0);
      expect(new Set(x.people).size).toBe(x.people.length);
      for (const key of x.people) expect(peopleByKey.has(key), key).toBe(true);
      if (x.network !== null) expect(networkKeys.has(x.network), x.network).toBe(true);
    }
    for (const i of map.introductions) {
      expect(i.by !== null || i.to !== null).toBe(true);
      expect(peopleByKey.has(i.person), i.person).toBe(true);
      if (i.by !== null) expect(peopleByKey.has(i.by), i.by).toBe(true);
      if (i.to !== null) expect(peopleByKey.has(i.to), i.to).toBe(true);
      expect(i.by).not.toBe(i.person);
      expect(i.to).not.toBe(i.person);
    }
  });

  it('keeps every date valid and in its place relative to today', () => {
    for (const p of map.people) {
      expect(onOrBeforeToday(p.addedOn), p.key).toBe(true);
      if (p.tieBeganOn !== null) expect(onOrBeforeToday(p.tieBeganOn), p.key).toBe(true);
      if (p.nextContactOn !== null) expect(isIsoDate(p.nextContactOn), p.key).toBe(true);
    }
    for (const g of map.goals) if (g.horizon !== null) expect(isIsoDate(g.horizon) && g.horizon > TODAY, g.key).toBe(true);
    for (const x of map.exchanges) {
      expect(onOrBeforeToday(x.occurredOn), x.occurredOn).toBe(true);
      for (const key of x.people) {
        const addedOn = peopleByKey.get(key)?.addedOn ?? '9999-12-31';
        expect(x.occurredOn >= addedOn, `${key} on ${x.occurredOn}, added ${addedOn}`).toBe(true);
      }
      for (const f of x.followUps) {
        expect(isIsoDate(f.dueOn), f.description).toBe(true);
        if (f.status === 'open') {
          expect(f.closedOn, f.description).toBeNull();
        } else {
          expect(f.dueOn <= TODAY, f.description).toBe(true);
          expect(f.closedOn !== null && onOrBeforeToday(f.closedOn) && f.closedOn >= x.occurredOn, f.description).toBe(true);
        }
      }
    }
    for (const i of map.introductions) {
      expect(onOrBeforeToday(i.madeOn), i.person).toBe(true);
      for (const key of [i.person, i.by, i.to]) {
        if (key !== null) expect(i.madeOn >= (peopleByKey.get(key)?.addedOn ?? '9999-12-31'), `${key} introduced ${i.madeOn}`).toBe(true);
      }
    }
    const sorted = [...map.exchanges.map((x) => x.occurredOn)].sort();
    expect(map.exchanges.map((x) => x.occurredOn)).toEqual(sorted);
    expect((sorted[0] ?? '') >= addDays(TODAY, -2 * 366 - 31)).toBe(true);
  });

  it('has open follow-ups both overdue and upcoming, and closed ones', () => {
    const followUps = map.exchanges.flatMap((x) => x.followUps);
    expect(followUps.some((f) => f.status === 'open' && f.dueOn < TODAY)).toBe(true);
    expect(followUps.some((f) => f.status === 'open' && f.dueOn > TODAY)).toBe(true);
    expect(followUps.some((f) => f.status === 'done')).toBe(true);
  });

  it('tells a story the network check can find', () => {
    expect(map.goals.some((g) => g.transitionFrom !== null && g.transitionTo !== null)).toBe(true);
    const linkedNetworks = new Set(map.goalLinks.filter((l) => l.kind === 'network').map((l) => l.target));
    expect(map.networks.some((n) => n.hoursPerMonth >= 10 && !linkedNetworks.has(n.key))).toBe(true);
    expect(map.people.filter((p) => p.knowAndLike && p.canHelp).length).toBeGreaterThanOrEqual(5);
    expect(map.people.some((p) => p.lostJobList)).toBe(true);
    expect(map.introductions.some((i) => i.by === null)).toBe(true);
    expect(map.introductions.some((i) => i.by !== null)).toBe(true);

    const gave = new Map<string, number>();
    const got = new Map<string, number>();
    for (const x of map.exchanges) {
      for (const key of x.people) {
        gave.set(key, (gave.get(key) ?? 0) + x.gave.length);
        got.set(key, (got.get(key) ?? 0) + x.received.length);
      }
    }
    const met = [...gave.keys()];
    expect(met.filter((k) => (gave.get(k) ?? 0) === 0 && (got.get(k) ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
    expect(met.filter((k) => (got.get(k) ?? 0) === 0 && (gave.get(k) ?? 0) > 0).length).toBeGreaterThanOrEqual(3);

    // To-meet people have no exchanges yet.
    for (const p of map.people.filter((q) => q.stage === 'to-meet')) expect(gave.has(p.key), p.key).toBe(false);
  });

  it('uses only fictitious contact details', () => {
    for (const p of map.people) {
      for (const c of p.channels) {
        if (c.kind === 'email') expect(c.value, p.key).toMatch(/^[a-z0-9.]+@example\.(org|com|net)$/);
        if (c.kind === 'phone') expect(c.value, p.key).toMatch(/^(\+44 7700 900\d{3}|\+1 \d{3} 555 01\d{2})$/);
        if (c.kind === 'linkedin' || c.kind === 'web' || c.kind === 'github') expect(c.value, p.key).toMatch(/^https:\/\/([a-z0-9-]+\.)*example\.(org|com|net)(\/|$)/);
      }
    }
    for (const n of map.networks) if (n.url !== null) expect(n.url).toMatch(/^https:\/\/([a-z0-9-]+\.)*example\.(org|com|net)(\/|$)/);
  });

  it('is deterministic and moves with today', () => {
    expect(buildDemoMap(TODAY)).toEqual(map);
    const later = buildDemoMap('2027-01-01');
    expect(later.exchanges).toHaveLength(map.exchanges.length);
    expect(later.exchanges.every((x) => x.occurredOn <= '2027-01-01')).toBe(true);
    expect(later.people.map((p) => p.key)).toEqual(map.people.map((p) => p.key));
  });
});

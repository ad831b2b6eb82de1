import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.js';
import {
  CHANNELS,
  GIVE_KINDS,
  NETWORK_KINDS,
  NETWORK_ROLES,
  PERSON_CATEGORIES,
  RECEIVE_KINDS,
  STAGES,
} from '../vocabulary.js';
import {
  buildExchange,
  buildGoal,
  buildIntroduction,
  buildNetwork,
  buildPerson,
  buildSnapshot,
  DEFAULT_TODAY,
} from './builders.js';
import { QUADRANT_NAMES } from './quadrants.js';
import { runCheck } from './run-check.js';
import type { CheckReport, MapSnapshot } from './types.js';

/*
 * Arbitrary workspaces: small id pools so that links, memberships and exchanges
 * often hit the same people (and sometimes dangle), plus now and then a score
 * that validation should have caught (NaN, Infinity, negative, fractional).
 */
const PEOPLE = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const NETWORKS = ['n0', 'n1', 'n2', 'n3', 'n4'];
const GOALS = ['g0', 'g1', 'g2'];
const NAMES = ['Ada Chen', 'Ben', '', '  ', 'Émile Zola', 'Northfield Hospital'];

const score = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1, 2.5, 9) },
);
const hours = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(0, 1, 2, 4, 8, 20) },
  { weight: 2, arbitrary: fc.double({ min: 0, max: 60, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, -3, Number.POSITIVE_INFINITY) },
);
const date = fc.integer({ min: -900, max: 120 }).map((d) => addDays(DEFAULT_TODAY, d));
const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const person = fc
  .record({
    id: fc.constantFrom(...PEOPLE),
    name: fc.constantFrom(...NAMES),
    organisation: option(fc.constantFrom('Acme', ' ACME', 'City University')),
    category: option(fc.constantFrom(...PERSON_CATEGORIES)),
    strength: score,
    importance: score,
    knowAndLike: fc.boolean(),
    canHelp: fc.boolean(),
    canHelpHow: option(fc.constantFrom('grant writing', '')),
    stage: fc.constantFrom(...STAGES),
    cadence: option(fc.constantFrom('1w', '1m', '3m', '1y')),
    preferredChannel: option(fc.constantFrom(...CHANNELS)),
    lostJobList: fc.boolean(),
    nextContactOn: option(date),
    addedOn: date,
  })
  .map((fields) => buildPerson({ ...fields, nextContactSetOn: fields.nextContactOn ? fields.addedOn : null }));

const network = fc
  .record({
    id: fc.constantFrom(...NETWORKS),
    name: fc.constantFrom(...NAMES),
    kind: fc.constantFrom(...NETWORK_KINDS),
    role: fc.constantFrom(...NETWORK_ROLES),
    strength: score,
    importance: score,
    hoursPerMonth: hours,
  })
  .map(buildNetwork);

const goal = fc
  .record({
    id: fc.constantFrom(...GOALS),
    statement: fc.constantFrom('move into research', 'lead a team'),
    status: fc.constantFrom('active', 'active', 'achieved', 'dropped' as const),
    transitionFrom: option(fc.constantFrom('clinician', '')),
    transitionTo: option(fc.constantFrom('researcher', ' ')),
    needs: fc.subarray([
      { id: 'need_1', name: 'supervisor', essential: true },
      { id: 'need_2', name: 'funding', essential: false },
    ]),
  })
  .map(buildGoal);

const anyPersonId = fc.constantFrom(...PEOPLE, 'ghost');

const snapshotArbitrary: fc.Arbitrary<MapSnapshot> = fc
  .record({
    people: fc.uniqueArray(person, { selector: (p) => p.id, maxLength: PEOPLE.length }),
    networks: fc.uniqueArray(network, { selector: (n) => n.id, maxLength: NETWORKS.length }),
    goals: fc.uniqueArray(goal, { selector: (g) => g.id, maxLength: GOALS.length }),
    goalLinks: fc.array(
      fc.oneof(
        fc.record({ goalId: fc.constantFrom(...GOALS, 'gX'), kind: fc.constant('person' as const), targetId: anyPersonId, relevance: score, note: fc.constant(null), serves: fc.subarray(['need_1', 'need_2']) }),
        fc.record({ goalId: fc.constantFrom(...GOALS), kind: fc.constant('network' as const), targetId: fc.constantFrom(...NETWORKS), relevance: score, note: fc.constant(null), serves: fc.subarray(['need_1', 'need_2']) }),
      ),
      { maxLength: 20 },
    ),
    memberships: fc.array(
      fc.record({ personId: anyPersonId, networkId: fc.constantFrom(...NETWORKS), role: option(fc.constantFrom(...NETWORK_ROLES)) }),
      { maxLength: 12 },
    ),
    ties: fc.array(fc.record({ personAId: anyPersonId, personBId: anyPersonId, strength: score, note: fc.constant(null) }), { maxLength: 10 }),
    exchanges: fc.array(
      fc.record({
        occurredOn: fc.integer({ min: -900, max: 0 }).map((d) => addDays(DEFAULT_TODAY, d)),
        personIds: fc.array(anyPersonId, { minLength: 1, maxLength: 3 }),
        channel: fc.constantFrom(...CHANNELS),
        gave: fc.array(fc.constantFrom(...GIVE_KINDS).map((kind) => ({ kind, note: null })), { maxLength: 3 }),
        received: fc.array(fc.constantFrom(...RECEIVE_KINDS).map((kind) => ({ kind, note: null })), { maxLength: 3 }),
      }),
      { maxLength: 25 },
    ),
    introductions: fc.array(fc.record({ byId: option(anyPersonId), personId: anyPersonId, toId: option(anyPersonId) }), { maxLength: 5 }),
    workingOn: option(fc.constantFrom('a pilot clinic', '')),
  })
  .map((parts) =>
    buildSnapshot({
      ...parts,
      profile: { name: null, workingOn: parts.workingOn },
      exchanges: parts.exchanges.map((e, i) => buildExchange({ id: `x${i}`, ...e })),
      introductions: parts.introductions.map((e, i) => buildIntroduction({ id: `i${i}`, ...e })),
    }),
  );

/** Paths to every number in a value that is not finite. */
function nonFinite(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
  return [];
}

/** Every finding-like object (with `why` and `next`) in the report. */
function findings(value: unknown, out: { why: { text: string }; next: string }[] = []): { why: { text: string }; next: string }[] {
  if (Array.isArray(value)) for (const v of value) findings(v, out);
  else if (value !== null && typeof value === 'object') {
    if ('why' in value && 'next' in value) out.push(value as { why: { text: string }; next: string });
    for (const v of Object.values(value)) findings(v, out);
  }
  return out;
}

const quadrantOf = (report: CheckReport, kind: string, id: string) =>
  QUADRANT_NAMES.find((q) => report.quadrants[q].some((i) => i.kind === kind && i.id === id));

const goalIdOrNone = fc.option(fc.constantFrom(...GOALS, 'unknown'), { nil: undefined });

describe('network check properties', () => {
  it('never puts NaN or Infinity anywhere in the report', () => {
    fc.assert(
      fc.property(snapshotArbitrary, goalIdOrNone, (snapshot, goalId) => {
        expect(nonFinite(runCheck(snapshot, goalId === undefined ? {} : { goalId }))).toEqual([]);
      }),
    );
  });

  it('gives every finding a sentence why and a next step, with no undefined or NaN in the words', () => {
    fc.assert(
      fc.property(snapshotArbitrary, goalIdOrNone, (snapshot, goalId) => {
        for (const f of findings(runCheck(snapshot, goalId === undefined ? {} : { goalId }))) {
          expect(f.why.text.length).toBeGreaterThan(0);
          expect(f.next.length).toBeGreaterThan(0);
          expect(`${f.why.text} ${f.next}`).not.toMatch(/undefined|NaN|\[object/);
        }
      }),
    );
  });

  it('puts every person and network in exactly one quadrant, with consistent totals', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const q = runCheck(snapshot).quadrants;
        const seen = QUADRANT_NAMES.flatMap((name) => q[name].map((i) => `${i.kind}:${i.id}`));
        const expected = [...snapshot.people.map((p) => `person:${p.id}`), ...snapshot.networks.map((n) => `network:${n.id}`)];
        expect(seen.sort()).toEqual(expected.sort());
        for (const name of QUADRANT_NAMES) {
          expect(q[name].every((i) => i.quadrant === name)).toBe(true);
          expect(q.totals[name].items).toBe(q[name].length);
          expect(q.totals[name].people + q.totals[name].networks).toBe(q[name].length);
        }
      }),
    );
  });

  it('never moves a tie from maintain to strengthen (or over-invested to let be) when its strength rises', () => {
    fc.assert(
      fc.property(snapshotArbitrary, fc.nat(), fc.integer({ min: 1, max: 5 }), (snapshot, pick, raise) => {
        const items = [...snapshot.people.map((p) => ['person', p.id] as const), ...snapshot.networks.map((n) => ['network', n.id] as const)];
        fc.pre(items.length > 0);
        const [kind, id] = items[pick % items.length] as readonly ['person' | 'network', string];
        const before = quadrantOf(runCheck(snapshot), kind, id);
        const stronger: MapSnapshot = {
          ...snapshot,
          people: snapshot.people.map((p) => (kind === 'person' && p.id === id ? { ...p, strength: Math.min(5, (Number.isFinite(p.strength) ? p.strength : 0) + raise) } : p)),
          networks: snapshot.networks.map((n) => (kind === 'network' && n.id === id ? { ...n, strength: Math.min(5, (Number.isFinite(n.strength) ? n.strength : 0) + raise) } : n)),
        };
        const after = quadrantOf(runCheck(stronger), kind, id);
        if (before === 'maintain') expect(after).toBe('maintain');
        if (before === 'overInvested') expect(after).toBe('overInvested');
      }),
    );
  });

  it('starts only with people you know and like who can help', () => {
    fc.assert(
      fc.property(snapshotArbitrary, goalIdOrNone, (snapshot, goalId) => {
        const report = runCheck(snapshot, goalId === undefined ? {} : { goalId });
        const eligible = new Set(snapshot.people.filter((p) => p.knowAndLike && p.canHelp && p.stage !== 'dormant').map((p) => p.id));
        expect(report.startHere.items.every((i) => eligible.has(i.id))).toBe(true);
        expect(report.startHere.items.length > 0 || report.startHere.message !== null).toBe(true);
      }),
    );
  });

  it('draws a map whose edges join existing nodes, with unique keys', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const { nodes, edges } = runCheck(snapshot).map;
        const keys = new Set(nodes.map((n) => n.key));
        expect(keys.size).toBe(nodes.length);
        expect(nodes.length).toBe(1 + snapshot.people.length + snapshot.networks.length);
        expect(new Set(edges.map((e) => e.key)).size).toBe(edges.length);
        for (const e of edges) {
          expect(keys.has(e.source)).toBe(true);
          expect(keys.has(e.target)).toBe(true);
        }
        expect(nodes.every((n) => n.ring >= 0 && n.ring <= 5 && Number.isInteger(n.ring))).toBe(true);
      }),
    );
  });

  it('keeps verdicts consistent with the scores', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        for (const g of runCheck(snapshot).goals.items) {
          expect(g.score).toBe(g.contributors.reduce((s, c) => s + c.weight, 0));
          expect(g.verdict === 'missing').toBe(g.score === 0);
          if (g.verdict === 'covered') expect(g.score).toBeGreaterThanOrEqual(24);
        }
      }),
    );
  });

  it('only lists weak or online-only ties, and only overdue contacts that are overdue', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const report = runCheck(snapshot);
        for (const i of report.weakTies.items) expect(Number(i.why.facts['strength']) <= 2 || i.why.facts['onlineOnly'] === true).toBe(true);
        for (const i of report.neglect.overdue) expect(String(i.why.facts['nextContactOn']) < snapshot.today).toBe(true);
      }),
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const copy = structuredClone(snapshot);
        const first = runCheck(snapshot);
        expect(snapshot).toEqual(copy);
        expect(runCheck(copy)).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });
});

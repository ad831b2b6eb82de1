import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNetwork, buildPerson } from './builders.js';
import { mentionsNeed, needTerms, suggestForNeed } from './need-suggestions.js';
import { coverNeeds, goalVerdictWithNeeds, needVerdict, type NeedRef, type NeedServer } from './needs.js';

const needs: NeedRef[] = [
  { id: 'n1', name: 'supervisor', essential: true },
  { id: 'n2', name: 'funding', essential: true },
  { id: 'n3', name: 'doctoral school', essential: false },
];
const server = (id: string, strength: number, relevance: number, serves: string[]): NeedServer => ({ kind: 'person', id, name: id, strength, relevance, serves });

describe('coverage per need', () => {
  it('calls a need nobody serves missing, one served by weak ties alone thin, one with a strong tie covered', () => {
    const covered = coverNeeds(needs, [server('weak', 2, 5, ['n1']), server('strong', 4, 4, ['n3'])]);
    expect(covered.map((n) => [n.name, n.verdict])).toEqual([
      ['supervisor', 'thin'],
      ['funding', 'missing'],
      ['doctoral school', 'covered'],
    ]);
    expect(covered[0]!.contributors.map((c) => c.id)).toEqual(['weak']);
  });

  it('counts a link that names no need toward no need', () => {
    expect(coverNeeds(needs, [server('whole-goal', 5, 5, [])]).map((n) => n.verdict)).toEqual(['missing', 'missing', 'missing']);
  });

  it('never calls a goal with an essential need nobody serves covered', () => {
    const perNeed = coverNeeds(needs, [server('a', 5, 5, ['n1', 'n3']), server('b', 5, 5, ['n1', 'n3'])]);
    expect(goalVerdictWithNeeds('covered', perNeed)).toBe('thin');
  });

  it('keeps a goal covered when only a non-essential need is missing', () => {
    const perNeed = coverNeeds(needs, [server('a', 5, 5, ['n1', 'n2']), server('b', 5, 5, ['n1', 'n2'])]);
    expect(perNeed[2]!.verdict).toBe('missing');
    expect(goalVerdictWithNeeds('covered', perNeed)).toBe('covered');
  });

  it('calls a goal thin when a need rests on weak ties alone', () => {
    const perNeed = coverNeeds(needs, [server('a', 5, 5, ['n1', 'n2', 'n3']), server('weak', 1, 5, ['n2'])]);
    expect(goalVerdictWithNeeds('covered', perNeed)).toBe('covered');
    const thin = coverNeeds(needs, [server('a', 5, 5, ['n1', 'n3']), server('weak', 1, 5, ['n2'])]);
    expect(goalVerdictWithNeeds('covered', thin)).toBe('thin');
  });
});

const arbServer = (needIds: string[]) =>
  fc.record({
    kind: fc.constantFrom('person' as const, 'network' as const),
    id: fc.string({ minLength: 1, maxLength: 6 }),
    name: fc.string({ maxLength: 8 }),
    strength: fc.integer({ min: 0, max: 5 }),
    relevance: fc.integer({ min: 1, max: 5 }),
    serves: fc.subarray(needIds),
  });
const arbNeeds = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), name: fc.string({ maxLength: 10 }), essential: fc.boolean() }), {
  minLength: 1,
  maxLength: 5,
  selector: (n) => n.id,
});
const rank = { missing: 0, thin: 1, covered: 2 } as const;

describe('coverage per need, for any map', () => {
  it('linking another strong contributor to a need never lowers its verdict', () => {
    fc.assert(
      fc.property(
        arbNeeds.chain((ns) => fc.tuple(fc.constant(ns), fc.array(arbServer(ns.map((n) => n.id)), { maxLength: 8 }), fc.constantFrom(...ns.map((n) => n.id)))),
        ([ns, servers, needId]) => {
          const before = coverNeeds(ns, servers);
          const after = coverNeeds(ns, [...servers, server('new-strong', 4, 4, [needId])]);
          before.forEach((n, i) => expect(rank[after[i]!.verdict]).toBeGreaterThanOrEqual(rank[n.verdict]));
          expect(after.find((n) => n.needId === needId)!.verdict).toBe('covered');
        },
      ),
    );
  });

  it("removing a need's only contributor makes it missing", () => {
    fc.assert(
      fc.property(arbNeeds, fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 5 }), (ns, strength, relevance) => {
        const only = server('only', strength, relevance, [ns[0]!.id]);
        expect(coverNeeds(ns, [])[0]!.verdict).toBe('missing');
        const withIt = coverNeeds(ns, [only])[0]!;
        expect(withIt.verdict).toBe(strength === 0 ? 'missing' : only.strength >= 3 && relevance >= 3 ? 'covered' : 'thin');
      }),
    );
  });

  it("the goal's verdict agrees with its needs' verdicts", () => {
    fc.assert(
      fc.property(
        arbNeeds.chain((ns) => fc.tuple(fc.constant(ns), fc.array(arbServer(ns.map((n) => n.id)), { maxLength: 8 }))),
        fc.constantFrom('covered' as const, 'thin' as const, 'missing' as const),
        ([ns, servers], total) => {
          const perNeed = coverNeeds(ns, servers);
          const verdict = goalVerdictWithNeeds(total, perNeed);
          if (verdict === 'covered') {
            expect(perNeed.some((n) => n.essential && n.verdict === 'missing')).toBe(false);
            expect(perNeed.some((n) => n.verdict === 'thin')).toBe(false);
          }
          expect(rank[verdict]).toBeLessThanOrEqual(rank[total]);
          perNeed.forEach((n) => expect(n.verdict).toBe(needVerdict(n.contributors)));
        },
      ),
    );
  });

  it("orders each need's contributors heaviest first, then strongest, then by name and id, whether or not the name order is handed in", () => {
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    fc.assert(
      fc.property(
        arbNeeds.chain((ns) => fc.tuple(fc.constant(ns), fc.array(arbServer(ns.map((n) => n.id)), { maxLength: 12 }))),
        ([ns, servers]) => {
          const perNeed = coverNeeds(ns, servers);
          for (const need of perNeed) {
            // Built the plain way: every server naming the need, once, in a stable sort by the whole rule.
            const expected = servers
              .filter((s) => s.serves.includes(need.needId))
              .sort((a, b) => b.strength * b.relevance - a.strength * a.relevance || b.strength - a.strength || byText(a.name, b.name) || byText(a.id, b.id))
              .map((s) => `${s.kind}:${s.id}:${s.name}`);
            expect(need.contributors.map((c) => `${c.kind}:${c.id}:${c.name}`)).toEqual(expected);
          }
          // A name order handed in (the check index's) gives the same lists.
          const places = servers.map((_, at) => at).sort((a, b) => byText(servers[a]!.name, servers[b]!.name) || byText(servers[a]!.id, servers[b]!.id));
          const nameOrder = new Int32Array(servers.length);
          places.forEach((at, place) => (nameOrder[at] = place));
          expect(coverNeeds(ns, servers, nameOrder)).toEqual(perNeed);
        },
      ),
    );
  });
});

describe('where to look for a missing need', () => {
  const rosa = buildPerson({ id: 'p1', name: 'Rosa Jiménez', strength: 4, knowAndLike: true, stage: 'in-touch' });
  const tom = buildPerson({ id: 'p2', name: 'Tom Reed', strength: 1, stage: 'met', notes: 'Sat on the hospital charity board; knows the funding bodies well.' });
  const ana = buildPerson({ id: 'p3', name: 'Ana Silva', strength: 2, stage: 'met', canHelpHow: 'grant funding applications' });
  const society = buildNetwork({ id: 'n1', name: 'Physio Research Network', kind: 'research-network', role: 'member' });
  const facts = (people: ReturnType<typeof buildPerson>[]) => people.map((person) => ({ person, strength: person.strength }));

  it('names the people whose notes match, the "can help" note first, for the user to confirm', () => {
    const out = suggestForNeed({ need: 'funding', people: facts([rosa, tom, ana]), networks: [{ network: society, strength: 3 }], serving: new Set(), categoryCounts: new Map() });
    const confirm = out.filter((s) => s.kind === 'confirm-person');
    expect(confirm.map((s) => s.target?.name)).toEqual(['Ana Silva', 'Tom Reed']);
    expect(confirm[1]!.why.text).toBe("Tom Reed's notes mention funding.");
    expect(out.find((s) => s.kind === 'ask-for-introduction')?.target?.name).toBe('Rosa Jiménez');
    expect(out.find((s) => s.kind === 'ask-at-network')?.target?.name).toBe('Physio Research Network');
  });

  it('never suggests someone who already serves the need', () => {
    const out = suggestForNeed({ need: 'funding', people: facts([rosa, tom, ana]), networks: [], serving: new Set(['p3']), categoryCounts: new Map() });
    expect(out.map((s) => s.target?.id)).not.toContain('p3');
  });

  it('falls back to a kind of network and a category to grow when the map knows nothing', () => {
    const out = suggestForNeed({ need: 'statistics', people: [], networks: [], serving: new Set(), categoryCounts: new Map([['leader-in-field', 3]]) });
    expect(out.map((s) => s.kind)).toEqual(['find-network', 'grow-category']);
    expect(out[0]!.networkKind).toBe('research-network');
    expect(out[1]!.category).toBe('professional-association');
  });

  it('picks from thousands of people whose role names the need: the first three to confirm, and an introduction from someone else', () => {
    // A LinkedIn import: 3,000 research nurses, strength 0–5 in turn, some known and liked.
    const nurses = Array.from({ length: 3000 }, (_, i) =>
      buildPerson({ id: `m${i}`, name: `Nurse ${String(i).padStart(4, '0')}`, role: 'Research nurse', strength: i % 6, knowAndLike: i % 2 === 0, stage: 'met' }),
    );
    const strangers = Array.from({ length: 500 }, (_, i) => buildPerson({ id: `s${i}`, name: `Stranger ${String(i).padStart(3, '0')}`, strength: 3 + (i % 3), stage: 'met' }));
    const zed = buildPerson({ id: 'z', name: 'Zed Friend', strength: 3, knowAndLike: true, stage: 'in-touch' });
    const out = suggestForNeed({ need: 'research nurses', people: facts([...nurses, ...strangers, zed]), networks: [], serving: new Set(['m5']), categoryCounts: new Map() });
    // The strongest (5) first, by name; m5 already serves the need.
    expect(out.filter((s) => s.kind === 'confirm-person').map((s) => s.target?.id)).toEqual(['m11', 'm17', 'm23']);
    // Known and liked first among the strong ties who are not nurses themselves; one, as there are people to confirm.
    expect(out.filter((s) => s.kind === 'ask-for-introduction').map((s) => s.target?.id)).toEqual(['z']);
  });

  it('matches a need in its words, accents and endings aside', () => {
    expect(mentionsNeed('Mentoring early-career academics', needTerms('academic mentors'))).toBe(true);
    expect(mentionsNeed('Runs the STATISTICAL clinic', needTerms('statistics'))).toBe(true);
    expect(mentionsNeed('Loves statues', needTerms('statistics'))).toBe(false);
    expect(mentionsNeed('Escola doutoral de saúde', needTerms('saude'))).toBe(true);
  });
});

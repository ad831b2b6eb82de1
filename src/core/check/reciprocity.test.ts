import { describe, expect, it } from 'vitest';
import type { GiveKind, ReceiveKind } from '../vocabulary.js';
import { buildExchange, buildPerson, buildSnapshot } from './builders.js';
import { oneWayDirection, overallDirection } from './reciprocity.js';
import { runCheck } from './run-check.js';

const gave = (...kinds: GiveKind[]) => kinds.map((kind) => ({ kind, note: null }));
const got = (...kinds: ReceiveKind[]) => kinds.map((kind) => ({ kind, note: null }));
let n = 0;
const ex = (personIds: string[], g: GiveKind[], r: ReceiveKind[]) =>
  buildExchange({ id: `x${n++}`, occurredOn: `2026-0${1 + (n % 9)}-10`, personIds, gave: gave(...g), received: got(...r) });

describe('reciprocity rules', () => {
  it('flags one-way ties only after three exchanges', () => {
    expect(oneWayDirection(2, 0, 4)).toBeNull();
    expect(oneWayDirection(3, 0, 4)).toBe('taking');
    expect(oneWayDirection(3, 2, 0)).toBe('giving');
    expect(oneWayDirection(3, 1, 1)).toBeNull();
    expect(oneWayDirection(5, 0, 0)).toBeNull();
  });
  it('judges the overall balance', () => {
    expect(overallDirection(0, 0, 0)).toBe('no-exchanges');
    expect(overallDirection(2, 2, 1)).toBe('balanced');
    expect(overallDirection(5, 8, 4)).toBe('mostly-giving');
    expect(overallDirection(5, 1, 6)).toBe('mostly-taking');
    expect(overallDirection(5, 3, 4)).toBe('balanced');
  });
});

describe('reciprocity', () => {
  const people = ['taker', 'giver', 'fair', 'new'].map((id) => buildPerson({ id, name: `${id[0]?.toUpperCase()}${id.slice(1)} Smith` }));
  const report = runCheck(
    buildSnapshot({
      people,
      exchanges: [
        ex(['taker'], [], ['insight']),
        ex(['taker'], [], ['resource', 'introduction']),
        ex(['taker', 'fair'], [], ['opportunity']),
        ex(['giver'], ['help'], []),
        ex(['giver'], ['time'], []),
        ex(['giver'], ['feedback'], []),
        ex(['fair'], ['resource'], ['insight']),
        ex(['new'], [], ['insight']),
        ex(['ghost'], ['help'], []),
      ],
    }),
  ).reciprocity;

  it('counts given and received per person, crediting everyone in a group exchange', () => {
    expect(report.people.map((p) => [p.id, p.exchanges, p.gave, p.received, p.balance])).toEqual([
      ['taker', 3, 0, 4, -4],
      ['giver', 3, 3, 0, 3],
      ['fair', 2, 1, 2, -1],
      ['new', 1, 0, 1, -1],
    ]);
  });

  it('counts each exchange once overall, unknown people included', () => {
    expect(report.overall).toMatchObject({ exchanges: 9, gave: 5, received: 6, balance: -1, direction: 'balanced' });
  });

  it('flags one-way ties both ways with why and a kind next step', () => {
    expect(report.oneWay.map((t) => [t.id, t.direction])).toEqual([
      ['giver', 'giving'],
      ['taker', 'taking'],
    ]);
    const taker = report.oneWay.find((t) => t.id === 'taker');
    expect(taker?.why).toEqual({
      text: 'In 3 exchanges you received 4 and gave nothing back that you recorded.',
      facts: { exchanges: 3, gave: 0, received: 4, lastExchangeOn: expect.any(String), flaggedAfterExchanges: 3 },
    });
    expect(taker?.next).toMatch(/^Offer Taker something back/);
    expect(report.oneWay.find((t) => t.id === 'giver')?.next).toMatch(/^Ask Giver for something small/);
  });

  it('says what to do when nothing is recorded yet', () => {
    const empty = runCheck(buildSnapshot({ people })).reciprocity;
    expect(empty.overall).toMatchObject({ exchanges: 0, gave: 0, received: 0, balance: 0, direction: 'no-exchanges' });
    expect(empty.overall.next).toMatch(/note what you gave/);
    expect(empty.people).toEqual([]);
    expect(empty.oneWay).toEqual([]);
  });

  it('counts a person listed twice in one exchange once', () => {
    const r = runCheck(buildSnapshot({ people, exchanges: [ex(['fair', 'fair'], ['help'], [])] })).reciprocity;
    expect(r.people).toEqual([expect.objectContaining({ id: 'fair', exchanges: 1, gave: 1 })]);
  });
});

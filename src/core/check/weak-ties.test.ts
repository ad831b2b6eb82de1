import { describe, expect, it } from 'vitest';
import type { Channel } from '../vocabulary.js';
import { buildExchange, buildGoal, buildLink, buildMembership, buildNetwork, buildPerson, buildSnapshot } from './builders.js';
import { runCheck } from './run-check.js';

let n = 0;
const via = (id: string, channel: Channel) => buildExchange({ id: `x${n++}`, occurredOn: '2026-10-01', personIds: [id], channel });

describe('weak ties worth strengthening', () => {
  const goal = buildGoal({ id: 'g1', statement: 'start a coaching practice' });
  const snapshot = buildSnapshot({
    goals: [goal],
    people: [
      buildPerson({ id: 'weak-relevant', name: 'Ada', strength: 2, importance: 1 }),
      buildPerson({ id: 'weak-important', strength: 1, importance: 4 }),
      buildPerson({ id: 'weak-unimportant', strength: 1, importance: 2 }),
      buildPerson({ id: 'online-strong', strength: 4, importance: 1 }),
      buildPerson({ id: 'mixed-strong', strength: 4, importance: 1 }),
      buildPerson({ id: 'social', strength: 3, importance: 3, category: 'social-media' }),
      buildPerson({ id: 'no-tie', strength: 0, importance: 5 }),
    ],
    goalLinks: [
      buildLink('g1', 'person', 'weak-relevant', 3),
      buildLink('g1', 'person', 'weak-unimportant', 2),
      buildLink('g1', 'person', 'online-strong', 4),
      buildLink('g1', 'person', 'mixed-strong', 4),
    ],
    exchanges: [via('online-strong', 'email'), via('online-strong', 'video'), via('mixed-strong', 'email'), via('mixed-strong', 'coffee')],
  });
  const report = runCheck(snapshot).weakTies;

  it('keeps weak or online-only ties that matter to a goal or are important', () => {
    expect(report.items.map((i) => i.id).sort()).toEqual(['no-tie', 'online-strong', 'social', 'weak-important', 'weak-relevant']);
    expect(report.message).toBeNull();
  });

  it('orders by relevance, then importance, then strength', () => {
    expect(report.items.map((i) => i.id)).toEqual(['online-strong', 'weak-relevant', 'no-tie', 'weak-important', 'social']);
  });

  it('says why, with the facts', () => {
    const online = report.items[0];
    expect(online?.why.text).toBe(
      'A tie of strength 4/5, known only online (2 exchanges, all by email, social media or video), who matters: relevance 4/5 to "start a coaching practice".',
    );
    expect(online?.why.facts).toMatchObject({ onlineOnly: true, exchanges: 2, relevance: 4, goalId: 'g1' });
    expect(online?.next).toMatch(/^Move from online to a conversation/);
    expect(report.items.find((i) => i.id === 'no-tie')?.next).toMatch(/^Ask someone you both know for an introduction/);
    expect(report.items.find((i) => i.id === 'weak-relevant')?.why.text).toBe(
      'A weak tie (strength 2/5), who matters: relevance 3/5 to "start a coaching practice".',
    );
  });

  it('suggests meeting at a shared network when there is one', () => {
    const withNetwork = buildSnapshot({
      ...snapshot,
      networks: [buildNetwork({ id: 'n1', name: 'Coaching Guild' })],
      memberships: [buildMembership('online-strong', 'n1')],
    });
    expect(runCheck(withNetwork).weakTies.items[0]?.next).toContain('the next Coaching Guild meeting');
  });

  it('with a focused goal keeps only ties relevant (≥ 3) to it', () => {
    expect(runCheck(snapshot, { goalId: 'g1' }).weakTies.items.map((i) => i.id)).toEqual(['online-strong', 'weak-relevant']);
  });

  it('explains an empty list', () => {
    expect(runCheck(buildSnapshot()).weakTies.message).toMatch(/^Add a goal/);
    const strong = buildSnapshot({ goals: [goal], people: [buildPerson({ id: 'p', strength: 5, importance: 5 })] });
    expect(runCheck(strong).weakTies).toEqual({ items: [], message: 'No weak or online-only tie matters to your goals right now.' });
  });
});

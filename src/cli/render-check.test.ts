import { describe, expect, it } from 'vitest';
import { buildGoal, buildLink, buildNetwork, buildPerson, buildSnapshot } from '../core/check/builders.js';
import { runCheck } from '../core/check/run-check.js';
import { checkText } from './render-check.js';

describe('the check on the command line', () => {
  const goal = buildGoal({ id: 'g1', statement: 'Get into research', needs: [{ id: 'need_1', name: 'research', essential: false }] });

  it('calls what a covered goal lacks a risk, keeps the organisation as written, and counts in the singular', () => {
    const snapshot = buildSnapshot({
      goals: [goal],
      people: [
        buildPerson({ id: 'p1', name: 'Ana', strength: 4, category: 'leader-in-field', organisation: 'Hospital Norte' }),
        buildPerson({ id: 'p2', name: 'Rui', strength: 4, category: 'department-colleague', organisation: 'Hospital Norte' }),
      ],
      networks: [buildNetwork({ id: 'n1', name: 'Physio Society', kind: 'professional-body', strength: 3 })],
      goalLinks: [buildLink('g1', 'person', 'p1', 4), buildLink('g1', 'person', 'p2', 4), buildLink('g1', 'network', 'n1', 3)],
    });
    const text = checkText(runCheck(snapshot));
    expect(text).toMatch(/^Network check, \d{4}-\d\d-\d\d: 2 people, 1 network, 1 active goal$/m);
    expect(text).toContain('COVERED  Get into research');
    expect(text).toContain('– Risk: Everyone serving "Get into research" works at your own organisation (Hospital Norte)');
    expect(text).not.toContain('Missing:');
    expect(text).not.toContain('hospital norte');
  });

  it('says "Missing:" for a goal not covered yet', () => {
    const text = checkText(runCheck(buildSnapshot({ goals: [goal], people: [buildPerson({ id: 'p1', name: 'Ana' })] })));
    expect(text).toContain('Network check');
    expect(text).toMatch(/1 person, 0 networks, 1 active goal/);
    expect(text).toContain('– Missing: No person or network is linked to "Get into research".');
  });

  it('opens with the same cards as the web page, each followed by its one action, before any part of the report', () => {
    const snapshot = buildSnapshot({
      goals: [buildGoal({ id: 'g1', statement: 'lead a team' })],
      people: [buildPerson({ id: 'p1', name: 'Ada', knowAndLike: true, canHelp: true, strength: 4, importance: 4, nextContactOn: '2026-11-01', nextContactSetOn: '2026-10-01' })],
      networks: [buildNetwork({ id: 'n1', name: 'Rowing club', strength: 5, importance: 1, hoursPerMonth: 10 })],
      goalLinks: [buildLink('g1', 'person', 'p1', 5)],
    });
    const report = runCheck(snapshot);
    const firstScreen = checkText(report).split('\n== ')[0]!.split('\n');
    const expected = report.summary.cards.flatMap((c) => [`• ${c.text}`, expect.stringMatching(new RegExp(`^  → ${c.action}: `))]);
    expect(firstScreen.slice(3)).toEqual([...expected, '']);
    expect(firstScreen).toContain('  → Open Ada: waggle person show p1');
    expect(firstScreen).toContain('  → See where the time goes: see "Strength × importance" below');
    expect(firstScreen.length).toBeLessThanOrEqual(24);
  });
});

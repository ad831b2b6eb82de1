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
});

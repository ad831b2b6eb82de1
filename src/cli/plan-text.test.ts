import { describe, expect, it } from 'vitest';
import { buildPerson } from '../core/check/builders.js';
import type { PlanTarget } from '../core/model.js';
import { capStatus, planProgress } from '../core/plan.js';
import type { PlanView } from '../services/plan.js';
import { planText } from './commands/plan.js';

describe('the plan on the command line', () => {
  it('prints the counts the plan view carries: one number of new relationships, the same in the line and the note', () => {
    const settings = { monthlyTargets: 1, newRelationshipCap: 1, accountabilityPartner: null };
    const met = buildPerson({ id: 'per_1', name: 'Mo Met', stage: 'met' });
    const eva = buildPerson({ id: 'per_2', name: 'Eva Lopes', stage: 'to-meet' });
    const target: PlanTarget = { id: 'tgt_1', month: '2026-12', personId: eva.id, source: 'own', reason: 'Met at the congress', status: 'open', rolledOverFrom: null, exchangeId: null, closedOn: null, createdAt: '2026-12-01T09:00:00.000Z' };
    const view: PlanView = {
      month: '2026-12',
      today: '2026-12-01',
      settings,
      targets: [{ ...target, person: { id: eva.id, name: eva.name, stage: eva.stage, preferredChannel: null, lastExchangeOn: null, notes: null, organisation: null } }],
      progress: planProgress([target], settings),
      cap: capStatus([met, eva], [target], settings),
      workingOn: null,
    };
    const text = planText(view);
    expect(text).toContain('Plan for 2026-12: 0 of 1 done, 1 open, 0 places left');
    expect(text).toContain('2 new relationships in progress (your cap is 1).');
    expect(text).toContain('Note: 2 new relationships in progress (1 under way, 1 planned): past your cap of 1.');
    expect(text).not.toMatch(/2 of 1/);
  });
});

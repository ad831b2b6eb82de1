import { describe, expect, it } from 'vitest';
import type { Schema } from '../api/client.js';
import { changedFields, goalFormValues, goalPatch, networkFormValues, networkPatch, personChannelDrafts, personFormValues, personPatch } from './patch.js';

const person = {
  id: 'per_1',
  name: 'Ana Silva',
  organisation: 'Hospital Norte',
  role: null,
  location: null,
  howMet: null,
  category: 'leader-in-field',
  tags: ['research', 'a, b'],
  notes: 'line one\nline two',
  strength: 3,
  importance: 4,
  knowAndLike: true,
  canHelp: false,
  canHelpHow: null,
  stage: 'in-touch',
  cadence: '3m',
  preferredChannel: null,
  lostJobList: false,
  nextContactOn: '2027-01-10',
  channels: [
    { kind: 'email', value: 'ana@example.org', label: 'work' },
    { kind: 'linkedin', value: 'https://www.linkedin.com/in/ana', label: null },
  ],
} as unknown as Schema<'Person'>;

describe('what an edit form sends', () => {
  it('nothing, when nothing was changed (even a tag with a comma, which the form cannot split back)', () => {
    expect(personPatch(person, personFormValues(person), personChannelDrafts(person))).toEqual({});
    const network = { id: 'net_1', name: 'Physio', kind: 'other', role: 'member', strength: 1, importance: 2, hoursPerMonth: 2.5, url: null, notes: null } as unknown as Schema<'Network'>;
    expect(networkPatch(network, networkFormValues(network))).toEqual({});
    const goal = { id: 'goal_1', statement: 'Start a doctorate', horizon: null, needs: [{ id: 'need_1', name: 'funding', essential: true }], transitionFrom: null, transitionTo: null, status: 'active' } as unknown as Schema<'Goal'>;
    expect(goalPatch(goal, goalFormValues(goal))).toEqual({});
  });

  it('only the fields changed, with cleared text as null', () => {
    const form = { ...personFormValues(person), organisation: '  ', strength: '5', knowAndLike: false };
    expect(personPatch(person, form, personChannelDrafts(person))).toEqual({ organisation: null, strength: 5, knowAndLike: false });
  });

  it('the channel list whole when a channel changed, keeping labels the form does not show', () => {
    const drafts = [...personChannelDrafts(person), { kind: 'phone', value: ' +1 555 0100 ' }];
    expect(personPatch(person, personFormValues(person), drafts)).toEqual({
      channels: [
        { kind: 'email', value: 'ana@example.org', label: 'work' },
        { kind: 'linkedin', value: 'https://www.linkedin.com/in/ana' },
        { kind: 'phone', value: '+1 555 0100' },
      ],
    });
  });

  it("a goal's needs with their ids, so that a rename keeps who serves the need", () => {
    const goal = { id: 'goal_1', statement: 'Start a doctorate', horizon: null, needs: [{ id: 'need_1', name: 'funding', essential: true }], transitionFrom: null, transitionTo: null, status: 'active' } as unknown as Schema<'Goal'>;
    const form = goalFormValues(goal);
    form.needs = [{ ...form.needs[0]!, name: 'research funding' }, { name: ' statistics ', essential: false }, { name: '  ', essential: true }];
    expect(goalPatch(goal, form)).toEqual({
      needs: [
        { id: 'need_1', name: 'research funding', essential: true },
        { name: 'statistics', essential: false },
      ],
    });
  });

  it('compares values, not identities', () => {
    expect(changedFields({ a: [1, 2], b: null, c: 'x' }, { a: [1, 2], b: null, c: 'y' })).toEqual({ c: 'y' });
  });
});

import type { Schema } from '../api/shapes.js';
import { CHANNELS, CONTACT_KINDS, oneOf, PERSON_CATEGORIES } from '../vocabulary.js';

/*
 * What the edit forms send. A form starts from the record's values; on save an edit
 * sends only the fields whose value changed (a PATCH names what it changes and nothing
 * else), so a field nobody touched is never rewritten: not by a stale copy, not by the
 * form's own rounding of it, not over someone else's edit in another tab.
 * Pure functions, no React: the forms use them and the tests drive them.
 */

/** The fields of `after` whose value differs from `before` (compared as JSON). */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) changes[key] = after[key];
  }
  return changes;
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());
const list = (value: string) =>
  value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** A channel as the form edits it; the label, which the form does not show, is kept as it was. */
export interface ChannelDraft {
  kind: string;
  value: string;
  label?: string | null;
}

export function personFormValues(person: Schema<'Person'> | null) {
  return {
    name: person?.name ?? '',
    organisation: person?.organisation ?? '',
    role: person?.role ?? '',
    location: person?.location ?? '',
    category: person?.category ?? '',
    stage: person?.stage ?? 'met',
    strength: String(person?.strength ?? 0),
    importance: String(person?.importance ?? 0),
    cadence: person?.cadence ?? '',
    nextContactOn: person?.nextContactOn ?? '',
    preferredChannel: person?.preferredChannel ?? '',
    howMet: person?.howMet ?? '',
    tags: person?.tags.join(', ') ?? '',
    notes: person?.notes ?? '',
    knowAndLike: person?.knowAndLike ?? false,
    canHelp: person?.canHelp ?? false,
    canHelpHow: person?.canHelpHow ?? '',
    lostJobList: person?.lostJobList ?? false,
  };
}
export type PersonFormValues = ReturnType<typeof personFormValues>;

export function personChannelDrafts(person: Schema<'Person'> | null): ChannelDraft[] {
  return person ? person.channels.map((c) => ({ kind: c.kind, value: c.value, label: c.label })) : [{ kind: 'email', value: '' }];
}

/** The form as the API's body: empty text becomes null so clearing a field clears it. */
export function personBody(form: PersonFormValues, channels: readonly ChannelDraft[]) {
  return {
    name: form.name,
    organisation: text(form.organisation),
    role: text(form.role),
    location: text(form.location),
    category: oneOf(PERSON_CATEGORIES, form.category) ?? null,
    stage: form.stage,
    strength: Number(form.strength),
    importance: Number(form.importance),
    cadence: form.cadence || null,
    nextContactOn: form.nextContactOn || null,
    preferredChannel: oneOf(CHANNELS, form.preferredChannel) ?? null,
    howMet: text(form.howMet),
    tags: list(form.tags),
    notes: text(form.notes),
    knowAndLike: form.knowAndLike,
    canHelp: form.canHelp,
    canHelpHow: text(form.canHelpHow),
    lostJobList: form.lostJobList,
    channels: channels
      .filter((c) => c.value.trim() !== '')
      .map((c) => ({ kind: oneOf(CONTACT_KINDS, c.kind) ?? 'other', value: c.value.trim(), ...(c.label ? { label: c.label } : {}) })),
  };
}

/** An edit's PATCH body: only what changed from the person as loaded (re-sending an unchanged next-contact date would restart it). */
export function personPatch(person: Schema<'Person'>, form: PersonFormValues, channels: readonly ChannelDraft[]) {
  return changedFields(personBody(personFormValues(person), personChannelDrafts(person)), personBody(form, channels));
}

export function networkFormValues(network: Schema<'Network'> | null) {
  return {
    name: network?.name ?? '',
    kind: network?.kind ?? 'professional-body',
    role: network?.role ?? 'member',
    strength: String(network?.strength ?? 0),
    importance: String(network?.importance ?? 0),
    hoursPerMonth: String(network?.hoursPerMonth ?? 0),
    url: network?.url ?? '',
    notes: network?.notes ?? '',
  };
}
export type NetworkFormValues = ReturnType<typeof networkFormValues>;

export function networkBody(form: NetworkFormValues) {
  return {
    name: form.name,
    kind: form.kind,
    role: form.role,
    strength: Number(form.strength),
    importance: Number(form.importance),
    hoursPerMonth: Number(form.hoursPerMonth),
    url: text(form.url),
    notes: text(form.notes),
  };
}

export function networkPatch(network: Schema<'Network'>, form: NetworkFormValues) {
  return changedFields(networkBody(networkFormValues(network)), networkBody(form));
}

/** A need as the goal form edits it; a need read from the goal keeps its id, so a rename keeps who serves it. */
export interface NeedDraft {
  id?: string;
  name: string;
  essential: boolean;
}

export function goalFormValues(goal: Schema<'Goal'> | null) {
  return {
    statement: goal?.statement ?? '',
    horizon: goal?.horizon ?? '',
    needs: (goal?.needs ?? []).map((n): NeedDraft => ({ id: n.id, name: n.name, essential: n.essential })),
    transitionFrom: goal?.transitionFrom ?? '',
    transitionTo: goal?.transitionTo ?? '',
    status: goal?.status ?? 'active',
  };
}
export type GoalFormValues = ReturnType<typeof goalFormValues>;

export function goalBody(form: GoalFormValues) {
  return {
    statement: form.statement,
    horizon: form.horizon || null,
    needs: form.needs.filter((n) => n.name.trim() !== '').map((n) => ({ ...(n.id ? { id: n.id } : {}), name: n.name.trim(), essential: n.essential })),
    transitionFrom: text(form.transitionFrom),
    transitionTo: text(form.transitionTo),
    status: form.status,
  };
}

export function goalPatch(goal: Schema<'Goal'>, form: GoalFormValues) {
  return changedFields(goalBody(goalFormValues(goal)), goalBody(form));
}

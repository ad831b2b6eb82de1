import { InvalidArgumentError, Option } from 'commander';
import { ValidationError } from '../core/errors.js';

/**
 * An option taking one of a closed set (the vocabulary the API uses). Commander's
 * choices show in the help; a value outside them is refused as the contract refuses
 * it, a ValidationError naming the flag in the same words (`--status: must be one
 * of: open, done, dropped`), so `--json` gets the usual error object.
 */
export function choice(flags: string, description: string, values: readonly string[]): Option {
  const option = new Option(flags, description).choices(values);
  const name = option.long ?? flags;
  return option.argParser((value: string) => {
    if (!values.includes(value)) throw new ValidationError(name, `must be one of: ${values.join(', ')}`);
    return value;
  });
}

/** The same, where `none` clears the value. */
export function choiceOrNone(flags: string, description: string, values: readonly string[]): Option {
  return choice(flags, `${description} (or none to clear)`, [...values, 'none']);
}

/*
 * Flag values to the shapes the contract validates. Converters keep what they
 * cannot read, so that the contract's zod schema reports the problem by field
 * with the same words the API uses.
 */

/** A number when the text is one, else the text itself (for the contract to refuse). */
export function numberish(value: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
}

/** `none` or an empty string clears an optional value. */
export function clearable(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toLowerCase() === 'none' ? null : trimmed;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number`);
    return Number(value);
  };
}

/** "kind" or "kind:note" → { kind, note }. */
export function kindAndNote(value: string): { kind: string; note: string | null } {
  const colon = value.indexOf(':');
  if (colon < 0) return { kind: value.trim(), note: null };
  return { kind: value.slice(0, colon).trim(), note: value.slice(colon + 1).trim() || null };
}

const camelToFlag: Record<string, string> = {
  organisation: '--org',
  preferredChannel: '--channel',
  nextContactOn: '--next-contact',
  tieBeganOn: '--tie-began',
  personIds: '--with',
  networkId: '--at',
  initiatedBy: '--started-by',
  occurredOn: '--on',
  feeling: '--felt',
  followUps: '--follow-up',
  canHelpHow: '--can-help',
  hoursPerMonth: '--hours',
  byId: '--by',
  toId: '--to',
  personId: '--person',
  madeOn: '--on',
};

/** Names a contract field the way the user typed it: `nextContactOn` → `--next-contact`. */
export function flagName(path: string, overrides: Record<string, string> = {}): string {
  const [head = '', ...rest] = path.split('.');
  if (head === 'channels') return '--email/--phone/--link';
  if (head === 'channelGroups') return ({ emails: '--email', phones: '--phone', links: '--link' } as Record<string, string>)[rest[0] ?? ''] ?? '--email/--phone/--link';
  const named = overrides[head] ?? camelToFlag[head] ?? `--${head.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return rest.length > 0 && !/^\d+$/.test(rest[rest.length - 1] ?? '') ? `${named} (${rest.filter((r) => !/^\d+$/.test(r)).join('.')})` : named;
}

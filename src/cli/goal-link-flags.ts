import type { Command } from 'commander';
import { goalLinkInput, type GoalLinkInput } from '../contract/inputs.js';
import { parseInput } from '../contract/validate.js';
import { flagName, numberish } from './values.js';

/** The flags every "link to a goal" command shares, turned into the contract's patch (only what was given). */
export interface GoalLinkFlags {
  relevance?: string;
  note?: string;
  serves?: string;
}

export function addServesOption(command: Command): Command {
  return command.option('--serves <needs>', 'the goal\'s needs served, comma-separated, e.g. "funding,statistics" (replaces the list; "none" clears it)');
}

export function goalLinkFromFlags(flags: GoalLinkFlags): GoalLinkInput {
  const input: Record<string, unknown> = {};
  if (flags.relevance !== undefined) input.relevance = numberish(flags.relevance);
  if (flags.note) input.note = flags.note;
  if (flags.serves !== undefined) {
    const names = flags.serves.split(',').map((s) => s.trim()).filter((s) => s !== '');
    input.serves = names.length === 1 && names[0]!.toLowerCase() === 'none' ? [] : names;
  }
  return parseInput(goalLinkInput, input, (path) => flagName(path, { serves: '--serves' }));
}

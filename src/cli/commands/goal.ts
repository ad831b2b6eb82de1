import type { Command } from 'commander';
import { goalFilterQuery } from '../../contract/filters.js';
import { createGoalInput, updateGoalInput } from '../../contract/inputs.js';
import { parseInput } from '../../contract/validate.js';
import { ValidationError } from '../../core/errors.js';
import { GOAL_STATUSES } from '../../core/vocabulary.js';
import { getGoal, removeGoal, resolveGoal, updateGoal } from '../../services/goals.js';
import { linkNetworkToGoal, linkPersonToGoal, unlinkFromGoal } from '../../services/links.js';
import { resolveNetwork } from '../../services/networks.js';
import { resolvePerson } from '../../services/people.js';
import type { GoalNeed } from '../../core/model.js';
import { addServesOption, goalLinkFromFlags } from '../goal-link-flags.js';
import { emit } from '../output.js';
import { needLines } from '../render-check.js';
import { goalText, goalsTable } from '../render.js';
import { withData } from '../data.js';
import { withSession } from '../runtime.js';
import { choice, clearable, collect, flagName } from '../values.js';
import { about } from '../command-list.js';

interface GoalFlags {
  statement?: string;
  horizon?: string;
  need?: string[];
  essential?: string[];
  optional?: string[];
  from?: string;
  to?: string;
  status?: string;
}

function addGoalFlags(command: Command): Command {
  return command
    .option('--horizon <date>', 'by when, YYYY-MM-DD (or none)')
    .option('--need <need>', 'something the goal needs, e.g. "funding" (repeat for more, in order; on edit, replaces the list)', collect)
    .option('--essential <need>', 'a need without which the goal cannot be covered (repeat for more; added if not listed)', collect)
    .option('--optional <need>', 'on edit: a need that is no longer essential (repeat for more)', collect)
    .option('--from <what>', 'a transition: from what (e.g. "clinical practice")')
    .option('--to <what>', 'a transition: to what (e.g. "clinical research")')
    .addOption(choice('--status <status>', 'where the goal stands', GOAL_STATUSES));
}

/**
 * The needs a goal's flags describe, or undefined when none of --need, --essential
 * or --optional was given. --need names the whole list; --essential and --optional
 * alone change only the needs they name.
 */
function needsFromFlags(flags: GoalFlags, current: readonly GoalNeed[]): { name: string; essential?: boolean }[] | undefined {
  if (!flags.need && !flags.essential && !flags.optional) return undefined;
  const key = (name: string) => name.trim().toLowerCase();
  const essential = new Set((flags.essential ?? []).map(key));
  const optional = new Set((flags.optional ?? []).map(key));
  // Only what a flag says is sent: a need named again keeps whether it is essential.
  const base: { name: string; essential?: boolean }[] = (flags.need ?? current.map((n) => n.name)).map((name) => ({ name }));
  for (const name of flags.essential ?? []) if (!base.some((n) => key(n.name) === key(name))) base.push({ name });
  for (const name of flags.optional ?? []) {
    if (!base.some((n) => key(n.name) === key(name))) throw new ValidationError('--optional', `"${name}" is not one of the goal's needs`);
  }
  return base.map((n) => (essential.has(key(n.name)) ? { ...n, essential: true } : optional.has(key(n.name)) ? { ...n, essential: false } : n));
}

function goalInput(flags: GoalFlags, current: readonly GoalNeed[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (flags.statement !== undefined) input.statement = flags.statement;
  if (flags.horizon !== undefined) input.horizon = clearable(flags.horizon);
  const needs = needsFromFlags(flags, current);
  if (needs) input.needs = needs;
  if (flags.from !== undefined) input.transitionFrom = clearable(flags.from);
  if (flags.to !== undefined) input.transitionTo = clearable(flags.to);
  if (flags.status !== undefined) input.status = flags.status;
  return input;
}

const rename = (path: string) => (path === 'statement' ? 'STATEMENT' : flagName(path, { transitionFrom: '--from', transitionTo: '--to', needs: '--need' }));

export function registerGoal(program: Command): void {
  const goal = program.command('goal').description(about('goal'));

  addGoalFlags(goal.command('add').description('add a goal').argument('<statement>', 'e.g. "Get involved in research in my clinical specialty"')).action(async (statement: string, flags: GoalFlags, command: Command) => {
    const input = parseInput(createGoalInput, goalInput({ ...flags, statement }), rename);
    await withData(command, async (data, json) => {
      const created = await data.createGoal(input);
      emit(json, created, () => `Added goal [${created.id}]: ${created.statement}`);
    });
  });

  goal
    .command('list')
    .alias('ls')
    .description('list goals')
    .addOption(choice('--status <status>', 'only goals with this status', GOAL_STATUSES))
    .option('--limit <n>', 'at most this many')
    .option('--offset <n>', 'skip this many')
    .action(async (flags: { status?: string; limit?: string; offset?: string }, command: Command) => {
      const filter = parseInput(goalFilterQuery, flags, flagName);
      await withData(command, async (data, json) => {
        const page = await data.listGoals(filter);
        emit(json, page, () => goalsTable(page.items, page.total));
      });
    });

  goal
    .command('show')
    .description('a goal, the people and networks that serve it, and the check need by need')
    .argument('<goal>', 'id or statement')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      await withData(command, async (data, json) => {
        const goalId = await data.resolveGoal(ref);
        const detail = await data.goalDetail(goalId);
        // The check's own coverage, focused on this goal: the verdicts are the check's, only printed here.
        const coverage = (await data.checkNetwork({ goalId })).goals.items[0] ?? null;
        emit(json, { ...detail, coverage }, () => [goalText(detail), ...(coverage ? ['', `${coverage.verdict.toUpperCase()}: ${coverage.why.text}`, ...needLines(coverage).map((l) => `  ${l}`), `→ ${coverage.next}`] : [])].join('\n'));
      });
    });

  addGoalFlags(goal.command('edit').description('change a goal').argument('<goal>', 'id or statement').option('--statement <text>', 'a new statement')).action(async (ref: string, flags: GoalFlags, command: Command) => {
    await withSession(command, async (ctx, json) => {
      const goalId = await resolveGoal(ctx, ref);
      const current = !flags.need && (flags.essential || flags.optional) ? (await getGoal(ctx, goalId)).needs : [];
      const input = parseInput(updateGoalInput, goalInput(flags, current), rename);
      const updated = await updateGoal(ctx, goalId, input);
      emit(json, updated, () => `Updated goal [${updated.id}]`);
    });
  });

  goal
    .command('remove')
    .alias('rm')
    .description('remove a goal and its links')
    .argument('<goal>', 'id or statement')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const removed = await removeGoal(ctx, await resolveGoal(ctx, ref));
        emit(json, removed, () => `Removed goal [${removed.id}]`);
      });
    });

  const linkOptions = (c: Command) =>
    c
      .argument('<goal>', 'id or statement')
      .option('--person <person>', 'a person who serves it (id or name)')
      .option('--network <network>', 'a network that serves it (id or name)')
      .option('--relevance <1-5>', 'how relevant (default 3)')
      .option('--note <text>', 'why they are relevant');

  linkOptions(addServesOption(goal.command('link').description('say how relevant a person or network is to a goal, and which of its needs they serve'))).action(async (ref: string, flags: { person?: string; network?: string; relevance?: string; note?: string; serves?: string }, command: Command) => {
    if ((flags.person === undefined) === (flags.network === undefined)) throw new ValidationError('--person/--network', 'give exactly one of --person or --network');
    const input = goalLinkFromFlags(flags);
    await withSession(command, async (ctx, json) => {
      const goalId = await resolveGoal(ctx, ref);
      const link = flags.person ? await linkPersonToGoal(ctx, await resolvePerson(ctx, flags.person), goalId, input) : await linkNetworkToGoal(ctx, await resolveNetwork(ctx, flags.network!), goalId, input);
      emit(json, link, () => `Linked with relevance ${link.relevance}/5${link.serves.length ? `, serving ${link.serves.length} ${link.serves.length === 1 ? 'need' : 'needs'}` : ''}.`);
    });
  });

  linkOptions(goal.command('unlink').description('remove a person or network from a goal')).action(async (ref: string, flags: { person?: string; network?: string }, command: Command) => {
    if ((flags.person === undefined) === (flags.network === undefined)) throw new ValidationError('--person/--network', 'give exactly one of --person or --network');
    await withSession(command, async (ctx, json) => {
      const goalId = await resolveGoal(ctx, ref);
      if (flags.person) await unlinkFromGoal(ctx, 'person', await resolvePerson(ctx, flags.person), goalId);
      else await unlinkFromGoal(ctx, 'network', await resolveNetwork(ctx, flags.network!), goalId);
      emit(json, { unlinked: true }, () => 'Unlinked.');
    });
  });
}

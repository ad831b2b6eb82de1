import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { addTargetInput, month as monthSchema, planSettingsInput, rollOverInput } from '../../contract/rhythm-inputs.js';
import { parseInput } from '../../contract/validate.js';
import type { ServiceContext } from '../../services/context.js';
import { resolvePerson } from '../../services/people.js';
import { addTarget, closeTarget, currentMonth, findOpenTarget, planView, rollOver, suggestPlan, swapTarget, updatePlanSettings, type PlanView } from '../../services/plan.js';
import { planPageHtml } from '../../codecs/html/plan-page.js';
import { getProfile } from '../../services/workspace.js';
import { plural } from '../../core/words.js';
import { emit, fields, table } from '../output.js';
import { withData } from '../data.js';
import { withSession } from '../runtime.js';
import { clearable, flagName, numberish } from '../values.js';
import { about } from '../command-list.js';

function monthFlag(value: string | undefined): string | undefined {
  return value === undefined ? undefined : parseInput(monthSchema, value, () => '--month');
}

/** A target named by its id, or by the person whose open target it is this month. */
async function targetRef(ctx: ServiceContext, ref: string, month: string | undefined): Promise<string> {
  if (ref.startsWith('tgt_')) return ref;
  return (await findOpenTarget(ctx, await resolvePerson(ctx, ref), month ?? currentMonth(ctx))).id;
}

export function planText(view: PlanView): string {
  const lines = [`Plan for ${view.month}: ${view.progress.text}`];
  if (view.workingOn) lines.push(`Working on now: ${view.workingOn}`);
  const shown = view.targets.filter((t) => t.status !== 'dropped');
  if (shown.length === 0) lines.push('', 'Nobody planned yet. See suggestions: waggle plan suggest');
  else
    lines.push(
      '',
      table(shown, [
        { header: 'STATUS', value: (t) => t.status },
        { header: 'WHO', value: (t) => t.person.name },
        { header: 'WHY', value: (t) => t.reason },
        { header: 'ID', value: (t) => t.id },
      ]),
    );
  lines.push('', `${view.cap.text}.`);
  if (view.cap.warning) lines.push(`Note: ${view.cap.warning}`);
  return lines.join('\n');
}

export function registerPlan(program: Command): void {
  const plan = program.command('plan').description(about('plan'));

  plan
    .command('show', { isDefault: true })
    .description("the month's targets and progress")
    .option('--month <YYYY-MM>', 'another month')
    .action(async (flags: { month?: string }, command: Command) => {
      const month = monthFlag(flags.month);
      await withData(command, async (data, json) => {
        const view = await data.planView(month);
        emit(json, view, () => planText(view));
      });
    });

  plan
    .command('suggest')
    .description('whom to reach this month, from the network check, within your monthly number and cap')
    .option('--month <YYYY-MM>', 'another month')
    .action(async (flags: { month?: string }, command: Command) => {
      const month = monthFlag(flags.month);
      await withSession(command, async (ctx, json) => {
        const s = await suggestPlan(ctx, month ?? currentMonth(ctx));
        emit(json, s, () => {
          const lines = [`${plural(s.placesLeft, 'place')} left in ${s.month}. ${s.cap.text}.`];
          for (const x of s.suggestions) lines.push('', `${x.name}  [${x.personId}]  (${x.source}${x.startsNewRelationship ? ', new relationship' : ''})`, `  why:  ${x.reason}`, `  next: ${x.next}`);
          if (s.alternatives.length) lines.push('', `Also worth a thought: ${s.alternatives.map((a) => a.name).join(', ')}`);
          if (s.cap.warning) lines.push('', `Note: ${s.cap.warning}`);
          if (s.suggestions.length) lines.push('', 'Accept one: waggle plan accept NAME · swap: waggle plan swap OLD NEW');
          return lines.join('\n');
        });
      });
    });

  for (const [name, description] of [
    ['accept', 'accept a suggested person into the month (keeps the suggestion’s reason)'],
    ['add', 'add a person of your own choosing, with your reason'],
  ] as const) {
    plan
      .command(name)
      .description(description)
      .argument('<person>', 'id or name')
      .option('--month <YYYY-MM>', 'another month')
      .option('--reason <text>', 'why this person, this month')
      .action(async (ref: string, flags: { month?: string; reason?: string }, command: Command) => {
        await withSession(command, async (ctx, json) => {
          const input = parseInput(addTargetInput, { personId: await resolvePerson(ctx, ref), ...(flags.month ? { month: flags.month } : {}), ...(flags.reason !== undefined ? { reason: flags.reason } : {}) }, flagName);
          const added = await addTarget(ctx, input);
          emit(json, added, () =>
            (added.alreadyPlanned ? [added.message, `Why: ${added.target.reason}`] : [`${added.message} [${added.target.id}]`, `Why: ${added.target.reason}`, ...added.warnings.map((w) => `Note: ${w}`)]).join('\n'),
          );
          for (const warning of added.warnings) if (json) process.stderr.write(`warning: ${warning}\n`);
        });
      });
  }

  plan
    .command('swap')
    .description('drop a target and plan someone else instead')
    .argument('<target>', 'the target id, or the person whose open target it is')
    .argument('<person>', 'who instead (id or name)')
    .option('--month <YYYY-MM>', 'another month')
    .action(async (oldRef: string, newRef: string, flags: { month?: string }, command: Command) => {
      const month = monthFlag(flags.month);
      await withSession(command, async (ctx, json) => {
        const swapped = await swapTarget(ctx, await targetRef(ctx, oldRef, month), await resolvePerson(ctx, newRef));
        emit(json, swapped, () => [`Swapped: ${newRef} is planned instead [${swapped.target.id}]`, ...swapped.warnings.map((w) => `Note: ${w}`)].join('\n'));
      });
    });

  for (const [name, status, verb] of [
    ['done', 'done', 'Done'],
    ['drop', 'dropped', 'Dropped'],
  ] as const) {
    plan
      .command(name)
      .description(`mark a target ${status} (logging an exchange marks it done by itself)`)
      .argument('<target>', 'the target id, or the person whose open target it is')
      .option('--month <YYYY-MM>', 'another month')
      .action(async (ref: string, flags: { month?: string }, command: Command) => {
        const month = monthFlag(flags.month);
        await withSession(command, async (ctx, json) => {
          const closed = await closeTarget(ctx, await targetRef(ctx, ref, month), status);
          emit(json, closed, () => `${verb}: ${ref}`);
        });
      });
  }

  plan
    .command('roll-over')
    .description("carry last month's unfinished targets into this month")
    .option('--from <YYYY-MM>', 'the month to carry from (default: the month before --to)')
    .option('--to <YYYY-MM>', 'the month to carry into (default: this month)')
    .action(async (flags: { from?: string; to?: string }, command: Command) => {
      const input = parseInput(rollOverInput, { ...(flags.from ? { from: flags.from } : {}), ...(flags.to ? { to: flags.to } : {}) }, flagName);
      await withSession(command, async (ctx, json) => {
        const rolled = await rollOver(ctx, input);
        emit(json, rolled, () => (rolled.length ? `Rolled over ${plural(rolled.length, 'target')} into ${rolled[0]?.month}.` : 'Nothing to roll over.'));
      });
    });

  plan
    .command('settings')
    .description('how many people a month, the cap on new relationships, your accountability partner')
    .option('--targets <n>', 'people to reach each month (two to four is a good rhythm)')
    .option('--cap <n>', 'most new relationships in progress at once')
    .option('--partner <name>', 'who you share the plan with (or none)')
    .action(async (flags: { targets?: string; cap?: string; partner?: string }, command: Command) => {
      const input = parseInput(
        planSettingsInput,
        {
          ...(flags.targets !== undefined ? { monthlyTargets: numberish(flags.targets) } : {}),
          ...(flags.cap !== undefined ? { newRelationshipCap: numberish(flags.cap) } : {}),
          ...(flags.partner !== undefined ? { accountabilityPartner: clearable(flags.partner) } : {}),
        },
        (p) => flagName(p, { monthlyTargets: '--targets', newRelationshipCap: '--cap', accountabilityPartner: '--partner' }),
      );
      await withSession(command, async (ctx, json) => {
        const settings = await updatePlanSettings(ctx, input);
        emit(json, settings, () =>
          fields([
            ['People a month', settings.monthlyTargets],
            ['New relationships at once', settings.newRelationshipCap],
            ['Accountability partner', settings.accountabilityPartner ?? 'none'],
          ]),
        );
      });
    });

  plan
    .command('print')
    .description('the plan as a printable, read-only HTML page for your accountability partner')
    .option('--month <YYYY-MM>', 'another month')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--include-notes', 'include your notes about the people (left out by default)')
    .action(async (flags: { month?: string; out?: string; includeNotes?: boolean }, command: Command) => {
      const month = monthFlag(flags.month);
      await withSession(command, async (ctx, json) => {
        const view = await planView(ctx, month ?? currentMonth(ctx));
        const html = planPageHtml(view, { ownerName: (await getProfile(ctx)).name, includeNotes: flags.includeNotes === true });
        if (flags.out) {
          writeFileSync(flags.out, html, { mode: 0o600 });
          emit(json, { written: flags.out }, () => `Wrote ${flags.out}`);
        } else process.stdout.write(html);
      });
    });
}

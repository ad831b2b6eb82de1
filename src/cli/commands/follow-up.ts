import type { Command } from 'commander';
import { followUpFilterQuery } from '../../contract/filters.js';
import { followUpInput } from '../../contract/inputs.js';
import { parseInput } from '../../contract/validate.js';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES } from '../../core/vocabulary.js';
import { emit, table } from '../output.js';
import { withData } from '../data.js';
import { choice, flagName } from '../values.js';
import { about } from '../command-list.js';

export function registerFollowUp(program: Command): void {
  const followUp = program.command('follow-up').description(about('follow-up'));

  followUp
    .command('list')
    .alias('ls')
    .description('follow-ups, soonest first (open ones unless --status is given)')
    .addOption(choice('--status <status>', 'only follow-ups with this status', FOLLOW_UP_STATUSES).default('open'))
    .option('--person <person>', 'for this person (id or name)')
    .action(async (flags: { status: string; person?: string }, command: Command) => {
      // A status, read by the API's own schema: never matched against the follow-up kinds.
      const filter = parseInput(followUpFilterQuery, { status: flags.status }, flagName);
      await withData(command, async (data, json) => {
        const items = await data.listFollowUps({ ...filter, ...(flags.person ? { personId: await data.resolvePerson(flags.person) } : {}) });
        emit(json, items, () =>
          items.length === 0
            ? `No ${filter.status} follow-ups.`
            : table(items, [
                { header: 'DUE', value: (f) => f.dueOn },
                { header: 'KIND', value: (f) => f.kind },
                { header: 'WHAT', value: (f) => f.description },
                { header: 'STATUS', value: (f) => f.status },
                { header: 'ID', value: (f) => f.id },
              ]),
        );
      });
    });

  followUp
    .command('add')
    .description('add a follow-up on its own')
    .argument('<description>')
    .addOption(choice('--kind <kind>', 'what it is', FOLLOW_UP_KINDS))
    .option('--due <date>', 'YYYY-MM-DD (default in a week, two days for a thank-you)')
    .option('--person <person>', 'for this person (id or name)')
    .action(async (description: string, flags: { kind?: string; due?: string; person?: string }, command: Command) => {
      const draft = { description, ...(flags.kind ? { kind: flags.kind } : {}), ...(flags.due ? { dueOn: flags.due } : {}) };
      const rename = (p: string) => flagName(p, { dueOn: '--due', description: 'DESCRIPTION' });
      parseInput(followUpInput, draft, rename);
      await withData(command, async (data, json) => {
        const input = parseInput(followUpInput, { ...draft, ...(flags.person ? { personId: await data.resolvePerson(flags.person) } : {}) }, rename);
        const created = await data.addFollowUp(input);
        emit(json, created, () => `Follow-up due ${created.dueOn} [${created.id}]`);
      });
    });

  for (const [name, status, verb] of [
    ['done', 'done', 'Done'],
    ['drop', 'dropped', 'Dropped'],
  ] as const) {
    followUp
      .command(name)
      .description(`mark a follow-up ${status}`)
      .argument('<id>')
      .action(async (id: string, _flags: unknown, command: Command) => {
        await withData(command, async (data, json) => {
          const closed = await data.closeFollowUp(id, status);
          emit(json, closed, () => `${verb}: ${closed.description}`);
        });
      });
  }
}

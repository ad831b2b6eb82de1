import type { Command } from 'commander';
import { DEFAULT_DUE_WINDOW_DAYS } from '../../core/due.js';
import { emit } from '../output.js';
import { dueText } from '../render.js';
import { withData } from '../data.js';
import { positiveInt } from '../values.js';

export function registerDue(program: Command): void {
  program
    .command('due')
    .description('who is due or overdue for contact, and which follow-ups')
    .option('--within <days>', `look this many days ahead (default ${DEFAULT_DUE_WINDOW_DAYS})`, positiveInt('--within'))
    .action(async (flags: { within?: number }, command: Command) => {
      await withData(command, async (data, json) => {
        const report = await data.whatIsDue(flags.within ?? DEFAULT_DUE_WINDOW_DAYS);
        emit(json, report, () => dueText(report));
      });
    });
}

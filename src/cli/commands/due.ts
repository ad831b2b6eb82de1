import type { Command } from 'commander';
import { DEFAULT_DUE_WINDOW_DAYS } from '../../core/due.js';
import { emit } from '../output.js';
import { dueText, upcomingDatesText } from '../render.js';
import { withData } from '../data.js';
import { positiveInt } from '../values.js';
import { about } from '../command-list.js';

export function registerDue(program: Command): void {
  program
    .command('due')
    .description(about('due'))
    .option('--within <days>', `look this many days ahead (default ${DEFAULT_DUE_WINDOW_DAYS})`, positiveInt('--within'))
    .action(async (flags: { within?: number }, command: Command) => {
      await withData(command, async (data, json) => {
        const within = flags.within ?? DEFAULT_DUE_WINDOW_DAYS;
        const report = await data.whatIsDue(within);
        const { dates } = await data.upcomingDates(Math.min(within, 366));
        emit(json, { ...report, dates }, () => [dueText(report), ...(dates.length > 0 ? ['', 'Dates:', upcomingDatesText(dates)] : [])].join('\n'));
      });
    });
}

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { calendarIcs } from '../../services/ics.js';
import { emit } from '../output.js';
import { withSession } from '../runtime.js';

export function registerExport(program: Command): void {
  const exporter = program.command('export').description('take your data out');
  exporter
    .command('ics')
    .description('reminders as an iCalendar file: next contacts, follow-ups and this month’s targets, as all-day events')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--include-notes', 'include your notes about people in the events (left out by default)')
    .action(async (flags: { out?: string; includeNotes?: boolean }, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const ics = await calendarIcs(ctx, { includeNotes: flags.includeNotes === true });
        if (flags.out) {
          writeFileSync(flags.out, ics, { mode: 0o600 });
          emit(json, { written: flags.out, events: (ics.match(/BEGIN:VEVENT/g) ?? []).length }, () => `Wrote ${flags.out}`);
        } else process.stdout.write(ics);
      });
    });
}

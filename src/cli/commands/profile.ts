import type { Command } from 'commander';
import { updateProfileInput } from '../../contract/inputs.js';
import { parseInput } from '../../contract/validate.js';
import { getProfile, updateProfile } from '../../services/workspace.js';
import { emit, fields } from '../output.js';
import { withSession } from '../runtime.js';
import { clearable, flagName } from '../values.js';
import { about } from '../command-list.js';

export function registerProfile(program: Command): void {
  const profile = program.command('profile').description(about('profile'));
  profile
    .command('show', { isDefault: true })
    .description('show your profile and where the data lives')
    .action(async (_flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json, session) => {
        const p = await getProfile(ctx);
        emit(json, { ...p, database: session.store.kind, location: session.store.location }, () =>
          fields([
            ['Name', p.name],
            ['Working on now', p.workingOn ?? 'not set (waggle profile set --working-on "…")'],
            ['Time zone', p.timeZone],
            ['My emails', p.emails.length ? p.emails.join(', ') : 'none (waggle profile set --email you@example.org): capturing a mailbox needs them'],
            ['Data', `${session.store.kind}: ${session.store.location}`],
          ]),
        );
      });
    });
  profile
    .command('set')
    .description('change your profile')
    .option('--name <name>', 'your name')
    .option('--working-on <text>', 'working out loud: what you are working on now')
    .option('--time-zone <zone>', 'the IANA time zone whose calendar decides "today", e.g. Europe/London')
    .option('--email <address>', 'your own email address (repeat for each; "none" clears them): tells what you sent from what you received when a mailbox or calendar is captured', (value: string, list: string[] = []) => [...list, value])
    .action(async (flags: { name?: string; workingOn?: string; timeZone?: string; email?: string[] }, command: Command) => {
      const input = parseInput(
        updateProfileInput,
        { ...(flags.name !== undefined ? { name: clearable(flags.name) } : {}), ...(flags.workingOn !== undefined ? { workingOn: clearable(flags.workingOn) } : {}), ...(flags.timeZone ? { timeZone: flags.timeZone } : {}), ...(flags.email ? { emails: flags.email.filter((e) => e.toLowerCase() !== 'none') } : {}) },
        flagName,
      );
      await withSession(command, async (ctx, json) => {
        const p = await updateProfile(ctx, input);
        emit(json, p, () => 'Profile updated.');
      });
    });
}

import { updateProfileInput } from '../../contract/inputs.js';
import { parseInput } from '../../contract/validate.js';
import { getProfile, updateProfile } from '../../services/workspace.js';
import { emit, fields } from '../output.js';
import { withSession } from '../runtime.js';
import { clearable, flagName } from '../values.js';
export function registerProfile(program) {
    const profile = program.command('profile').description('you: your name, what you are working on now, your time zone');
    profile
        .command('show', { isDefault: true })
        .description('show your profile and where the data lives')
        .action(async (_flags, command) => {
        await withSession(command, async (ctx, json, session) => {
            const p = await getProfile(ctx);
            emit(json, { ...p, database: session.store.kind, location: session.store.location }, () => fields([
                ['Name', p.name],
                ['Working on now', p.workingOn ?? 'not set (waggle profile set --working-on "…")'],
                ['Time zone', p.timeZone],
                ['Data', `${session.store.kind}: ${session.store.location}`],
            ]));
        });
    });
    profile
        .command('set')
        .description('change your profile')
        .option('--name <name>', 'your name')
        .option('--working-on <text>', 'working out loud: what you are working on now')
        .option('--time-zone <zone>', 'the IANA time zone whose calendar decides "today", e.g. Europe/London')
        .action(async (flags, command) => {
        const input = parseInput(updateProfileInput, { ...(flags.name !== undefined ? { name: clearable(flags.name) } : {}), ...(flags.workingOn !== undefined ? { workingOn: clearable(flags.workingOn) } : {}), ...(flags.timeZone ? { timeZone: flags.timeZone } : {}) }, flagName);
        await withSession(command, async (ctx, json) => {
            const p = await updateProfile(ctx, input);
            emit(json, p, () => 'Profile updated.');
        });
    });
}
//# sourceMappingURL=profile.js.map
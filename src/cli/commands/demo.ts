import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { loadDemo } from '../../services/demo.js';
import type { TeamDetail } from '../../services/teams.js';
import { emit, fields } from '../output.js';
import { RemoteClient, remoteTarget } from '../remote.js';
import { globals, withSession } from '../runtime.js';
import { about } from '../command-list.js';

/*
 * `waggle demo --team` makes a demo team on a server (POST /api/teams/demo, the Teams
 * page's button), led by the token's account. On one's own machine it is refused, with
 * the way to a server: local mode has one map and no accounts, and a team is a team of
 * accounts. Making five made-up accounts in a local database would leave hidden server
 * data that no local page shows, and that a later `waggle serve --public-url` on the
 * same data would suddenly serve.
 */
const NEEDS_A_SERVER =
  'a team needs accounts, and your own machine has one map and no accounts: run Waggle as a server (`waggle serve --listen ADDR --public-url URL`), then `waggle --server URL --token T demo --team`, or press "Try a demo team" on its Teams page';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(about('demo'))
    .option('--replace', 'erase the current map first (it is refused otherwise when there is data)')
    .option('--team', 'on a server (--server): make a demo team you lead, with five made-up teammates, their shares, two goals and a month of news')
    .action(async (flags: { replace?: boolean; team?: boolean }, command: Command) => {
      if (flags.team) {
        if (flags.replace) throw new ValidationError('--replace', 'applies to the sample map, not to a demo team (which adds a team and changes nothing of your map)');
        const target = remoteTarget(command);
        if (!target) throw new ValidationError('--team', NEEDS_A_SERVER);
        const team = await new RemoteClient(target).send<TeamDetail>('POST', '/api/teams/demo', {});
        emit(globals(command).json === true, team, () =>
          [
            `Made a demo team you lead, with ${team.members - 1} made-up teammates, their shares, two goals and a month of news.`,
            fields([['Team', team.name], ['Id', team.id]]),
            `Try: waggle --server ${target.server} team check ${team.id}`,
          ].join('\n'),
        );
        return;
      }
      await withSession(command, async (ctx, json) => {
        const summary = await loadDemo(ctx, { replace: flags.replace === true });
        emit(json, summary, () => `Loaded the sample map: ${summary.people} people, ${summary.networks} networks, ${summary.goals} goals, ${summary.exchanges} exchanges.\nTry: waggle due · waggle person list · waggle goal list`);
      });
    });
}

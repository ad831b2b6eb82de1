import type { Command } from 'commander';
import { loadDemo } from '../../services/demo.js';
import { emit } from '../output.js';
import { withSession } from '../runtime.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load a sample map: a clinician moving into research (about 80 people, a dozen networks, three goals, two years of exchanges)')
    .option('--replace', 'erase the current map first (it is refused otherwise when there is data)')
    .action(async (flags: { replace?: boolean }, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const summary = await loadDemo(ctx, { replace: flags.replace === true });
        emit(json, summary, () => `Loaded the sample map: ${summary.people} people, ${summary.networks} networks, ${summary.goals} goals, ${summary.exchanges} exchanges.\nTry: waggle due · waggle person list · waggle goal list`);
      });
    });
}

import type { Command } from 'commander';
import { emit } from '../emit.js';
import { checkText } from '../render-check.js';
import { withData } from '../data.js';
import { about } from '../command-list.js';
import { keepYoungGenerationSmall } from '../young-generation.js';
import { commandFinishedEverything } from '../leave.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(about('check'))
    .option('--goal <goal>', 'focus on one goal (id or statement)')
    .action(async (flags: { goal?: string }, command: Command) => {
      // The check reads the whole map and keeps it until it has printed it: scavenges kept small are cheaper.
      keepYoungGenerationSmall();
      await withData(command, async (data, json) => {
        const goalId = flags.goal ? await data.resolveGoal(flags.goal) : undefined;
        const report = await data.checkNetwork(goalId ? { goalId } : {});
        emit(json, report, () => checkText(report));
      });
      // The database is closed and the report written: the process may end without tearing its heap down.
      commandFinishedEverything();
    });
}

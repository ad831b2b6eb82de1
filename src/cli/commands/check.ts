import type { Command } from 'commander';
import { checkNetwork } from '../../services/check.js';
import { resolveGoal } from '../../services/goals.js';
import { emit } from '../output.js';
import { checkText } from '../render-check.js';
import { withSession } from '../runtime.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('the network check: what the map says about your goals, and what to do next')
    .option('--goal <goal>', 'focus on one goal (id or statement)')
    .action(async (flags: { goal?: string }, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const goalId = flags.goal ? await resolveGoal(ctx, flags.goal) : undefined;
        const report = await checkNetwork(ctx, goalId ? { goalId } : {});
        emit(json, report, () => checkText(report));
      });
    });
}

import { Command } from 'commander';
import { registerAnalyse } from './commands/analyse.js';
import { registerCheck } from './commands/check.js';
import { registerDemo } from './commands/demo.js';
import { registerDraft } from './commands/draft.js';
import { registerDue } from './commands/due.js';
import { registerExport } from './commands/export.js';
import { registerFollowUp } from './commands/follow-up.js';
import { registerGoal } from './commands/goal.js';
import { registerImport } from './commands/import.js';
import { registerIntro } from './commands/intro.js';
import { registerLog } from './commands/log.js';
import { registerNetwork } from './commands/network.js';
import { registerPerson } from './commands/person.js';
import { registerPlan } from './commands/plan.js';
import { registerProfile } from './commands/profile.js';
import { registerServe } from './commands/serve.js';
import { registerShare } from './commands/share.js';
import { registerTeam } from './commands/team.js';
import { registerUser } from './commands/user.js';
import { registerVocabulary } from './commands/vocabulary.js';

export const VERSION = '0.1.0';

/** The `waggle` program: one module per command group, each registering itself. */
export function buildProgram(): Command {
  const program = new Command('waggle')
    .description('Waggle: a strategic networking planner. Map your networks, judge which ties matter for your goals, plan whom to reach next.')
    .version(VERSION)
    .option('--data <dir>', 'the data folder (else WAGGLE_DATA_DIR, else your data directory; DATABASE_URL selects PostgreSQL)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--server <url>', 'a Waggle server in server mode to work on instead of local data (or WAGGLE_SERVER): the everyday commands (person, network and goal list and add, log, due, check, plan, export…) and `team …`')
    .option('--token <token>', 'the access token for --server (better: WAGGLE_TOKEN, which stays out of shell history)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerPerson(program);
  registerNetwork(program);
  registerGoal(program);
  registerLog(program);
  registerIntro(program);
  registerFollowUp(program);
  registerDue(program);
  registerCheck(program);
  registerAnalyse(program);
  registerPlan(program);
  registerShare(program);
  registerTeam(program);
  registerDraft(program);
  registerImport(program);
  registerExport(program);
  registerProfile(program);
  registerDemo(program);
  registerServe(program);
  registerUser(program);
  registerVocabulary(program);
  // Subcommands inherit the error behaviour, so one catch in main handles all.
  const inherit = (command: Command) => {
    for (const sub of command.commands) {
      sub.exitOverride().showHelpAfterError('(add --help for usage)');
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

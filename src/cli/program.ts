import { Command, Help } from 'commander';
import { MODULES, modulesNamedIn, TOP_COMMANDS, type Register } from './command-list.js';

export const VERSION = '0.1.0';

/**
 * The `waggle` program for one command line: the commands it names are registered by
 * their own modules, loaded now; every other top-level command is only named (its name,
 * usage and description, for the help's list). `buildWholeProgram` loads them all.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  return assemble(modulesNamedIn(argv));
}

/** The program with every command's module loaded: every option of every command, for tests and tools that walk them. */
export async function buildWholeProgram(): Promise<Command> {
  return assemble(Object.keys(MODULES) as (keyof typeof MODULES)[]);
}

async function assemble(modules: readonly (keyof typeof MODULES)[]): Promise<Command> {
  const registers = new Map<string, Register>(await Promise.all(modules.map(async (m) => [m, await MODULES[m]()] as const)));
  const program = new Command('waggle')
    .description('Waggle: a strategic networking planner. Map your networks, judge which ties matter for your goals, plan whom to reach next.')
    .version(VERSION)
    .option('--data <dir>', 'the data folder (else WAGGLE_DATA_DIR, else your data directory; DATABASE_URL selects PostgreSQL)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--server <url>', 'a Waggle server in server mode to work on instead of local data (or WAGGLE_SERVER): the everyday commands (person, network and goal list and add, log, due, check, plan, export…) and `team …`')
    .option('--token <token>', 'the access token for --server (better: WAGGLE_TOKEN, which stays out of shell history)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  // A command only named shows in the list as its module would show it.
  const named = new Map<Command, string>();
  const defaultTerm = new Help().subcommandTerm.bind(new Help());
  program.configureHelp({ subcommandTerm: (command) => named.get(command) ?? defaultTerm(command) });
  const registered = new Set<string>();
  for (const top of TOP_COMMANDS) {
    const register = registers.get(top.module);
    if (register) {
      // One module may register several commands (log and exchange): once, where the first of them is listed.
      if (!registered.has(top.module)) register(program);
      registered.add(top.module);
      continue;
    }
    const stub = program.command(top.name).description(top.description);
    if (top.alias) stub.alias(top.alias);
    named.set(stub, [top.alias ? `${top.name}|${top.alias}` : top.name, top.usage].filter(Boolean).join(' '));
  }
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

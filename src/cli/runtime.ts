import type { Command } from 'commander';
import { ValidationError } from '../core/errors.js';
import type { Clock, ServiceContext } from '../services/context.js';
import { openSession, type Session, type SessionOptions } from '../services/session.js';
import { resolveDatabaseConfig } from '../storage/config.js';

export interface GlobalOptions {
  data?: string;
  json?: boolean;
}

/** The options given to the program, wherever on the line they were typed. */
export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/**
 * WAGGLE_NOW fixes the clock (an ISO instant): for tests, demos and screenshots
 * that must show the same day whenever they run.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv): Clock | undefined {
  const fixed = env.WAGGLE_NOW?.trim();
  if (!fixed) return undefined;
  const instant = new Date(fixed);
  if (Number.isNaN(instant.getTime())) throw new ValidationError('WAGGLE_NOW', `"${fixed}" is not an ISO date and time`);
  return { now: () => instant };
}

/** The commands that work against a server (`--server URL --token T`), as the refusal lists them. */
export const REMOTE_COMMANDS = 'person list|add|show|edit|remove, network list|add|show, goal list|add|show, log, exchange list, follow-up list|add|done|drop, due, check, plan [show], export, team list|show|check|paths|create|rename|invite|join|leave|share|withhold|post|goal add, demo --team';

export async function openCliSession(options: GlobalOptions, sessionOptions: Pick<SessionOptions, 'checkpointsOffThread' | 'firstLoadFile'> = {}): Promise<Session> {
  const clock = clockFromEnv(process.env);
  return openSession(resolveDatabaseConfig(process.env, options.data), { ...sessionOptions, ...(clock ? { clock } : {}) });
}

/** Opens the data for one command, runs it and always closes the database. */
export async function withSession<T>(command: Command, work: (ctx: ServiceContext, json: boolean, session: Session) => Promise<T>): Promise<T> {
  return inSession(localOptions(command), {}, work);
}

/**
 * withSession for a command that loads a whole file into the data (`waggle import`): into a data
 * folder that holds no database yet, the load is written to a new one beside it and moved into
 * place when done (storage/sqlite-first-load.ts); anywhere else, as withSession. `work` may run
 * twice, the first run thrown away (a database appeared in the folder meanwhile): it prints nothing.
 */
export async function withLoadSession<T>(command: Command, work: (ctx: ServiceContext, json: boolean, session: Session) => Promise<T>): Promise<T> {
  const options = localOptions(command);
  const config = resolveDatabaseConfig(process.env, options.data);
  if (config.kind === 'sqlite') {
    const { loadIntoNewDatabase } = await import('../storage/sqlite-first-load.js');
    const loaded = await loadIntoNewDatabase(config.dataDir, (file) => inSession(options, { firstLoadFile: file }, work));
    if (loaded) return loaded.value;
  }
  return inSession(options, {}, work);
}

/** The command's options, refused when a server was asked for: a command that works only on local data must not quietly open it. */
function localOptions(command: Command): GlobalOptions {
  const options = globals(command) as GlobalOptions & { server?: string };
  if (options.server ?? process.env.WAGGLE_SERVER) {
    const name = command.parent && command.parent.name() !== 'waggle' ? `${command.parent.name()} ${command.name()}` : command.name();
    throw new ValidationError('--server', `\`waggle ${name}\` works on local data only, not against a server; against a server these do: ${REMOTE_COMMANDS}`);
  }
  return options;
}

async function inSession<T>(options: GlobalOptions, sessionOptions: Pick<SessionOptions, 'firstLoadFile'>, work: (ctx: ServiceContext, json: boolean, session: Session) => Promise<T>): Promise<T> {
  const session = await openCliSession(options, sessionOptions);
  try {
    return await work(session.ctx, options.json === true, session);
  } finally {
    await session.close();
  }
}

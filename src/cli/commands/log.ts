import type { Command } from 'commander';
import { exchangeFilterQuery } from '../../contract/filters.js';
import { logExchangeInput } from '../../contract/inputs.js';
import { parseInput } from '../../contract/validate.js';
import { ValidationError } from '../../core/errors.js';
import { CHANNELS, FEELINGS, FOLLOW_UP_KINDS, GIVE_KINDS, INITIATORS, RECEIVE_KINDS } from '../../core/vocabulary.js';
import { removeExchange } from '../../services/exchanges.js';
import { askAfterMeeting } from '../after-meeting.js';
import { countLine, emit } from '../output.js';
import { exchangeLine } from '../render.js';
import { withData } from '../data.js';
import { withSession } from '../runtime.js';
import { choice, collect, flagName, kindAndNote } from '../values.js';
import { about } from '../command-list.js';

interface LogFlags {
  with: string[];
  channel?: string;
  on?: string;
  startedBy?: string;
  at?: string;
  gave?: string[];
  received?: string[];
  learned?: string;
  felt?: string;
  notes?: string;
  followUp?: string[];
  thankYou?: boolean;
  prompt?: boolean;
}

/** "[kind:]what to do[@YYYY-MM-DD]" → a follow-up input. */
export function parseFollowUp(text: string): Record<string, unknown> {
  let rest = text.trim();
  const out: Record<string, unknown> = {};
  const at = /@(\S+)$/.exec(rest);
  if (at) {
    out.dueOn = at[1];
    rest = rest.slice(0, at.index).trim();
  }
  const colon = rest.indexOf(':');
  const maybeKind = colon > 0 ? rest.slice(0, colon).trim() : '';
  if ((FOLLOW_UP_KINDS as readonly string[]).includes(maybeKind)) {
    out.kind = maybeKind;
    rest = rest.slice(colon + 1).trim();
  }
  out.description = rest;
  return out;
}

export function registerLog(program: Command): void {
  program
    .command('log')
    .description(about('log'))
    .requiredOption('--with <person>', 'who (id or name; repeat for several people)', collect)
    .addOption(choice('--channel <channel>', 'how', CHANNELS))
    .option('--on <date>', 'when, YYYY-MM-DD (default today)')
    .addOption(choice('--started-by <who>', 'who started it (default me)', INITIATORS))
    .option('--at <network>', 'at a network or event (id or name)')
    .option('--gave <kind[:note]>', `what I gave: ${GIVE_KINDS.join(', ')} (repeat for more)`, collect)
    .option('--received <kind[:note]>', `what I received: ${RECEIVE_KINDS.join(', ')} (repeat for more)`, collect)
    .option('--learned <text>', 'what I learned')
    .addOption(choice('--felt <feeling>', 'how it felt', FEELINGS))
    .option('--notes <text>', 'free notes')
    .option('--follow-up <[kind:]text[@date]>', `a follow-up; kinds: ${FOLLOW_UP_KINDS.join(', ')}; due in a week unless @YYYY-MM-DD (repeat for more)`, collect)
    .option('--thank-you', 'add a thank-you note follow-up, due in two days')
    .option('--no-prompt', 'do not ask the after-meeting questions, even in a terminal')
    .action(async (flags: LogFlags, command: Command) => {
      // In a terminal, ask what the flags left out: the after-meeting prompt.
      if (flags.prompt !== false && process.stdin.isTTY && process.stdout.isTTY && !command.optsWithGlobals<{ json?: boolean }>().json) {
        const answers = await askAfterMeeting(process.stdin, process.stdout, {
          gave: flags.gave === undefined,
          received: flags.received === undefined,
          learned: flags.learned === undefined,
          followUps: flags.followUp === undefined && !flags.thankYou,
        });
        if (answers.gave.length) flags.gave = answers.gave;
        if (answers.received.length) flags.received = answers.received;
        if (answers.learned) flags.learned = answers.learned;
        if (answers.followUps.length) {
          flags.followUp = answers.followUps.filter((f) => f !== 'thank-you');
          if (answers.followUps.includes('thank-you')) flags.thankYou = true;
        }
      }
      const followUps = (flags.followUp ?? []).map(parseFollowUp);
      if (flags.thankYou) followUps.unshift({ kind: 'thank-you', description: 'Send a thank-you note' });
      const draft: Record<string, unknown> = {
        personIds: flags.with,
        channel: flags.channel,
        ...(flags.on !== undefined ? { occurredOn: flags.on } : {}),
        ...(flags.startedBy !== undefined ? { initiatedBy: flags.startedBy } : {}),
        ...(flags.gave ? { gave: flags.gave.map(kindAndNote) } : {}),
        ...(flags.received ? { received: flags.received.map(kindAndNote) } : {}),
        ...(flags.learned !== undefined ? { learned: flags.learned } : {}),
        ...(flags.felt !== undefined ? { feeling: flags.felt } : {}),
        ...(flags.notes !== undefined ? { notes: flags.notes } : {}),
        ...(followUps.length ? { followUps } : {}),
      };
      // Validate everything before touching the data; names are resolved after.
      const rename = (path: string) => flagName(path, { gave: '--gave', received: '--received' });
      parseInput(logExchangeInput, draft, rename);
      await withData(command, async (data, json) => {
        const personIds: string[] = [];
        for (const ref of flags.with) personIds.push(await data.resolvePerson(ref));
        const networkId = flags.at ? await data.resolveNetwork(flags.at) : undefined;
        const input = parseInput(logExchangeInput, { ...draft, personIds, ...(networkId ? { networkId } : {}) }, rename);
        const logged = await data.logExchange(input).catch((e: unknown) => {
          // The service names its field; on the command line the date is --on.
          throw e instanceof ValidationError && e.field === 'occurredOn' ? new ValidationError('--on', e.reason) : e;
        });
        emit(json, logged, () =>
          [
            `Logged ${logged.exchange.channel} on ${logged.exchange.occurredOn} [${logged.exchange.id}]`,
            ...logged.followUps.map((f) => `Follow-up due ${f.dueOn}: ${f.description} [${f.id}]`),
          ].join('\n'),
        );
      });
    });

  const exchange = program.command('exchange').description(about('exchange'));
  exchange
    .command('list')
    .alias('ls')
    .description('exchanges, newest first')
    .option('--person <person>', 'with this person (id or name)')
    .option('--network <network>', 'at this network (id or name)')
    .option('--limit <n>', 'at most this many')
    .option('--offset <n>', 'skip this many')
    .action(async (flags: { person?: string; network?: string; limit?: string; offset?: string }, command: Command) => {
      const filter = parseInput(exchangeFilterQuery, { limit: flags.limit, offset: flags.offset }, flagName);
      await withData(command, async (data, json) => {
        const page = await data.listExchanges({
          ...filter,
          ...(flags.person ? { personId: await data.resolvePerson(flags.person) } : {}),
          ...(flags.network ? { networkId: await data.resolveNetwork(flags.network) } : {}),
        });
        emit(json, page, () => (page.total === 0 ? 'No exchanges yet. After your next coffee: waggle log --with NAME --channel coffee' : `${page.items.map((e) => `${exchangeLine(e)} [${e.id}]`).join('\n')}\n${countLine(page.items.length, page.total, 'exchange')}`));
      });
    });
  exchange
    .command('remove')
    .alias('rm')
    .description('remove an exchange and its follow-ups')
    .argument('<id>')
    .action(async (id: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const removed = await removeExchange(ctx, id);
        emit(json, removed, () => `Removed exchange ${removed.id}`);
      });
    });
}

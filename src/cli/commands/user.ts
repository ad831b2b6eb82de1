import type { Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { deleteAccount } from '../../services/account-settings.js';
import { createAccessToken, createAccount, createInvitation, listAccounts, signOutEverywhere } from '../../services/accounts.js';
import { emit, table } from '../output.js';
import { withSession } from '../runtime.js';
import { about } from '../command-list.js';

/** The password: WAGGLE_PASSWORD, else the first line of standard input (never a flag: flags end up in shell history); not echoed at a terminal. */
async function readPassword(): Promise<string> {
  if (process.env.WAGGLE_PASSWORD) return process.env.WAGGLE_PASSWORD;
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write('Password (at least 12 characters), then Enter: ');
    stdin.setRawMode(true);
    stdin.resume();
    try {
      return await new Promise<string>((resolve, reject) => {
        let typed = '';
        const onData = (chunk: Buffer) => {
          for (const char of chunk.toString('utf8')) {
            if (char === '\r' || char === '\n') {
              stdin.off('data', onData);
              process.stderr.write('\n');
              return resolve(typed);
            }
            if (char === '\u0003') {
              stdin.off('data', onData);
              return reject(new ValidationError('password', 'cancelled'));
            }
            typed = char === '\u007f' ? [...typed].slice(0, -1).join('') : typed + char;
          }
        };
        stdin.on('data', onData);
      });
    } finally {
      stdin.setRawMode(false);
      stdin.pause();
    }
  }
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function publicBase(flag: string | undefined): string {
  const base = flag ?? process.env.WAGGLE_PUBLIC_URL;
  if (!base) throw new ValidationError('--public-url', 'say where the server is reached, e.g. --public-url https://waggle.example.org (or WAGGLE_PUBLIC_URL)');
  return base.replace(/\/$/, '');
}

export function registerUser(program: Command): void {
  const user = program.command('user').description(about('user'));

  user
    .command('add')
    .description('make an account; the first is the owner, and keeps the map this data already holds')
    .argument('<email>', 'the email address to sign in with')
    .requiredOption('--name <name>', 'the account holder\'s name')
    .action(async (email: string, flags: { name: string }, command: Command) => {
      const password = await readPassword();
      await withSession(command, async (ctx, json) => {
        const account = await createAccount({ db: ctx.db, clock: ctx.clock, ids: ctx.ids, defaultTimeZone: ctx.timeZone }, { email, name: flags.name, password });
        emit(json, account, () => `Made the ${account.role === 'owner' ? 'owner\'s' : 'member\'s'} account for ${account.email} [${account.id}].`);
      });
    });

  user
    .command('list')
    .description('every account')
    .action(async (_flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const accounts = await listAccounts(ctx.db);
        emit(json, accounts, () => table(accounts, [
          { header: 'EMAIL', value: (a) => a.email },
          { header: 'NAME', value: (a) => a.name },
          { header: 'ROLE', value: (a) => a.role },
          { header: 'ID', value: (a) => a.id },
        ]));
      });
    });

  const findAccount = async (ctx: { db: Parameters<typeof listAccounts>[0] }, email: string) => {
    const account = (await listAccounts(ctx.db)).find((a) => a.email === email.trim().toLowerCase());
    if (!account) throw new ValidationError('EMAIL', `no account for ${email}`);
    return account;
  };

  user
    .command('invite')
    .description('an invitation link for one new account, valid seven days (made in the owner\'s name)')
    .option('--public-url <url>', 'where the server is reached (or WAGGLE_PUBLIC_URL)')
    .action(async (flags: { publicUrl?: string }, command: Command) => {
      const base = publicBase(flags.publicUrl);
      await withSession(command, async (ctx, json) => {
        const owner = (await listAccounts(ctx.db)).find((a) => a.role === 'owner');
        if (!owner) throw new ValidationError('owner', 'make the owner\'s account first: waggle user add EMAIL --name NAME');
        const made = await createInvitation({ db: ctx.db, clock: ctx.clock, ids: ctx.ids, defaultTimeZone: ctx.timeZone }, owner);
        const url = `${base}/invite/${made.token}`;
        emit(json, { url, expiresAt: made.expiresAt }, () => `Invitation (one account, until ${made.expiresAt}):\n  ${url}\nIt is shown only now.`);
      });
    });

  user
    .command('token')
    .description('a personal access token for scripts (Authorization: Bearer …), shown once')
    .argument('<email>', 'whose token')
    .option('--label <text>', 'what it is for')
    .action(async (email: string, flags: { label?: string }, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const account = await findAccount(ctx, email);
        const made = await createAccessToken({ db: ctx.db, clock: ctx.clock, ids: ctx.ids, defaultTimeZone: ctx.timeZone }, account.id, flags.label ?? null);
        emit(json, made, () => `Access token [${made.accessToken.id}] for ${account.email}, shown only now:\n  ${made.token}`);
      });
    });

  user
    .command('sign-out')
    .description('end every session of an account')
    .argument('<email>', 'whose sessions')
    .action(async (email: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const account = await findAccount(ctx, email);
        const ended = await signOutEverywhere(ctx, account.id);
        emit(json, { sessionsEnded: ended }, () => `Ended ${ended} session${ended === 1 ? '' : 's'} of ${account.email}.`);
      });
    });

  user
    .command('remove')
    .description('delete an account and erase its whole map (people, journal, plans, share links), its sessions and tokens; this cannot be undone')
    .argument('<email>', 'whose account')
    .option('--last-owner', 'delete the owner\'s account even though no owner is left afterwards (nobody can then invite)')
    .action(async (email: string, flags: { lastOwner?: boolean }, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const account = await findAccount(ctx, email);
        const deleted = await deleteAccount(ctx, account, { lastOwner: flags.lastOwner === true });
        emit(json, { deleted: true, email: deleted.email }, () => `Deleted the account of ${deleted.email} and erased its map, sessions and tokens.`);
      });
    });
}

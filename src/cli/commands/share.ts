import type { Command } from 'commander';
import { createShareInput } from '../../contract/rhythm-inputs.js';
import { parseInput } from '../../contract/validate.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/defaults.js';
import { createShare, listShares, revokeShare, rotateShare, type CreatedShare } from '../../services/shares.js';
import { emit, table } from '../output.js';
import { withSession } from '../runtime.js';
import { flagName } from '../values.js';
import { about } from '../command-list.js';

/** The path a token opens on the server: the plan page or the calendar feed. */
export function sharePath(kind: 'plan' | 'calendar', token: string): string {
  return kind === 'plan' ? `/share/${token}` : `/feeds/${token}.ics`;
}

function baseUrl(flag: string | undefined): string {
  return (flag ?? process.env.WAGGLE_BASE_URL ?? (process.env.WAGGLE_PUBLIC_URL || undefined) ?? `http://${DEFAULT_HOST}:${process.env.PORT ?? DEFAULT_PORT}`).replace(/\/$/, '');
}

function createdText(created: CreatedShare, base: string): string {
  const url = `${base}${sharePath(created.share.kind, created.token)}`;
  return [
    `${created.share.kind === 'plan' ? 'Share link for your plan' : 'Calendar feed'} [${created.share.id}]:`,
    `  ${url}`,
    'Keep it safe: it is shown only now. Revoke it any time with: waggle share revoke ' + created.share.id,
    created.share.kind === 'calendar' ? 'Subscribe to it from your calendar app while `waggle serve` runs.' : 'It opens a read-only page while `waggle serve` runs.',
  ].join('\n');
}

export function registerShare(program: Command): void {
  const share = program.command('share').description(about('share'));

  share
    .command('create')
    .description('make a link: "plan" (a read-only page) or "calendar" (a feed of next contacts, follow-ups and targets)')
    .argument('<kind>', 'plan or calendar')
    .option('--label <text>', 'who it is for, e.g. "my supervisor"')
    .option('--include-notes', 'show your notes about people (left out by default)')
    .option('--base-url <url>', 'the address the server is reached at (default http://127.0.0.1:4747, or WAGGLE_BASE_URL, or WAGGLE_PUBLIC_URL)')
    .action(async (kind: string, flags: { label?: string; includeNotes?: boolean; baseUrl?: string }, command: Command) => {
      const input = parseInput(createShareInput, { kind, ...(flags.label ? { label: flags.label } : {}), ...(flags.includeNotes ? { includeNotes: true } : {}) }, (p) => (p === 'kind' ? 'KIND' : flagName(p)));
      await withSession(command, async (ctx, json) => {
        const created = await createShare(ctx, input);
        const base = baseUrl(flags.baseUrl);
        emit(json, { ...created, url: `${base}${sharePath(created.share.kind, created.token)}` }, () => createdText(created, base));
      });
    });

  share
    .command('list')
    .alias('ls')
    .description('your links, and whether they still work')
    .action(async (_flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const shares = await listShares(ctx);
        emit(json, shares, () =>
          shares.length === 0
            ? 'No share links yet: waggle share create plan · waggle share create calendar'
            : table(shares, [
                { header: 'ID', value: (s) => s.id },
                { header: 'KIND', value: (s) => s.kind },
                { header: 'LABEL', value: (s) => s.label },
                { header: 'NOTES', value: (s) => (s.includeNotes ? 'yes' : 'no') },
                { header: 'CREATED', value: (s) => s.createdAt.slice(0, 10) },
                { header: 'STATE', value: (s) => (s.revokedAt ? `revoked ${s.revokedAt.slice(0, 10)}` : 'active') },
              ]),
        );
      });
    });

  share
    .command('revoke')
    .description('stop a link working, at once')
    .argument('<id>')
    .action(async (id: string, _flags: unknown, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const revoked = await revokeShare(ctx, id);
        emit(json, revoked, () => `Revoked ${revoked.id}: the link no longer works.`);
      });
    });

  share
    .command('rotate')
    .description('replace a link with a new one (the old one stops working)')
    .argument('<id>')
    .option('--base-url <url>', 'the address the server is reached at')
    .action(async (id: string, flags: { baseUrl?: string }, command: Command) => {
      await withSession(command, async (ctx, json) => {
        const created = await rotateShare(ctx, id);
        const base = baseUrl(flags.baseUrl);
        emit(json, { ...created, url: `${base}${sharePath(created.share.kind, created.token)}` }, () => createdText(created, base));
      });
    });
}

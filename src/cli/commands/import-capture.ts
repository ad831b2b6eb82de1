/**
 * `waggle import` of a calendar, a mailbox or LinkedIn's whole export: captured into the
 * journal rather than imported as contacts. Loaded by import.ts only when the file is one,
 * so that a contacts import does not load capture's code or the zod schemas of its options.
 */
import type { Command } from 'commander';
import type { FileHandle } from 'node:fs/promises';
import { ValidationError } from '../../core/errors.js';
import type { CaptureFormat } from '../../core/capture.js';
import { captureQuery } from '../../contract/capture.js';
import { parseInput } from '../../contract/validate.js';
import { MAX_IMPORT_BYTES } from '../../services/import/plan-file.js';
import { TooLargeError } from '../../services/import/read-limited.js';
import { captureFile, type CaptureOutcome } from '../../services/capture.js';
import { emit, table } from '../output.js';
import { withSession } from '../runtime.js';
import { progressBar } from '../progress-bar.js';
import { namingTheFile } from '../file-errors.js';

function captureText(outcome: CaptureOutcome, file: string, verbose: boolean): string {
  const s = outcome.summary;
  const what = outcome.format === 'calendar' ? 'events' : outcome.format === 'mbox' ? 'messages' : 'rows';
  const lines = [
    `${outcome.dryRun ? 'Preview of' : 'Captured'} ${file} (${outcome.format}, ${outcome.window.from} to ${outcome.window.to}): ${outcome.items} ${what}, ${s.records} to consider: ${s.proposed} proposed${outcome.dryRun ? '' : ` (${s.logged} logged, ${s.declined} declined)`}, ${s.skipped} left out.`,
  ];
  if (outcome.contacts) lines.push(`Connections.csv: ${outcome.contacts.records} records: ${outcome.contacts.created} new, ${outcome.contacts.merged} merged, ${outcome.contacts.skipped} skipped.`);
  for (const warning of outcome.warnings) lines.push(`Warning: ${warning.message}${warning.lines.length ? ` (line ${warning.lines.join(', ')})` : ''}.`);
  if (outcome.proposals.length) {
    const shown = verbose ? outcome.proposals : outcome.proposals.slice(0, 50);
    lines.push(
      '',
      table(shown, [
        { header: 'KEY', value: (p) => p.key },
        { header: 'WHEN', value: (p) => p.occurredOn },
        { header: 'WITH', value: (p) => p.people.map((x) => x.name).join(', ') },
        { header: 'CHANNEL', value: (p) => (p.kind === 'stage' ? 'to meet → reached out' : p.channel) },
        { header: 'STARTED', value: (p) => p.initiatedBy },
        { header: 'NOTE', value: (p) => p.note ?? '' },
        ...(outcome.dryRun ? [] : [{ header: 'DONE', value: (p: CaptureOutcome['proposals'][number]) => p.decision }]),
        { header: 'WHY', value: (p) => p.reason },
        { header: 'LINE', value: (p) => p.line, align: 'right' as const },
      ]),
    );
    if (shown.length < outcome.proposals.length) lines.push(`… and ${outcome.proposals.length - shown.length} more: --json or --all lists every proposal`);
  }
  if (outcome.skipped.length) lines.push('', `Left out: ${outcome.skipped.map((k) => `${k.count} ${k.text}`).join('; ')}.`);
  if (outcome.lastContacts.length && outcome.format === 'mbox') {
    lines.push('', 'Last contact by mail:', table(outcome.lastContacts.slice(0, verbose ? Infinity : 20), [
      { header: 'WHO', value: (c) => c.name },
      { header: 'LAST', value: (c) => c.on },
    ]));
  }
  if (outcome.dryRun) lines.push('', s.proposed ? 'Nothing was stored. Run again without --dry-run to log them all, with --skip KEY,KEY to decline some, or --only KEY,KEY to log just those.' : 'Nothing was stored.');
  return lines.join('\n');
}

export async function captureCommand(command: Command, file: string, handle: FileHandle, format: CaptureFormat, flags: { dryRun?: boolean; all?: boolean; since?: string; allDay?: boolean; private?: boolean; skip?: string; only?: string }): Promise<void> {
  const renames: Record<string, string> = { since: '--since', skip: '--skip', only: '--only' };
  const chosen = parseInput(captureQuery.pick({ since: true, skip: true, only: true }), { ...(flags.since ? { since: flags.since } : {}), ...(flags.skip ? { skip: flags.skip } : {}), ...(flags.only ? { only: flags.only } : {}) }, (path) => renames[path.split('.')[0]!] ?? path);
  // A calendar is read whole (within the import limit); a mailbox streams, headers only.
  const limit = format === 'mbox' ? Number.MAX_SAFE_INTEGER : MAX_IMPORT_BYTES;
  if ((await handle.stat()).size > limit) throw new ValidationError(file, new TooLargeError(limit).message);
  await withSession(command, async (ctx, json) => {
    const bar = progressBar(json);
    const size = (await handle.stat()).size;
    const outcome = await namingTheFile(file, () =>
      captureFile(ctx, handle.createReadStream({ autoClose: false, start: 0, highWaterMark: 1024 * 1024 }), {
        format,
        dryRun: flags.dryRun === true,
        ...(chosen.since ? { since: chosen.since } : {}),
        includeAllDay: flags.allDay === true,
        includePrivate: flags.private === true,
        ...(chosen.skip ? { skip: chosen.skip } : {}),
        ...(chosen.only ? { only: chosen.only } : {}),
        onProgress: (phase, done, total) => {
          // Reading a mailbox reports bytes: the bar runs over the file's size.
          if (phase === 'reading' && format === 'mbox') bar.show(phase, Math.min(total, size), size);
          else bar.show(phase, done, total);
        },
      }),
    ).finally(() => bar.stop());
    emit(json, outcome, () => captureText(outcome, file, flags.all === true));
  });
}

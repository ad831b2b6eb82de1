import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { IMPORT_FORMATS, ImportFileError, type ImportFormat } from '../../core/import-types.js';
import { ValidationError } from '../../core/errors.js';
import { isKnownEncoding } from '../../codecs/csv/decode.js';
import { openImportFile, readLimited, TooLargeError } from '../../services/import/read-limited.js';
import { MAX_IMPORT_BYTES } from '../../services/import/plan-file.js';
import { captureFile, captureFormatOf, type CaptureOutcome } from '../../services/capture.js';
import { CAPTURE_FORMATS, type CaptureFormat } from '../../core/capture.js';
import { captureQuery } from '../../contract/capture.js';
import { parseInput } from '../../contract/validate.js';
import type { FileHandle } from 'node:fs/promises';
import { importFile, type ImportOutcome, type ProgressListener } from '../../services/imports.js';
import { emit, table } from '../output.js';
import { choice } from '../values.js';
import { withSession } from '../runtime.js';
import { about } from '../command-list.js';

function outcomeText(outcome: ImportOutcome, file: string, verbose: boolean): string {
  const s = outcome.summary;
  const lines = [
    `${outcome.dryRun ? 'Preview of' : 'Imported'} ${file} (${outcome.format}): ${s.records} record${s.records === 1 ? '' : 's'}: ${s.created} new, ${s.merged} merged, ${s.skipped} skipped.`,
  ];
  if (outcome.restored) lines.push(`Restored: ${Object.entries(outcome.restored).map(([table, n]) => `${n} ${table}`).join(', ')}`);
  if (outcome.encoding && outcome.encoding.source !== 'utf-8' && outcome.encoding.source !== 'byte-order mark') {
    lines.push(`Read as ${outcome.encoding.name}${outcome.encoding.source === 'given' ? ' (as given)' : outcome.encoding.confidence !== null ? ` (detected, confidence ${outcome.encoding.confidence}%)` : ''}.`);
  }
  for (const warning of outcome.warnings) lines.push(`Warning: ${warning.message}.`);
  if (outcome.possibleDuplicates.length) {
    lines.push(
      '',
      `Possible duplicates (kept apart: a different profile link), ${outcome.possibleDuplicates.length}:`,
      table(outcome.possibleDuplicates.slice(0, verbose ? Infinity : 20), [
        { header: 'LINE', value: (d) => d.line, align: 'right' },
        { header: 'NAME', value: (d) => d.name },
        { header: 'LIKE', value: (d) => (d.of.startsWith('line ') ? d.of : `${d.ofName} [${d.of}]`) },
      ]),
    );
  }
  const shown = verbose ? outcome.lines : outcome.lines.filter((l) => l.action !== 'create');
  if (shown.length) {
    lines.push(
      '',
      table(shown.slice(0, verbose ? Infinity : 50), [
        { header: 'LINE', value: (l) => l.line, align: 'right' },
        { header: 'ACTION', value: (l) => l.action },
        { header: 'NAME', value: (l) => l.name },
        { header: 'WHY', value: (l) => l.reason },
      ]),
    );
    if (!verbose && shown.length > 50) lines.push(`… and ${shown.length - 50} more: --json or --all lists every line`);
  }
  if (outcome.dryRun) lines.push('', 'Nothing was stored. Run again without --dry-run to import.');
  else if (s.created) lines.push('', 'New people are "dormant" with strength and importance 0 until you judge them: waggle person list --source ' + outcome.format + ' --unjudged');
  return lines.join('\n');
}

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

/** The file's first bytes, for recognising its format. */
async function headOf(handle: FileHandle): Promise<Uint8Array> {
  const buffer = new Uint8Array(8192);
  const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0);
  return buffer.subarray(0, bytesRead);
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(about('import'))
    .argument('<file>')
    .addOption(choice('--format <format>', 'the file\'s format (detected from the content when left out)', [...IMPORT_FORMATS, ...CAPTURE_FORMATS]))
    .option('--encoding <name>', 'the file\'s encoding (utf-8, windows-1252, shift_jis, gb18030, koi8-r…); detected when left out')
    .option('--dry-run', 'preview: what would be created, merged and skipped, and why, line by line; nothing is stored')
    .option('--all', 'list every line, new people included (for a capture: every proposal)')
    .option('--since <date>', 'capture: the first day to take events or messages from (default: twelve months ago)')
    .option('--all-day', 'capture: propose all-day events too')
    .option('--private', 'capture: propose private events too')
    .option('--skip <keys>', 'capture: decline these proposals (cap_… keys from a dry run, comma-separated); the others are logged')
    .option('--only <keys>', 'capture: log only these proposals (cap_… keys, comma-separated); the others are declined')
    .action(async (file: string, flags: { format?: string; encoding?: string; dryRun?: boolean; all?: boolean; since?: string; allDay?: boolean; private?: boolean; skip?: string; only?: string }, command: Command) => {
      const formats: readonly string[] = [...IMPORT_FORMATS, ...CAPTURE_FORMATS];
      if (flags.format !== undefined && !formats.includes(flags.format)) throw new ValidationError('--format', `must be one of: ${formats.join(', ')}`);
      if (flags.encoding !== undefined && !isKnownEncoding(flags.encoding)) throw new ValidationError('--encoding', `"${flags.encoding}" is not an encoding Waggle knows (for example utf-8, windows-1252, shift_jis, gb18030, koi8-r)`);
      // Only a regular file, read with the size limit counted as it is read: never a FIFO, a device or a directory.
      let bytes: Uint8Array;
      let handle: FileHandle;
      try {
        // No size limit yet: a mailbox is streamed, headers only, whatever its size.
        handle = await openImportFile(file, Number.MAX_SAFE_INTEGER);
      } catch (error) {
        if (error instanceof ImportFileError) throw new ValidationError(file, error.message, { cause: error });
        throw error;
      }
      try {
        const captureFormat = flags.format ? ((CAPTURE_FORMATS as readonly string[]).includes(flags.format) ? (flags.format as CaptureFormat) : null) : captureFormatOf(await headOf(handle), file);
        if (captureFormat) {
          await captureCommand(command, file, handle, captureFormat, flags);
          return;
        }
        // The size limit is counted as the file is read: past it, reading stops (TooLargeError).
        bytes = await readLimited(handle.createReadStream({ autoClose: false, start: 0 }), MAX_IMPORT_BYTES);
      } catch (error) {
        if (error instanceof ImportFileError) throw new ValidationError(file, error.message, { cause: error });
        throw error;
      } finally {
        await handle.close();
      }
      await withSession(command, async (ctx, json) => {
        // A progress bar on stderr when a person is watching; silence for scripts.
        const bar = process.stderr.isTTY && !json ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
        let started = false;
        const onProgress: ProgressListener = (phase, done, total) => {
          if (!bar) return;
          if (!started) {
            bar.start(total, done, { phase });
            started = true;
          }
          bar.setTotal(total);
          bar.update(done, { phase });
        };
        try {
          const outcome = await importFile(ctx, bytes, { ...(flags.format ? { format: flags.format as ImportFormat } : {}), ...(flags.encoding ? { encoding: flags.encoding } : {}), fileName: file, dryRun: flags.dryRun === true, onProgress, inWorker: false });
          bar?.stop();
          emit(json, outcome, () => outcomeText(outcome, file, flags.all === true));
        } catch (error) {
          // Name the file as well as the line: "connections.csv: line 12: …".
          if (error instanceof ImportFileError) throw new ValidationError(file, error.message, { cause: error });
          throw error;
        } finally {
          bar?.stop();
        }
      });
    });
}

async function captureCommand(command: Command, file: string, handle: FileHandle, format: CaptureFormat, flags: { dryRun?: boolean; all?: boolean; since?: string; allDay?: boolean; private?: boolean; skip?: string; only?: string }): Promise<void> {
  const renames: Record<string, string> = { since: '--since', skip: '--skip', only: '--only' };
  const chosen = parseInput(captureQuery.pick({ since: true, skip: true, only: true }), { ...(flags.since ? { since: flags.since } : {}), ...(flags.skip ? { skip: flags.skip } : {}), ...(flags.only ? { only: flags.only } : {}) }, (path) => renames[path.split('.')[0]!] ?? path);
  // A calendar is read whole (within the import limit); a mailbox streams, headers only.
  const limit = format === 'mbox' ? Number.MAX_SAFE_INTEGER : MAX_IMPORT_BYTES;
  if ((await handle.stat()).size > limit) throw new ValidationError(file, new TooLargeError(limit).message);
  await withSession(command, async (ctx, json) => {
    const bar = process.stderr.isTTY && !json ? new cliProgress.SingleBar({ format: '{phase} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
    const size = (await handle.stat()).size;
    let started = false;
    try {
      const outcome = await captureFile(ctx, handle.createReadStream({ autoClose: false, start: 0, highWaterMark: 1024 * 1024 }), {
        format,
        dryRun: flags.dryRun === true,
        ...(chosen.since ? { since: chosen.since } : {}),
        includeAllDay: flags.allDay === true,
        includePrivate: flags.private === true,
        ...(chosen.skip ? { skip: chosen.skip } : {}),
        ...(chosen.only ? { only: chosen.only } : {}),
        onProgress: (phase, done, total) => {
          if (!bar) return;
          // Reading a mailbox reports bytes: the bar runs over the file's size.
          const [value, of] = phase === 'reading' && format === 'mbox' ? [Math.min(total, size), size] : [done, total];
          if (!started) {
            bar.start(of, value, { phase });
            started = true;
          }
          bar.setTotal(of);
          bar.update(value, { phase });
        },
      });
      bar?.stop();
      emit(json, outcome, () => captureText(outcome, file, flags.all === true));
    } catch (error) {
      if (error instanceof ImportFileError) throw new ValidationError(file, error.message, { cause: error });
      throw error;
    } finally {
      bar?.stop();
    }
  });
}

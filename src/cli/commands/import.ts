import type { Command } from 'commander';
import { IMPORT_FORMATS, ImportFileError, type ImportFormat } from '../../core/import-types.js';
import { ValidationError } from '../../core/errors.js';
import { isKnownEncoding } from '../../codecs/csv/decode.js';
import { openImportFile, readOpenedFile } from '../../services/import/read-limited.js';
import { MAX_IMPORT_BYTES } from '../../services/import/plan-file.js';
import { captureFormatOf } from '../../codecs/sniff.js';
import { CAPTURE_FORMATS, type CaptureFormat } from '../../core/capture.js';
import type { FileHandle } from 'node:fs/promises';
import { importFile, type ImportOutcome, type ProgressListener } from '../../services/imports.js';
import type { ServiceContext } from '../../services/context.js';
import { emit } from '../emit.js';
import type { table as Table } from '../output.js';
import { choice } from '../values.js';
import { withLoadSession, withSession } from '../runtime.js';
import { progressBar } from '../progress-bar.js';
import { namingTheFile } from '../file-errors.js';
import { about } from '../command-list.js';
import { commandFinishedEverything } from '../leave.js';
import { keepYoungGenerationSmall, letOldGenerationGrow } from '../young-generation.js';

/** Whether the outcome's text holds a table (possible duplicates, or lines other than new people, or --all). */
function needsTable(outcome: ImportOutcome, verbose: boolean): boolean {
  return outcome.possibleDuplicates.length > 0 || outcome.lines.some((l) => verbose || l.action !== 'create');
}

function outcomeText(outcome: ImportOutcome, file: string, verbose: boolean, table: typeof Table): string {
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

/** The file's first bytes, for recognising its format. */
async function headOf(handle: FileHandle): Promise<Uint8Array> {
  const buffer = new Uint8Array(8192);
  const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0);
  return buffer.subarray(0, bytesRead);
}

const noTable: typeof Table = () => {
  throw new Error('a table was printed where none was expected');
};

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
          // Capture's code (and zod's, for its options) loads only for a capture: a contacts import never needs it (issue 15).
          const { captureCommand } = await import('./import-capture.js');
          await captureCommand(command, file, handle, captureFormat, flags);
          return;
        }
        // A contacts import keeps every record, person and line it reads until it has written them:
        // scavenges kept small are cheaper (measured on a 30,000-row LinkedIn file: reading, planning and
        // making the rows ~0.1 s less CPU with the young generation at 1-2 MB a semi-space than grown to
        // 16 MB). Not for a capture (above), which streams a mailbox or calendar through short-lived objects.
        keepYoungGenerationSmall();
        letOldGenerationGrow();
        // Read whole in one go, the size limit checked first and counted on if the file grows meanwhile (TooLargeError).
        bytes = await readOpenedFile(handle, MAX_IMPORT_BYTES);
      } catch (error) {
        // Name the file as well as the line: "connections.csv: line 12: …".
        if (error instanceof ImportFileError) throw new ValidationError(file, error.message, { cause: error });
        throw error;
      } finally {
        await handle.close();
      }
      const dryRun = flags.dryRun === true;
      const work = async (ctx: ServiceContext, json: boolean) => {
        const bar = progressBar(json);
        const onProgress: ProgressListener = (phase, done, total) => bar.show(phase, done, total);
        const options = { ...(flags.format ? { format: flags.format as ImportFormat } : {}), ...(flags.encoding ? { encoding: flags.encoding } : {}), fileName: file, dryRun, onProgress, inWorker: false };
        return { json, outcome: await namingTheFile(file, () => importFile(ctx, bytes, options)).finally(() => bar.stop()) };
      };
      // Into a folder with no database yet, a new one is written beside it and moved into place (withLoadSession); a dry run writes nothing.
      // The outcome is printed once the data is in place.
      const { json, outcome } = dryRun ? await withSession(command, work) : await withLoadSession(command, work);
      const verbose = flags.all === true;
      // cli-table3 loads only when there is a table to print: most imports of a LinkedIn or Google export print none (issue 15).
      const table = !json && needsTable(outcome, verbose) ? (await import('../output.js')).table : noTable;
      emit(json, outcome, () => outcomeText(outcome, file, verbose, table));
      // The database is closed and the file with it: nothing is left running. The process ends once
      // the output is written, without Node freeing a heap that held 30,000 people page by page (leave.ts).
      commandFinishedEverything();
    });
}

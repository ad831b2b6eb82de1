import { writeFileSync } from 'node:fs';
import { Argument, Option, type Command } from 'commander';
import { ValidationError } from '../../core/errors.js';
import { GEXF_VERSIONS } from '../../services/exports.js';
import { EXPORT_FORMATS, VCARD_VERSIONS, type ExportFormat, type ExportOptions } from '../../services/exports.js';
import { emit } from '../output.js';
import { withData } from '../data.js';
import { about } from '../command-list.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(about('export'))
    .addArgument(new Argument('<format>', 'what to export').choices(EXPORT_FORMATS))
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--include-notes', 'include your notes about people (csv, vcard, ics; the json backup always has everything)')
    .addOption(new Option('--vcard-version <version>', '4.0 (default) or 3.0, which phones read better').choices(VCARD_VERSIONS))
    .addOption(new Option('--gexf-version <version>', '1.2draft (default: Gephi and every networkx read it) or 1.3 (networkx 3.6 or later)').choices(GEXF_VERSIONS))
    .action(async (format: string, flags: ExportOptions & { out?: string }, command: Command) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new ValidationError('FORMAT', `must be one of: ${EXPORT_FORMATS.join(', ')}`);
      await withData(command, async (data, json) => {
        const text = await data.renderExport(format as ExportFormat, { ...(flags.includeNotes ? { includeNotes: true } : {}), ...(flags.vcardVersion ? { vcardVersion: flags.vcardVersion } : {}), ...(flags.gexfVersion ? { gexfVersion: flags.gexfVersion } : {}) });
        if (flags.out) {
          // Personal data: readable by the user only.
          writeFileSync(flags.out, text, { mode: 0o600 });
          emit(json, { written: flags.out, format, bytes: Buffer.byteLength(text) }, () => `Wrote ${flags.out} (${format})`);
        } else process.stdout.write(text);
      });
    });
}

import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { ValidationError } from '../../core/errors.js';
import { CAPTURE_FORMATS, type CaptureFormat } from '../../core/capture.js';
import { IMPORT_FORMATS, ImportFileError, type ImportFormat } from '../../core/import-types.js';
import type { captureOutcomeOutput} from '../../contract/capture.js';
import { captureQuery } from '../../contract/capture.js';
import { BACKUP_FORMAT_VERSION } from '../../contract/backup-schema.js';
import type { importOutcomeOutput } from '../../contract/import-output.js';
import { importAnswerOutput, importStreamLine } from '../../contract/import-stream.js';
import type { Holds, Same } from '../../contract/same-type.js';
import { captureFile, captureFormatOf, type CaptureOptions, type CaptureOutcome } from '../../services/capture.js';
import type { ServiceContext } from '../../services/context.js';
import { GEXF_VERSIONS } from '../../services/exports.js';
import { EXPORT_FORMATS, EXPORT_MEDIA, personVcard, renderExport, VCARD_VERSIONS } from '../../services/exports.js';
import { isKnownEncoding } from '../../codecs/csv/decode.js';
import { readLimited, TooLargeError } from '../../services/import/read-limited.js';
import { importFile, MAX_IMPORT_BYTES, type ImportOutcome } from '../../services/imports.js';
import { IMPORT_CONTENT_TYPES } from '../edge.js';
import { errorAnswer, errorResponse } from '../errors.js';
import { errorsOnly, idParam } from './shared.js';

// The outcomes are the services' own shapes; the contract documents them, and these keep the two the same.
export type ImportOutcomeTied = Holds<Same<z.output<typeof importOutcomeOutput>, ImportOutcome>>;
export type CaptureOutcomeTied = Holds<Same<z.output<typeof captureOutcomeOutput>, CaptureOutcome>>;

type Progress = (phase: string, done: number, total: number) => void;

/** The outcome as JSON, or (asked for with "Accept: application/x-ndjson") progress lines as it happens, then the outcome or the error. */
function respond(c: Context, run: (onProgress: Progress) => Promise<unknown>): Response {
  if (!(c.req.header('accept') ?? '').includes('application/x-ndjson')) {
    return run(() => undefined).then(
      (outcome) => c.json(outcome as object, 200),
      (error: unknown) => errorResponse(error, c),
    ) as never;
  }
  c.header('Content-Type', 'application/x-ndjson');
  return stream(c, async (out) => {
    try {
      const outcome = await run((phase, done, total) => void out.write(`${JSON.stringify({ progress: { phase, done, total } })}\n`));
      await out.write(`${JSON.stringify({ outcome })}\n`);
    } catch (error) {
      // Mapped as every answer is (errors.ts): the user's words, never our insides.
      await out.write(`${JSON.stringify(errorAnswer(error).body)}\n`);
    }
  });
}

/**
 * The backup's outer shape, for the document. Its tables are checked field by field where it is
 * read back (contract/backup-schema.ts), a schema with refinements the OpenAPI generator cannot describe.
 */
const backupOutline = z
  .strictObject({ waggleBackup: z.literal(BACKUP_FORMAT_VERSION), schema: z.string(), exportedAt: z.string(), workspace: z.record(z.string(), z.unknown()) })
  .meta({ id: 'WaggleBackup', description: 'the lossless backup: every table of the workspace, row for row' });

/** Each export's media type and what it holds: the backup is JSON, the other formats text. */
const exportMedia = Object.fromEntries(EXPORT_FORMATS.map((format) => [EXPORT_MEDIA[format].type.split(';')[0]!, { schema: format === 'json' ? backupOutline : z.string() }]));

export function registerTransferRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports',
      tags: ['Import and export'],
      summary:
        'Import a file sent as the raw request body (LinkedIn CSV, vCard, Google or Outlook CSV, Waggle backup), or capture exchanges from a calendar (ICS) or a mailbox (mbox, headers only). With dryRun=true: the preview (for a capture, each proposed exchange with its key and reason), nothing stored. Otherwise all or nothing; a capture logs its proposals but those named in skip (or all but those named in only), and remembers each answer, so that importing again proposes nothing twice. Send "Accept: application/x-ndjson" to receive progress lines before the outcome.',
      request: {
        query: captureQuery.extend({
          format: z.enum([...IMPORT_FORMATS, ...CAPTURE_FORMATS]).optional(),
          dryRun: z.enum(['true', 'false']).optional(),
          fileName: z.string().max(300).optional(),
          encoding: z.string().max(60).optional().meta({ description: 'The file\'s encoding (utf-8, windows-1252, shift_jis, gb18030, koi8-r…); detected when left out' }),
        }),
        // The declared upload types only (the edge refuses others with 415): none a page on another site may send without a preflight.
        // Plain schemas, not zod ones, so that no JSON validator reads the body: the route reads it itself, counting bytes.
        body: { content: Object.fromEntries(IMPORT_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }])), required: true },
      },
      responses: {
        ...errorsOnly,
        200: {
          description:
            'What was (or would be) created, merged and skipped, line by line; for a capture, the exchanges proposed (or logged and declined) and why. Asked for as NDJSON: progress lines, then one line with the outcome or the error',
          content: { 'application/json': { schema: importAnswerOutput }, 'application/x-ndjson': { itemSchema: importStreamLine } },
        },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      if (query.encoding !== undefined && !isKnownEncoding(query.encoding)) {
        throw new ValidationError('encoding', `"${query.encoding}" is not an encoding Waggle knows (for example utf-8, windows-1252, shift_jis, gb18030, koi8-r)`);
      }
      // A body that says up front it is past the limit is refused at once, before a byte of it is read.
      const declared = Number(c.req.header('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > MAX_IMPORT_BYTES) return errorResponse(new TooLargeError(MAX_IMPORT_BYTES), c) as never;
      let bytes: Uint8Array;
      try {
        // Counted as it arrives: a body past the limit is refused there, never read whole first.
        bytes = c.req.raw.body ? await readLimited(c.req.raw.body, MAX_IMPORT_BYTES) : new Uint8Array();
      } catch (error) {
        // Past the limit; anything else (hono's own body limit, a broken connection) is the middleware's to answer.
        if (!(error instanceof ImportFileError)) throw error;
        return errorResponse(error, c) as never;
      }
      if (bytes.byteLength === 0) return errorResponse(new ImportFileError(null, 'the request body is empty: send the file itself as the body'), c) as never;
      const captureFormat = query.format ? ((CAPTURE_FORMATS as readonly string[]).includes(query.format) ? (query.format as CaptureFormat) : null) : captureFormatOf(bytes, query.fileName);
      if (captureFormat) {
        const captureOptions: CaptureOptions = {
          format: captureFormat,
          dryRun: query.dryRun === 'true',
          ...(query.since ? { since: query.since } : {}),
          includeAllDay: query.includeAllDay === 'true',
          includePrivate: query.includePrivate === 'true',
          ...(query.skip ? { skip: query.skip } : {}),
          ...(query.only ? { only: query.only } : {}),
        };
        return respond(c, (onProgress) => captureFile(context(), [bytes], { ...captureOptions, onProgress })) as never;
      }
      const options = {
        ...(query.format ? { format: query.format as ImportFormat } : {}),
        ...(query.fileName ? { fileName: query.fileName } : {}),
        ...(query.encoding ? { encoding: query.encoding } : {}),
        dryRun: query.dryRun === 'true',
      };
      return respond(c, (onProgress) => importFile(context(), bytes, { ...options, onProgress })) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/export/{format}',
      tags: ['Import and export'],
      summary: 'Export: json (lossless backup), csv (people), vcard (4.0, or 3.0 with vcardVersion=3.0), gexf (1.2draft, or 1.3 with gexfVersion=1.3) and graphml (the map), ics (reminders). Notes about people only with includeNotes=true (the backup always has everything).',
      request: {
        params: z.object({ format: z.enum(EXPORT_FORMATS) }),
        query: z.object({ includeNotes: z.enum(['true', 'false']).optional(), vcardVersion: z.enum(VCARD_VERSIONS).optional(), gexfVersion: z.enum(GEXF_VERSIONS).optional() }),
      },
      responses: { ...errorsOnly, 200: { description: 'The file, of the media type its format has', content: exportMedia } },
    }),
    async (c) => {
      const { format } = c.req.valid('param');
      const query = c.req.valid('query');
      const text = await renderExport(context(), format, { includeNotes: query.includeNotes === 'true', ...(query.vcardVersion ? { vcardVersion: query.vcardVersion } : {}), ...(query.gexfVersion ? { gexfVersion: query.gexfVersion } : {}) });
      return c.body(text, 200, { 'Content-Type': EXPORT_MEDIA[format].type, 'Content-Disposition': `attachment; filename="${EXPORT_MEDIA[format].file}"` }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}/vcard',
      tags: ['Import and export'],
      summary: "One person's vCard (4.0, or 3.0 with vcardVersion=3.0), as a download for a phone or an address book; notes only with includeNotes=true",
      request: {
        params: idParam(),
        query: z.object({ includeNotes: z.enum(['true', 'false']).optional(), vcardVersion: z.enum(VCARD_VERSIONS).optional() }),
      },
      responses: { 200: { description: 'The card', content: { 'text/vcard': { schema: z.string() } } } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const { text, file } = await personVcard(context(), c.req.valid('param').id, { includeNotes: query.includeNotes === 'true', ...(query.vcardVersion ? { vcardVersion: query.vcardVersion } : {}) });
      return c.body(text, 200, { 'Content-Type': EXPORT_MEDIA.vcard.type, 'Content-Disposition': `attachment; filename="${file}"` }) as never;
    },
  );
}

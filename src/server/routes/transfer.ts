import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { IMPORT_FORMATS, ImportFileError, type ImportFormat } from '../../core/import-types.js';
import type { ServiceContext } from '../../services/context.js';
import { EXPORT_FORMATS, EXPORT_MEDIA, renderExport } from '../../services/exports.js';
import { importFile, MAX_IMPORT_BYTES } from '../../services/imports.js';
import { ok } from './shared.js';

const lineOutput = z.object({ line: z.number().int(), action: z.enum(['create', 'merge', 'skip']), name: z.string().nullable(), into: z.string().nullable(), matchedBy: z.string().nullable(), reason: z.string() }).loose();
const outcomeOutput = z
  .object({ format: z.enum(IMPORT_FORMATS), dryRun: z.boolean(), summary: z.object({ records: z.number(), created: z.number(), merged: z.number(), skipped: z.number() }), lines: z.array(lineOutput), restored: z.record(z.string(), z.number()).optional() })
  .meta({ id: 'ImportOutcome' });

export function registerTransferRoutes(app: OpenAPIHono, context: () => ServiceContext): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports',
      tags: ['Import and export'],
      summary:
        'Import a file sent as the raw request body (LinkedIn CSV, vCard, Google or Outlook CSV, Waggle backup). With dryRun=true: the preview, nothing stored. All or nothing. Send "Accept: application/x-ndjson" to receive progress lines before the outcome.',
      request: {
        query: z.object({ format: z.enum(IMPORT_FORMATS).optional(), dryRun: z.enum(['true', 'false']).optional(), fileName: z.string().max(300).optional() }),
        body: { content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } }, required: true },
      },
      responses: ok(outcomeOutput, 'What was (or would be) created, merged and skipped, line by line'),
    }),
    async (c) => {
      const query = c.req.valid('query');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength === 0) throw new ImportFileError(null, 'the request body is empty: send the file itself as the body');
      if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError(null, 'the file is too large');
      const options = { ...(query.format ? { format: query.format as ImportFormat } : {}), ...(query.fileName ? { fileName: query.fileName } : {}), dryRun: query.dryRun === 'true' };
      if (!(c.req.header('accept') ?? '').includes('application/x-ndjson')) return c.json(await importFile(context(), bytes, options), 200);
      // Progress as it happens, one JSON object a line, then the outcome (or the error).
      c.header('Content-Type', 'application/x-ndjson');
      return stream(c, async (out) => {
        try {
          const outcome = await importFile(context(), bytes, {
            ...options,
            onProgress: (phase, done, total) => void out.write(`${JSON.stringify({ progress: { phase, done, total } })}\n`),
          });
          await out.write(`${JSON.stringify({ outcome })}\n`);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await out.write(`${JSON.stringify({ error: { code: error instanceof ImportFileError ? 'validation' : 'internal', message } })}\n`);
        }
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/export/{format}',
      tags: ['Import and export'],
      summary: 'Export: json (lossless backup), csv (people), vcard (4.0, or 3.0 with vcardVersion=3.0), gexf and graphml (the map), ics (reminders). Notes about people only with includeNotes=true (the backup always has everything).',
      request: {
        params: z.object({ format: z.enum(EXPORT_FORMATS) }),
        query: z.object({ includeNotes: z.enum(['true', 'false']).optional(), vcardVersion: z.enum(['4.0', '3.0']).optional() }),
      },
      responses: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: z.string() } } } },
    }),
    async (c) => {
      const { format } = c.req.valid('param');
      const query = c.req.valid('query');
      const text = await renderExport(context(), format, { includeNotes: query.includeNotes === 'true', ...(query.vcardVersion ? { vcardVersion: query.vcardVersion } : {}) });
      return c.body(text, 200, { 'Content-Type': EXPORT_MEDIA[format].type, 'Content-Disposition': `attachment; filename="${EXPORT_MEDIA[format].file}"` }) as never;
    },
  );
}

import { z } from 'zod';
import { BACKUP_TABLES } from './backup-schema.js';
import { IMPORT_FORMATS } from '../core/import-types.js';

/**
 * What an import of a contacts file tells: its outcome, or its dry-run preview (the same shape
 * with `dryRun: true`). Strict, so that the response
 * check (src/server/response-check.ts) finds a field the document does not name; tied to the
 * services' types beside the route (src/server/routes/transfer.ts).
 */

const count = z.number().int();

const importLine = z
  .strictObject({
    line: count,
    action: z.enum(['create', 'merge', 'skip']),
    name: z.string().nullable(),
    into: z.string().nullable().meta({ description: 'for a merge: the id of the person the line merges into' }),
    matchedBy: z.enum(['email', 'profile', 'name-and-organisation']).nullable(),
    filled: z.array(z.enum(['organisation', 'role', 'location', 'notes', 'tieBeganOn'])).meta({ description: "for a merge: the person's empty fields the line fills" }),
    channelsAdded: count,
    tagsAdded: count,
    reason: z.string(),
    possibleDuplicateOf: z.string().optional().meta({ description: 'a new person kept apart from a namesake only by a different profile link: the person (id) or "line N" it may duplicate' }),
  })
  .meta({ id: 'ImportLine' });

const possibleDuplicate = z.strictObject({ line: count, name: z.string(), of: z.string(), ofName: z.string(), reason: z.string() }).meta({ id: 'ImportPossibleDuplicate' });

export const importWarningOutput = z
  .strictObject({ code: z.enum(['mixed-encoding', 'uncertain-encoding', 'unreadable-characters']), message: z.string(), lines: z.array(count) })
  .meta({ id: 'ImportWarning' });

export const importOutcomeOutput = z
  .strictObject({
    format: z.enum(IMPORT_FORMATS),
    dryRun: z.boolean().meta({ description: 'true for the preview: nothing was stored' }),
    summary: z.strictObject({ records: count, created: count, merged: count, skipped: count }),
    lines: z.array(importLine),
    possibleDuplicates: z.array(possibleDuplicate),
    encoding: z
      .strictObject({ name: z.string(), source: z.enum(['given', 'byte-order mark', 'utf-8', 'detected', 'mixed']), confidence: z.number().nullable() })
      .optional()
      .meta({ description: "how the file's bytes were read as text (absent for a Waggle backup)" }),
    warnings: z.array(importWarningOutput),
    restored: z
      .record(z.enum(['profile', ...BACKUP_TABLES]), count)
      .optional()
      .meta({ description: 'for a Waggle backup: the rows restored per table' }),
  })
  .meta({ id: 'ImportOutcome' });

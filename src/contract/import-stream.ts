import { z } from 'zod';
import { captureOutcomeOutput } from './capture.js';
import { importOutcomeOutput } from './import-output.js';
import { errorOutput } from './outputs.js';

/** What `POST /api/imports` answers: a contacts file's outcome, or a capture's (told apart by `format`). */
export const importAnswerOutput = z.union([importOutcomeOutput, captureOutcomeOutput]);

/** One line of `POST /api/imports` asked for as NDJSON: progress as it happens, then the outcome, or the error that stopped it. */
export const importStreamLine = z
  .union([
    z.strictObject({ progress: z.strictObject({ phase: z.enum(['reading', 'planning', 'writing']), done: z.number().int(), total: z.number().int() }) }),
    z.strictObject({ outcome: importAnswerOutput }),
    errorOutput,
  ])
  .meta({ id: 'ImportStreamLine' });

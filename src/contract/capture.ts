import { z } from 'zod';
import { CAPTURE_FORMATS, CAPTURE_SKIP_REASONS } from '../core/capture.js';
import { CHANNELS, INITIATORS } from '../core/vocabulary.js';
import { isoDate } from './fields.js';
import { importWarningOutput } from './import-output.js';

/**
 * Capture's contract at the edges: how a client chooses (the query of
 * POST /api/imports, the CLI's flags) and what it is told (the outcome).
 */

/** A proposal's handle, as a dry run lists it. */
export const proposalKey = z.string().regex(/^cap_[0-9a-z]{12}$/, { error: 'is not a proposal key (cap_ and 12 letters or digits, as a dry run lists them)' });

/** A comma-separated list of proposal keys: at most 5,000 (a longer choice is the other way round: skip instead of only). */
export const proposalKeyList = z
  .string()
  .max(5000 * 17)
  .transform((text) => text.split(',').map((k) => k.trim()).filter((k) => k !== ''))
  .pipe(z.array(proposalKey).max(5000));

export const captureQuery = z.object({
  since: isoDate.optional().meta({ description: 'The first day to capture from (default: twelve months before today)' }),
  includeAllDay: z.enum(['true', 'false']).optional().meta({ description: 'Propose all-day events too' }),
  includePrivate: z.enum(['true', 'false']).optional().meta({ description: 'Propose private events too' }),
  skip: proposalKeyList.optional().meta({ description: 'Proposals (cap_… keys, comma-separated) to decline; the others are logged' }),
  only: proposalKeyList.optional().meta({ description: 'The only proposals (cap_… keys, comma-separated) to log; the others are declined' }),
});

export const captureOutcomeOutput = z
  .object({
    format: z.enum(CAPTURE_FORMATS),
    dryRun: z.boolean(),
    window: z.strictObject({ from: z.string(), to: z.string() }),
    items: z.number().int(),
    summary: z.strictObject({ records: z.number().int(), proposed: z.number().int(), skipped: z.number().int(), logged: z.number().int(), declined: z.number().int() }),
    proposals: z.array(
      z.strictObject({
        key: z.string(),
        kind: z.enum(['exchange', 'stage']),
        sourceKey: z.string(),
        line: z.number().int(),
        occurredOn: z.string(),
        channel: z.enum(CHANNELS),
        initiatedBy: z.enum(INITIATORS),
        note: z.string().nullable(),
        people: z.array(z.strictObject({ id: z.string(), name: z.string(), matchedBy: z.enum(['email', 'profile', 'name']) })),
        reason: z.string(),
        decision: z.enum(['proposed', 'logged', 'declined']),
        exchangeId: z.string().nullable(),
      }),
    ),
    skipped: z.array(z.strictObject({ reason: z.enum(CAPTURE_SKIP_REASONS), count: z.number().int(), text: z.string() })),
    lastContacts: z.array(z.strictObject({ personId: z.string(), name: z.string(), on: z.string() })),
    warnings: z.array(importWarningOutput),
    contacts: z.strictObject({ records: z.number(), created: z.number(), merged: z.number(), skipped: z.number() }).optional().meta({ description: "LinkedIn's archive: what its Connections.csv did" }),
  })
  .meta({ id: 'CaptureOutcome' });

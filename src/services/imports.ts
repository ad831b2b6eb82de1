import type { Insertable } from 'kysely';
import { planImport, type ExistingPerson, type ImportPlan, type LineDecision } from '../core/import-merge.js';
import { ImportFileError, type ImportFormat, type ParsedFile } from '../core/import-types.js';
import type { Database } from '../storage/schema.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { restoreBackup, type RestoreSummary } from './export/backup.js';
import { parseGoogleCsv, parseLinkedInCsv, parseOutlookCsv } from './import/csv-formats.js';
import { decodeText } from './import/decode.js';
import { detectFormat } from './import/detect.js';
import { parseVcards } from './import/vcard.js';
import { contactKey, nameKey } from './keys.js';
import { listPeople } from './people.js';
import { chunks } from './rows.js';

/**
 * Imports: read a whole file (refusing it whole when it cannot be read), plan
 * every line against the map, and write the plan in one transaction. A preview
 * plans without writing. Imported people keep where they came from.
 */

/** The largest file taken in one go; past it, split the export. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportOptions {
  format?: ImportFormat;
  fileName?: string;
}

export type ImportPhase = 'reading' | 'planning' | 'writing';
export type ProgressListener = (phase: ImportPhase, done: number, total: number) => void;

export interface ImportOutcome {
  format: ImportFormat;
  dryRun: boolean;
  summary: ImportPlan['summary'];
  lines: LineDecision[];
  /** For a Waggle backup: the rows restored per table. */
  restored?: RestoreSummary;
}

/** Decodes, detects (or checks) the format and parses a contacts file. */
export function readContactsFile(bytes: Uint8Array, options: ImportOptions = {}): ParsedFile {
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportFileError(null, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it and import the parts`);
  const text = decodeText(bytes);
  const detected = detectFormat(text, options.fileName);
  const format = options.format ?? detected;
  if (format === null) throw new ImportFileError(1, 'not a format Waggle reads: LinkedIn Connections.csv, vCard, Google or Outlook CSV, or a Waggle backup');
  if (options.format && detected !== null && detected !== options.format) {
    throw new ImportFileError(1, `the file was given as ${options.format} but reads as ${detected}`);
  }
  switch (format) {
    case 'linkedin':
      return parseLinkedInCsv(text);
    case 'google':
      return parseGoogleCsv(text);
    case 'outlook':
      return parseOutlookCsv(text);
    case 'vcard':
      return parseVcards(text);
    case 'backup':
      throw new ImportFileError(1, 'a Waggle backup is restored, not merged: use the backup path');
  }
}

/** Plans an import and, unless it is a dry run, carries it out in one transaction. */
export async function importFile(ctx: ServiceContext, bytes: Uint8Array, options: ImportOptions & { dryRun?: boolean; onProgress?: ProgressListener } = {}): Promise<ImportOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  progress('reading', 0, 1);
  if (isBackup(bytes, options)) return importBackup(ctx, bytes, options.dryRun === true);
  const file = readContactsFile(bytes, options);
  progress('reading', 1, 1);
  return inTransaction(ctx, async (trx) => {
    progress('planning', 0, file.records);
    const plan = planImport(file, await existingPeople(trx));
    progress('planning', file.records, file.records);
    if (!options.dryRun) await applyPlan(trx, plan, file.format, (done) => progress('writing', done, plan.creates.length + plan.updates.length));
    return { format: file.format, dryRun: options.dryRun === true, summary: plan.summary, lines: plan.lines };
  });
}

function isBackup(bytes: Uint8Array, options: ImportOptions): boolean {
  if (options.format) return options.format === 'backup';
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return detectFormat(head, options.fileName) === 'backup';
}

async function importBackup(ctx: ServiceContext, bytes: Uint8Array, dryRun: boolean): Promise<ImportOutcome> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeText(bytes));
  } catch (error) {
    throw new ImportFileError(null, `the backup is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const run = async (trx: ServiceContext) => {
    const restored = await restoreBackup(trx, parsed);
    const people = restored.people ?? 0;
    return { format: 'backup' as const, dryRun, summary: { records: people, created: people, merged: 0, skipped: 0 }, lines: [], restored };
  };
  if (!dryRun) return run(ctx);
  // A dry run restores inside a transaction and rolls it back: the same checks, nothing kept.
  let outcome: ImportOutcome | null = null;
  await ctx.db
    .transaction()
    .execute(async (db) => {
      outcome = await run({ ...ctx, db });
      throw new DryRunRollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRunRollback)) throw error;
    });
  return outcome!;
}

class DryRunRollback extends Error {}

async function existingPeople(ctx: ServiceContext): Promise<ExistingPerson[]> {
  return (await listPeople(ctx)).items.map((p) => ({
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    role: p.role,
    location: p.location,
    notes: p.notes,
    tieBeganOn: p.tieBeganOn,
    tags: p.tags,
    channels: p.channels,
  }));
}

async function applyPlan(ctx: ServiceContext, plan: ImportPlan, source: ImportFormat, written: (done: number) => void): Promise<void> {
  const now = nowTimestamp(ctx);
  const day = today(ctx);
  const rows: Insertable<Database['people']>[] = [];
  const points: Insertable<Database['contactPoints']>[] = [];
  for (const p of plan.creates) {
    const id = ctx.ids('per');
    rows.push({
      id,
      workspaceId: ctx.workspaceId,
      name: p.name,
      nameKey: nameKey(p.name),
      organisation: p.organisation,
      role: p.role,
      location: p.location,
      howMet: null,
      category: null,
      tags: JSON.stringify(p.tags),
      notes: p.notes,
      strength: 0,
      importance: 0,
      knowAndLike: 0,
      canHelp: 0,
      canHelpHow: null,
      // Imported people are ties that exist but are quiet until judged: "dormant", with
      // strength and importance 0. Not "met": that would count hundreds of old
      // connections as new relationships in progress. A logged exchange wakes them.
      stage: 'dormant',
      cadence: null,
      preferredChannel: null,
      lostJobList: 0,
      nextContactOn: null,
      nextContactSetOn: null,
      tieBeganOn: p.tieBeganOn,
      source,
      importedOn: day,
      addedOn: day,
      createdAt: now,
      updatedAt: now,
    });
    p.channels.forEach((c, position) => points.push({ personId: id, position, kind: c.kind, value: c.value, valueKey: contactKey(c.value), label: c.label }));
  }
  let done = 0;
  for (const batch of chunks(rows, 100)) {
    await ctx.db.insertInto('people').values(batch).execute();
    done += batch.length;
    written(done);
  }
  for (const batch of chunks(points, 100)) await ctx.db.insertInto('contactPoints').values(batch).execute();

  for (const update of plan.updates) {
    const current = await ctx.db.selectFrom('people').select(['tags', 'organisation', 'role', 'location', 'notes', 'tieBeganOn']).where('id', '=', update.id).executeTakeFirstOrThrow();
    const fill: Record<string, string> = {};
    // Checked again here: a field filled since the plan was made is left alone.
    for (const [field, value] of Object.entries(update.fill)) if (current[field as keyof typeof current] === null && value) fill[field] = value;
    const tags = update.addTags.length ? JSON.stringify([...(JSON.parse(current.tags) as string[]), ...update.addTags]) : undefined;
    if (Object.keys(fill).length || tags) await ctx.db.updateTable('people').set({ ...fill, ...(tags ? { tags } : {}), updatedAt: now }).where('id', '=', update.id).execute();
    if (update.addChannels.length) {
      const last = await ctx.db.selectFrom('contactPoints').select((eb) => eb.fn.max('position').as('max')).where('personId', '=', update.id).executeTakeFirst();
      const start = Number(last?.max ?? -1) + 1;
      await ctx.db
        .insertInto('contactPoints')
        .values(update.addChannels.map((c, i) => ({ personId: update.id, position: start + i, kind: c.kind, value: c.value, valueKey: contactKey(c.value), label: c.label })))
        .execute();
    }
    done += 1;
    written(done);
  }
}

import type { Insertable } from 'kysely';
import { refreshSearchText } from './search-index.js';
import { withSearchIndexFilledAfter } from '../storage/search-index.js';
import type { ExistingPerson, ImportPlan, LineDecision, PossibleDuplicate } from '../core/import-merge.js';
import { ImportFileError, type ImportFormat, type ImportWarning } from '../core/import-types.js';
import { ConflictError } from '../core/errors.js';
import { holdsDate } from '../core/person-dates.js';
import type { Database } from '../storage/schema.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import type { RestoreSummary } from './export/backup.js';
import { planFileOffThread } from './import/off-thread.js';
import { planFile, type EncodingUsed, type ReadOptions } from './import/plan-file.js';
import { checkPhoto } from '../core/photo.js';
import { writePhotos } from './photos.js';
import { listPeople } from './people.js';
import { chunks } from '../storage/chunks.js';
import { insertRows, withIndexesRebuilt, type InsertStatements } from '../storage/insert-rows.js';
import { fillPerson, peopleFingerprint, selectMergeTargets } from '../storage/imports.js';
import { refreshPlannerStatistics } from '../storage/planner-statistics.js';
import { personKeys, toContactPointRow, toPersonRow } from '../storage/people.js';

export { MAX_IMPORT_BYTES, readContactsFile } from './import/plan-file.js';

/**
 * Imports: read a whole file (refusing it whole when it cannot be read), plan
 * every line against the map, and write the plan in one transaction. A preview
 * plans without writing. Imported people keep where they came from.
 *
 * Reading and planning run in a worker thread (import/off-thread.ts): a server
 * keeps answering while a large file is parsed. The write stays on this thread,
 * in one transaction, in batches that let other requests in between.
 */

export interface ImportOptions extends ReadOptions {
  /**
   * False to read and plan on this thread: for a command line, which has nothing else to
   * answer meanwhile. The worker's start and the copies of the map and the plan between
   * threads cost about 0.3 s of CPU for a 30,000-row file (issue 15); a server keeps the worker.
   */
  inWorker?: boolean;
}

export type ImportPhase = 'reading' | 'planning' | 'writing';
export type ProgressListener = (phase: ImportPhase, done: number, total: number) => void;

export interface ImportOutcome {
  format: ImportFormat;
  dryRun: boolean;
  summary: ImportPlan['summary'];
  lines: LineDecision[];
  /** New people kept apart from a namesake only by a different profile link: for the user to judge. */
  possibleDuplicates: PossibleDuplicate[];
  /** How the file's bytes were read as text (absent for a Waggle backup). */
  encoding?: EncodingUsed;
  /** What to check before importing: a mixed or uncertain encoding. */
  warnings: ImportWarning[];
  /** For a Waggle backup: the rows restored per table. */
  restored?: RestoreSummary;
}

/** Plans an import and, unless it is a dry run, carries it out in one transaction. */
export async function importFile(ctx: ServiceContext, bytes: Uint8Array, options: ImportOptions & { dryRun?: boolean; onProgress?: ProgressListener } = {}): Promise<ImportOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  progress('reading', 0, 1);
  const readOptions: ReadOptions = { ...(options.format ? { format: options.format } : {}), ...(options.fileName ? { fileName: options.fileName } : {}), ...(options.encoding ? { encoding: options.encoding } : {}) };
  const before = await mapVersion(ctx);
  // A backup restores only into an empty map: then there is no one to plan against.
  const existing = options.format === 'backup' ? [] : await existingPeople(ctx);
  // The file is decoded, and its format detected, once (in the worker unless told otherwise), whatever it turns out to be.
  const planned = options.inWorker === false ? planFile(bytes, readOptions, existing, progress) : await planFileOffThread({ bytes, options: readOptions, existing }, progress);
  if ('text' in planned) return importBackup(ctx, planned.text, options.dryRun === true);
  const { plan } = planned;
  const outcome: ImportOutcome = {
    format: planned.format,
    dryRun: options.dryRun === true,
    summary: plan.summary,
    lines: plan.lines,
    possibleDuplicates: plan.possibleDuplicates,
    encoding: planned.encoding,
    warnings: planned.warnings,
  };
  if (options.dryRun) return outcome;
  await inTransaction(ctx, async (trx) => {
    // The plan was made from the map as it was read; refuse to write it over a map changed since.
    if ((await mapVersion(trx)) !== before) throw new ConflictError('the map changed while the file was being read; import it again');
    await applyPlan(trx, plan, planned.format, (done) => progress('writing', done, plan.creates.length + plan.updates.length));
  });
  // After the commit, as bulkLoad does: PostgreSQL plans from what ANALYZE last saw, and would
  // read a workspace of 30,000 new people as if it held the few it had before.
  if (plan.creates.length >= MANY_NEW_PEOPLE) await refreshPlannerStatistics(ctx.db);
  return outcome;
}

/** From this many new people, an import tells the planner of them (storage/planner-statistics.ts). */
const MANY_NEW_PEOPLE = 1_000;

/** How many new people's contact points are made before they are written (a multiple of insertRows' batch). */
const ROWS_MADE_AT_ONCE = 2_000;

/**
 * How many new people's rows are made before they are written: one insert's batch (insertRows'
 * 100). Each row (33 columns, its search text) is garbage once written; a batch that small dies
 * in V8's young generation, kept small by the command line (young-generation.ts), where 2,000
 * rows outlived a scavenge or two and were copied into the old generation. Measured on the
 * 30,000-row import, phase by phase in the same runs: the people's rows and their insert
 * ~0.44 s against ~0.52-0.65 s at 2,000 with the young generation small.
 */
const PEOPLE_ROWS_MADE_AT_ONCE = 100;

/** A fingerprint of the people in the map: how many, and the latest change. */
const mapVersion = (ctx: ServiceContext): Promise<string> => peopleFingerprint(ctx.db, ctx.workspaceId);

/** Lets other work on this thread (a server's other requests) run between batches of a long write. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function importBackup(ctx: ServiceContext, text: string, dryRun: boolean): Promise<ImportOutcome> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // JSON.parse's own words name a position in characters, not a line: not shown.
    throw new ImportFileError(null, 'the backup is not valid JSON');
  }
  // The restore, and the zod schema a backup is checked against, load only for a backup (issue 15: zod alone was 0.2 s of a contacts import's CPU).
  const { restoreBackup } = await import('./export/backup.js');
  const run = async (trx: ServiceContext) => {
    const restored = await restoreBackup(trx, parsed);
    const people = restored.people ?? 0;
    return { format: 'backup' as const, dryRun, summary: { records: people, created: people, merged: 0, skipped: 0 }, lines: [], possibleDuplicates: [], warnings: [], restored };
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

/**
 * Keys about as SQLite's indexes order them (JavaScript compares UTF-16 units, SQLite the UTF-8
 * bytes: the same order but for characters past U+FFFF). The rows' order decides only how fast
 * they are written, never what is stored.
 */
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

async function applyPlan(ctx: ServiceContext, plan: ImportPlan, source: ImportFormat, written: (done: number) => void): Promise<void> {
  const now = nowTimestamp(ctx);
  const day = today(ctx);
  const dates: Insertable<Database['personDates']>[] = [];
  const photos: Parameters<typeof writePhotos>[1][number][] = [];
  const creates = plan.creates;
  // In sort-name order: every people index but the id's leads with the sort name for a newly
  // imported person (the rest of its key is the same for all of them), so rows in that order are
  // appended to each index rather than scattered over it; and the rows of a page of the list lie
  // together in the table. The new ids, random as ever, are handed out in
  // ascending order along it, so the id's index (and contact points' key, which leads with the
  // person's id) is appended to as well (issue 15). The keys are the rows' (toPersonRow's),
  // worked out here once.
  const keys = creates.map((p) => personKeys({ name: p.name, familyName: p.familyName ?? null }, p.nameKey));
  const order = creates.map((_, i) => i).sort((a, b) => compareKeys(keys[a]!.sortName, keys[b]!.sortName));
  const ids = order.map(() => ctx.ids('per')).sort();
  let channelCount = 0;
  order.forEach((at, i) => {
    const p = creates[at]!;
    const id = ids[i]!;
    if (p.photo) photos.push({ personId: id, mediaType: checkPhoto(p.photo), bytes: p.photo, updatedAt: now });
    channelCount += p.channels.length;
    (p.dates ?? []).forEach((d, position) => dates.push({ personId: id, position, kind: d.kind, label: d.label, month: d.month, day: d.day, year: d.year }));
  });
  const rowOf = (p: ImportPlan['creates'][number], id: string, at: number) =>
    toPersonRow(
      ctx.workspaceId,
      {
        id,
        name: p.name,
        familyName: p.familyName ?? null,
        organisation: p.organisation,
        role: p.role,
        location: p.location,
        howMet: null,
        category: null,
        tags: p.tags,
        notes: p.notes,
        strength: 0,
        importance: 0,
        knowAndLike: false,
        canHelp: false,
        canHelpHow: null,
        // Imported people are ties that exist but are quiet until judged: "dormant", with
        // strength and importance 0. Not "met": that would count hundreds of old
        // connections as new relationships in progress. A logged exchange wakes them.
        stage: 'dormant',
        cadence: null,
        preferredChannel: null,
        lostJobList: false,
        nextContactOn: null,
        nextContactSetOn: null,
        tieBeganOn: p.tieBeganOn,
        source,
        importedOn: day,
        addedOn: day,
        createdAt: now,
        updatedAt: now,
      },
      p.channels.map((c) => c.value),
      keys[at],
    );
  let done = 0;
  // The rows are made a batch at a time, as they are written, not all first: each set is
  // garbage once written, where 30,000 rows of 33 columns held to the end made V8 copy them
  // through its young generation into the old (issue 15). The insert's statement is compiled once.
  const statements: InsertStatements = new Map();
  const insertPeople = async () => {
    for (let from = 0; from < order.length; from += PEOPLE_ROWS_MADE_AT_ONCE) {
      const rows = order.slice(from, from + PEOPLE_ROWS_MADE_AT_ONCE).map((at, i) => rowOf(creates[at]!, ids[from + i]!, at));
      await insertRows(ctx.db, 'people', rows, {
        statements,
        afterBatch: async (inserted) => {
          done = from + inserted;
          written(done);
          await breathe();
        },
      });
    }
  };
  // A large import indexes the new people's search text once, after them (SQLite only, in this
  // transaction). People's own indexes take the rows as they come: in sort-name order (above),
  // each new row goes at the end of each index, which costs less than building the ten indexes
  // again after the rows (whole process 0.985 of the time, 30 runs in turn, on 30,000 people).
  await withSearchIndexFilledAfter(ctx.db, creates.length, insertPeople);
  // The contact points likewise a few thousand people's at a time, after the people, in the same order.
  const pointStatements: InsertStatements = new Map();
  const insertPoints = async () => {
    for (let from = 0; from < order.length; from += ROWS_MADE_AT_ONCE) {
      const points: Insertable<Database['contactPoints']>[] = [];
      order.slice(from, from + ROWS_MADE_AT_ONCE).forEach((at, i) => creates[at]!.channels.forEach((c, position) => points.push(toContactPointRow(ids[from + i]!, position, c))));
      await insertRows(ctx.db, 'contactPoints', points, { statements: pointStatements, afterBatch: breathe });
    }
  };
  await withIndexesRebuilt(ctx.db, 'contactPoints', channelCount, insertPoints);
  await insertRows(ctx.db, 'personDates', dates);
  await writePhotos(ctx, photos);

  // What each merged person holds now, read a chunk at a time rather than person by person.
  for (const batch of chunks(plan.updates)) {
    const targets = await selectMergeTargets(ctx.db, ctx.workspaceId, batch.map((u) => u.id));
    for (const update of batch) {
      const target = targets.get(update.id);
      if (!target) throw new ConflictError('a person matched in the file was deleted while it was being read; import it again');
      const { current } = target;
      const fill: Record<string, string> = {};
      // Checked again here: a field filled since the plan was made is left alone.
      for (const [field, value] of Object.entries(update.fill)) if (current[field as keyof typeof current] === null && value) fill[field] = value;
      const tags = update.addTags.length ? JSON.stringify([...(JSON.parse(current.tags) as string[]), ...update.addTags]) : undefined;
      if (Object.keys(fill).length || tags) await fillPerson(ctx.db, update.id, { ...fill, ...(tags ? { tags } : {}) }, now);
      if (update.addChannels.length) {
        const start = target.lastChannel + 1;
        await insertRows(ctx.db, 'contactPoints', update.addChannels.map((c, i) => toContactPointRow(update.id, start + i, c)));
      }
      if (update.addDates?.length) {
        // Only what the person lacks (see holdsDate): a birthday set by hand is never overwritten by a file.
        const stored = target.dates;
        const fresh = update.addDates.filter((d) => !holdsDate(stored, d));
        const start = Math.max(-1, ...stored.map((s) => s.position)) + 1;
        if (fresh.length) await insertRows(ctx.db, 'personDates', fresh.map((d, i) => ({ personId: update.id, position: start + i, kind: d.kind, label: d.label, month: d.month, day: d.day, year: d.year })));
      }
      done += 1;
      written(done);
      if (done % 100 === 0) await breathe();
    }
  }
  await refreshSearchText(ctx, plan.updates.map((u) => u.id));
}

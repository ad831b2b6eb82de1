import { logExchangeInput } from '../contract/inputs.js';
import { parseInput } from '../contract/validate.js';
import { CAPTURE_SKIP_REASONS, planCapture, SKIP_REASON_TEXT, type CaptureFormat, type CaptureMemory, type CapturePerson, type CapturePlan, type CaptureProposal, type CaptureSkipReason, type LastContact } from '../core/capture.js';
import { addMonths, type IsoDate } from '../core/dates.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import type { ImportWarning } from '../core/import-types.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { readCaptureOffThread } from './capture/off-thread.js';
import type { CaptureJob, CaptureRead } from './capture/read-capture.js';
import { importFile, type ImportOutcome } from './imports.js';
import { logExchange } from './exchanges.js';
import { advanceStage, selectChannelsOfKinds, selectPeopleStages } from '../storage/people.js';
import { anyCaptured, insertCapturedItem, selectCaptureAnswers } from '../storage/captures.js';
import { selectExchangeDays } from '../storage/journal.js';
import { profileKey } from '../core/import-merge.js';
import { getProfile } from './workspace.js';

/** The edges tell a capture from a contacts file with the codecs' one sniff. */
export { captureFormatOf } from '../codecs/sniff.js';

/**
 * Capture: a calendar, a mailbox or LinkedIn's archive read into proposed
 * exchanges (see core/capture). A dry run lists each proposal with its reason;
 * otherwise the proposals chosen are logged (as `waggle log` would: stages and
 * next contacts move) and the others declined, all in one transaction, and every
 * answer is remembered by its source key, so that importing again proposes
 * nothing twice.
 */

export interface CaptureOptions {
  format: CaptureFormat;
  dryRun?: boolean;
  /** The window's first day; by default twelve months before today. */
  since?: IsoDate;
  includeAllDay?: boolean;
  includePrivate?: boolean;
  /** Proposals (by key) to decline instead of logging; the rest are logged. */
  skip?: readonly string[];
  /** Only these proposals (by key) are logged; the rest are declined. */
  only?: readonly string[];
  onProgress?: (phase: 'reading' | 'planning' | 'writing', done: number, total: number) => void;
}

export type ProposalDecision = 'proposed' | 'logged' | 'declined';

export interface CaptureOutcome {
  format: CaptureFormat;
  dryRun: boolean;
  /** The window activities were taken from. */
  window: { from: IsoDate; to: IsoDate };
  /** Events, messages or archive rows in the file. */
  items: number;
  summary: CapturePlan['summary'] & { logged: number; declined: number };
  proposals: (CaptureProposal & { decision: ProposalDecision; exchangeId: string | null })[];
  skipped: { reason: CaptureSkipReason; count: number; text: string }[];
  lastContacts: LastContact[];
  warnings: ImportWarning[];
  /** LinkedIn's archive: what its Connections.csv did, as the contact import says it. */
  contacts?: ImportOutcome['summary'];
}

async function captureJob(ctx: ServiceContext, options: CaptureOptions): Promise<CaptureJob> {
  const profile = await getProfile(ctx);
  const day = today(ctx);
  const people = await selectPeopleStages(ctx.db, ctx.workspaceId);
  const points = await selectChannelsOfKinds(ctx.db, ctx.workspaceId, ['email', 'linkedin']);
  const byPerson = new Map<string, CapturePerson>(people.map((p) => [p.id, { id: p.id, name: p.name, emails: [], profiles: [], stage: p.stage }]));
  for (const point of points) {
    const person = byPerson.get(point.personId);
    if (point.kind === 'email') person?.emails.push(point.value);
    else person?.profiles.push(profileKey(point.value));
  }
  const answered = await selectCaptureAnswers(ctx.db, ctx.workspaceId);
  const journal = await selectExchangeDays(ctx.db, ctx.workspaceId);
  return {
    options: {
      format: options.format,
      from: options.since ?? addMonths(day, -12),
      today: day,
      nowMs: ctx.clock.now().getTime(),
      timeZone: profile.timeZone,
      ownEmails: profile.emails,
      includeAllDay: options.includeAllDay === true,
      includePrivate: options.includePrivate === true,
    },
    people: [...byPerson.values()],
    answered,
    journalDays: journal.map((j) => `${j.personId}|${j.occurredOn}`),
  };
}

/** Reads a capture file (its chunks, as they arrive), proposes exchanges and, unless a dry run, logs the chosen ones in one transaction. */
export async function captureFile(ctx: ServiceContext, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CaptureOptions): Promise<CaptureOutcome> {
  const progress = options.onProgress ?? (() => undefined);
  if (options.skip?.length && options.only?.length) throw new ValidationError('skip', 'choose with either skip or only, not both');
  const job = await captureJob(ctx, options);
  progress('reading', 0, 1);
  const read = await readCaptureOffThread(job, source, (done, total) => progress('reading', done, total));
  if (read.plan) {
    const outcome = outcomeOf(read.plan, read, job, options);
    if (!options.dryRun) await inTransaction(ctx, (trx) => apply(trx, outcome, options, progress));
    return outcome;
  }
  // LinkedIn's archive: Connections.csv first (as the contact import does), then its
  // messages and invitations matched against the map with those people in it, all in
  // one transaction; a dry run does the same and rolls it back.
  const work = async (trx: ServiceContext): Promise<CaptureOutcome> => {
    const contacts = read.connections ? await importFile(trx, read.connections, { format: 'linkedin', fileName: 'Connections.csv' }) : null;
    const withPeople = await captureJob(trx, options);
    const plan = planCapture(read.activities ?? [], withPeople.people, memoryOf(withPeople), { today: withPeople.options.today, from: withPeople.options.from });
    const outcome = outcomeOf(plan, read, withPeople, options);
    if (contacts) outcome.contacts = contacts.summary;
    if (!options.dryRun) await apply(trx, outcome, options, progress);
    return outcome;
  };
  if (!options.dryRun) return inTransaction(ctx, work);
  let previewed: CaptureOutcome | null = null;
  await ctx.db
    .transaction()
    .execute(async (db) => {
      previewed = await work({ ...ctx, db });
      throw new DryRunRollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof DryRunRollback)) throw error;
    });
  return previewed!;
}

class DryRunRollback extends Error {}

function memoryOf(job: CaptureJob): CaptureMemory {
  return { answered: new Map(job.answered), journalDays: new Set(job.journalDays) };
}

function outcomeOf(plan: CapturePlan, read: CaptureRead, job: CaptureJob, options: CaptureOptions): CaptureOutcome {
  const keys = new Set(plan.proposals.map((p) => p.key));
  for (const key of [...(options.skip ?? []), ...(options.only ?? [])]) {
    if (!keys.has(key)) throw new ValidationError(options.skip?.length ? 'skip' : 'only', `${key} is not one of this file's proposals (a dry run lists them)`);
  }
  return {
    format: options.format,
    dryRun: options.dryRun === true,
    window: { from: job.options.from, to: job.options.today },
    items: read.items,
    summary: { ...plan.summary, logged: 0, declined: 0 },
    // Decided in place, not copied: the plan is this capture's alone, and copying the worker's
    // 10,000 proposals (objects rebuilt from a message, slow to spread) took a third of a second.
    proposals: plan.proposals.map((p) => Object.assign(p, { decision: 'proposed' as ProposalDecision, exchangeId: null })),
    skipped: CAPTURE_SKIP_REASONS.filter((r) => plan.skipped[r]).map((reason) => ({ reason, count: plan.skipped[reason]!, text: SKIP_REASON_TEXT[reason] })),
    lastContacts: plan.lastContacts,
    warnings: read.warnings,
  };
}

/** Logs the chosen proposals (in date order, as `waggle log` would), declines the rest, and remembers every answer. */
async function apply(trx: ServiceContext, outcome: CaptureOutcome, options: CaptureOptions, progress: NonNullable<CaptureOptions['onProgress']>): Promise<void> {
  const chosen = (p: CaptureProposal) => (options.only?.length ? options.only.includes(p.key) : !(options.skip ?? []).includes(p.key));
  // Checked by the same contract as an exchange logged by hand, before anything is written.
  const inputs = outcome.proposals.map((p) =>
    p.kind === 'stage' ? null : parseInput(logExchangeInput, { occurredOn: p.occurredOn, channel: p.channel, initiatedBy: p.initiatedBy, personIds: p.people.slice(0, 50).map((x) => x.id), ...(p.note ? { notes: p.note.slice(0, 20000) } : {}) }, (path) => `line ${p.line}: ${path}`),
  );
  // Answered meanwhile (the same file imported twice at once): refuse rather than log twice.
  if (await anyCaptured(trx.db, trx.workspaceId, outcome.proposals.map((p) => p.key))) throw new ConflictError('this file was captured meanwhile; preview it again');
  const now = nowTimestamp(trx);
  let done = 0;
  for (const [index, proposal] of outcome.proposals.entries()) {
    let exchangeId: string | null = null;
    if (chosen(proposal)) {
      const input = inputs[index];
      if (input) exchangeId = (await logExchange(trx, input)).exchange.id;
      else {
        // An invitation sent: "to meet" becomes "reached out" (only for those still at "to meet").
        await advanceStage(trx.db, trx.workspaceId, proposal.people.map((p) => p.id), 'to-meet', 'reached-out', now);
      }
      proposal.decision = 'logged';
      proposal.exchangeId = exchangeId;
      outcome.summary.logged += 1;
    } else {
      proposal.decision = 'declined';
      outcome.summary.declined += 1;
    }
    await insertCapturedItem(trx.db, { workspaceId: trx.workspaceId, sourceKey: proposal.key, outcome: proposal.decision, exchangeId, capturedAt: now });
    done += 1;
    if (done % 100 === 0) progress('writing', done, outcome.proposals.length);
  }
}

import { z } from 'zod';
import { ValidationError } from '../core/errors.js';
import { PERSON_DATE_KINDS, personDateProblem } from '../core/person-dates.js';
import { checkPhoto, fromBase64, MAX_PHOTO_BYTES, PHOTO_TYPES } from '../core/photo.js';
import {
  CHANNELS,
  FEELINGS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  GIVE_KINDS,
  INITIATORS,
  NETWORK_ROLES,
  OUTREACH_PURPOSES,
  RECEIVE_KINDS,
  TARGET_SOURCES,
  TARGET_STATUSES,
} from '../core/vocabulary.js';
import { asStored, isoDate, oneOf, relevance, score, timeZone } from './fields.js';
import { contactPointInput, createPersonInput, exchangeText, followUpInput, goalFields, goalNeedInput, linkNote, networkFields, personFields, updateProfileInput } from './inputs.js';
import { templateFields } from './outreach-inputs.js';
import { addTargetInput, planSettingsInput } from './rhythm-inputs.js';

/**
 * Waggle's JSON backup: every table of one workspace, row for row and column for
 * column (camelCase, as the storage layer names them, without `workspaceId`).
 * Lists kept as JSON text in the database (tags, areas, what was given and
 * received) are real JSON arrays here, and 0/1 flags are booleans.
 *
 * Every field is checked with the API's own field schema (`asStored`): a restore
 * accepts what the API accepts and nothing more (no 100,000-character name, no
 * control character in a one-line field). Nothing is trimmed or transformed, so
 * that a restore is lossless. Objects are strict: a column this version does not
 * know is refused rather than dropped silently.
 */

/** The backup format's own version (the `waggleBackup` field). */
export const BACKUP_FORMAT_VERSION = 1;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An instant as Waggle writes it (`Date#toISOString`); anything else would not read back the same on PostgreSQL. */
export const timestamp = z.string().refine((value) => ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value, {
  error: 'must be an instant written YYYY-MM-DDTHH:MM:SS.sssZ',
});

/** An id or other key: any non-empty text, kept exactly. */
const key = z.string({ error: 'must be an id (text)' }).min(1, { error: 'must not be empty' }).max(200, { error: 'must be at most 200 characters' });
const text = z.string({ error: 'must be text' });
const nullableDate = isoDate.nullable();
const flag = z.boolean({ error: 'must be true or false' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month written YYYY-MM' });
const position = z.int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more' });
const bounded = (min: number, max: number) =>
  z
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be from ${min} to ${max}` })
    .max(max, { error: `must be from ${min} to ${max}` });

export const backupProfile = z.strictObject({
  name: asStored(updateProfileInput.shape.name),
  workingOn: asStored(updateProfileInput.shape.workingOn),
  timeZone,
  updatedAt: timestamp,
  monthlyTargets: bounded(1, 20),
  newRelationshipCap: bounded(1, 50),
  accountabilityPartner: asStored(planSettingsInput.shape.accountabilityPartner),
  /** Added by the capture migration: absent from older backups. */
  emails: updateProfileInput.shape.emails.default([]),
});

export const backupPerson = z.strictObject({
  id: key,
  name: asStored(personFields.name),
  /** Derived from `name`; a restore recomputes it, so it may be left out. */
  nameKey: text.optional(),
  /** Added by the people-family-name migration: absent from older backups. */
  familyName: asStored(personFields.familyName).optional(),
  organisation: asStored(personFields.organisation),
  role: asStored(personFields.role),
  location: asStored(personFields.location),
  howMet: asStored(personFields.howMet),
  category: asStored(personFields.category),
  tags: asStored(personFields.tags),
  notes: asStored(personFields.notes),
  strength: asStored(personFields.strength),
  importance: asStored(personFields.importance),
  knowAndLike: flag,
  canHelp: flag,
  canHelpHow: asStored(personFields.canHelpHow),
  stage: asStored(personFields.stage),
  cadence: asStored(personFields.cadence),
  preferredChannel: asStored(personFields.preferredChannel),
  lostJobList: flag,
  nextContactOn: asStored(personFields.nextContactOn),
  nextContactSetOn: nullableDate,
  tieBeganOn: asStored(personFields.tieBeganOn),
  source: asStored(createPersonInput.shape.source),
  importedOn: nullableDate,
  addedOn: isoDate,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const backupContactPoint = z.strictObject({
  personId: key,
  position,
  kind: asStored(contactPointInput.shape.kind),
  value: asStored(contactPointInput.shape.value),
  /** Derived from `value`; recomputed on restore. */
  valueKey: text.optional(),
  label: asStored(contactPointInput.shape.label),
});

export const backupNetwork = z.strictObject({
  id: key,
  name: asStored(networkFields.name),
  /** Derived from `name`; recomputed on restore. */
  nameKey: text.optional(),
  kind: asStored(networkFields.kind),
  role: asStored(networkFields.role),
  strength: asStored(networkFields.strength),
  importance: asStored(networkFields.importance),
  hoursPerMonth: asStored(networkFields.hoursPerMonth),
  url: asStored(networkFields.url),
  notes: asStored(networkFields.notes),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const backupMembership = z.strictObject({ networkId: key, personId: key, role: oneOf(NETWORK_ROLES).nullable() });

export const backupGoal = z.strictObject({
  id: key,
  statement: asStored(goalFields.statement),
  horizon: asStored(goalFields.horizon),
  needs: z.array(z.strictObject({ id: key, name: asStored(goalNeedInput.shape.name), essential: z.boolean() })).max(30, { error: 'at most 30 needs' }),
  transitionFrom: asStored(goalFields.transitionFrom),
  transitionTo: asStored(goalFields.transitionTo),
  status: asStored(goalFields.status),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const backupPersonGoal = z.strictObject({ goalId: key, personId: key, relevance, note: asStored(linkNote), serves: z.array(key).max(30) });
export const backupNetworkGoal = z.strictObject({ goalId: key, networkId: key, relevance, note: asStored(linkNote), serves: z.array(key).max(30) });
export const backupTie = z.strictObject({ personA: key, personB: key, strength: score, note: asStored(linkNote) });

export const backupExchange = z.strictObject({
  id: key,
  occurredOn: isoDate,
  channel: oneOf(CHANNELS),
  initiatedBy: oneOf(INITIATORS),
  networkId: key.nullable(),
  gave: z.array(z.strictObject({ kind: oneOf(GIVE_KINDS), note: asStored(linkNote) })).max(20, { error: 'at most 20' }),
  received: z.array(z.strictObject({ kind: oneOf(RECEIVE_KINDS), note: asStored(linkNote) })).max(20, { error: 'at most 20' }),
  learned: asStored(exchangeText.learned),
  feeling: oneOf(FEELINGS).nullable(),
  notes: asStored(exchangeText.notes),
  createdAt: timestamp,
});

export const backupExchangePerson = z.strictObject({
  exchangeId: key,
  personId: key,
  /** A copy of the exchange's date; recomputed on restore. */
  occurredOn: isoDate.optional(),
  /** What logging the exchange did to the person, for undoing it on removal (migration 2026-12-01T0400-exchange-effects). */
  stageBefore: z.string().nullable().optional(),
  stageAfter: z.string().nullable().optional(),
  loggedSeq: z.number().int().positive().nullable().optional(),
  clearedNextContactOn: isoDate.nullable().optional(),
  clearedNextContactSetOn: isoDate.nullable().optional(),
});

export const backupFollowUp = z.strictObject({
  id: key,
  exchangeId: key.nullable(),
  personId: key.nullable(),
  kind: oneOf(FOLLOW_UP_KINDS),
  description: asStored(followUpInput.shape.description),
  dueOn: isoDate,
  status: oneOf(FOLLOW_UP_STATUSES),
  closedOn: nullableDate,
  createdAt: timestamp,
});

export const backupIntroduction = z.strictObject({
  id: key,
  byId: key.nullable(),
  personId: key,
  toId: key.nullable(),
  madeOn: isoDate,
  note: asStored(linkNote),
  createdAt: timestamp,
});

export const backupPlanTarget = z.strictObject({
  id: key,
  month,
  personId: key,
  source: oneOf(TARGET_SOURCES),
  /** Stored as text, empty when there was no reason: the same rules as a reason given. */
  reason: asStored(addTargetInput.shape.reason).pipe(text),
  status: oneOf(TARGET_STATUSES),
  rolledOverFrom: key.nullable(),
  exchangeId: key.nullable(),
  closedOn: nullableDate,
  createdAt: timestamp,
});

export const backupOutreachTemplate = z.strictObject({
  id: key,
  purpose: oneOf(OUTREACH_PURPOSES),
  name: asStored(templateFields.name),
  subject: asStored(templateFields.subject),
  body: asStored(templateFields.body),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Capture's memory of proposals answered (added by the capture migration: absent from older backups). */
export const backupCapturedItem = z.strictObject({
  sourceKey: z.string().min(1).max(2000),
  outcome: z.enum(['logged', 'declined']),
  exchangeId: key.nullable(),
  capturedAt: timestamp,
});

/** Dates that matter on a person (added by the person-dates migration: absent from older backups). */
export const backupPersonDate = z.strictObject({
  personId: key,
  position: z.number().int().min(0),
  kind: z.enum(PERSON_DATE_KINDS),
  label: z.string().min(1).max(120).nullable(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  year: z.number().int().min(1).max(9999).nullable(),
});

/** A person's photo, its bytes as base64 (added by the person-photos migration: absent from older backups). */
export const backupPersonPhoto = z.strictObject({
  personId: key,
  mediaType: z.enum(PHOTO_TYPES),
  data: z.string().max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 4, { error: 'is larger than a photo may be (2 MB)' }),
  updatedAt: timestamp,
});

export const backupWorkspace = z.strictObject({
  profile: backupProfile,
  people: z.array(backupPerson),
  contactPoints: z.array(backupContactPoint),
  networks: z.array(backupNetwork),
  memberships: z.array(backupMembership),
  goals: z.array(backupGoal),
  personGoals: z.array(backupPersonGoal),
  networkGoals: z.array(backupNetworkGoal),
  ties: z.array(backupTie),
  exchanges: z.array(backupExchange),
  exchangePeople: z.array(backupExchangePerson),
  followUps: z.array(backupFollowUp),
  introductions: z.array(backupIntroduction),
  planTargets: z.array(backupPlanTarget),
  outreachTemplates: z.array(backupOutreachTemplate),
  capturedItems: z.array(backupCapturedItem).default([]),
  personDates: z.array(backupPersonDate).default([]),
  personPhotos: z.array(backupPersonPhoto).default([]),
});

/** The tables of a backup, in an order where every row's references come before it. */
export const BACKUP_TABLES = [
  'people',
  'contactPoints',
  'networks',
  'goals',
  'memberships',
  'personGoals',
  'networkGoals',
  'ties',
  'exchanges',
  'exchangePeople',
  'followUps',
  'introductions',
  'planTargets',
  'outreachTemplates',
  'capturedItems',
  'personDates',
  'personPhotos',
] as const satisfies readonly (keyof z.infer<typeof backupWorkspace>)[];
export type BackupTable = (typeof BACKUP_TABLES)[number];

type Workspace = z.infer<typeof backupWorkspace>;
type Path = (string | number)[];

/** Every reference inside the workspace must land, and every primary key must be unique: checked here so that each fault names its JSON path. */
function checkReferences(ws: Workspace, ctx: z.RefinementCtx): void {
  const problem = (path: Path, message: string) => ctx.addIssue({ code: 'custom', message, path: ['workspace', ...path] });
  const unique = <T>(table: BackupTable, rows: readonly T[], keyOf: (row: T) => string, field: string, what: string) => {
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      const k = keyOf(row);
      if (seen.has(k)) problem([table, i, field], `${what} appears twice`);
      seen.add(k);
    });
    return seen;
  };
  const people = unique('people', ws.people, (p) => p.id, 'id', `person id`);
  const networks = unique('networks', ws.networks, (n) => n.id, 'id', 'network id');
  const goals = unique('goals', ws.goals, (g) => g.id, 'id', 'goal id');
  const exchanges = new Map<string, string>();
  ws.exchanges.forEach((e, i) => {
    if (exchanges.has(e.id)) problem(['exchanges', i, 'id'], 'exchange id appears twice');
    exchanges.set(e.id, e.occurredOn);
  });
  unique('followUps', ws.followUps, (f) => f.id, 'id', 'follow-up id');
  unique('introductions', ws.introductions, (x) => x.id, 'id', 'introduction id');
  unique('planTargets', ws.planTargets, (t) => t.id, 'id', 'plan target id');
  unique('outreachTemplates', ws.outreachTemplates, (t) => t.id, 'id', 'template id');
  unique('capturedItems', ws.capturedItems, (c) => c.sourceKey, 'sourceKey', 'captured source key');
  unique('contactPoints', ws.contactPoints, (c) => JSON.stringify([c.personId, c.position]), 'position', 'this person and position');
  unique('memberships', ws.memberships, (m) => JSON.stringify([m.networkId, m.personId]), 'personId', 'this membership');
  unique('personGoals', ws.personGoals, (l) => JSON.stringify([l.goalId, l.personId]), 'personId', 'this person–goal link');
  unique('networkGoals', ws.networkGoals, (l) => JSON.stringify([l.goalId, l.networkId]), 'networkId', 'this network–goal link');
  unique('ties', ws.ties, (t) => JSON.stringify([t.personA, t.personB]), 'personB', 'this tie');
  unique('exchangePeople', ws.exchangePeople, (x) => JSON.stringify([x.exchangeId, x.personId]), 'personId', 'this person in this exchange');

  const ref = (path: Path, id: string | null, known: { has(id: string): boolean }, what: string) => {
    if (id !== null && !known.has(id)) problem(path, `no ${what} with id ${id} in this backup`);
  };
  ws.contactPoints.forEach((c, i) => ref(['contactPoints', i, 'personId'], c.personId, people, 'person'));
  ws.memberships.forEach((m, i) => {
    ref(['memberships', i, 'networkId'], m.networkId, networks, 'network');
    ref(['memberships', i, 'personId'], m.personId, people, 'person');
  });
  ws.personGoals.forEach((l, i) => {
    ref(['personGoals', i, 'goalId'], l.goalId, goals, 'goal');
    ref(['personGoals', i, 'personId'], l.personId, people, 'person');
  });
  ws.networkGoals.forEach((l, i) => {
    ref(['networkGoals', i, 'goalId'], l.goalId, goals, 'goal');
    ref(['networkGoals', i, 'networkId'], l.networkId, networks, 'network');
  });
  ws.ties.forEach((t, i) => {
    ref(['ties', i, 'personA'], t.personA, people, 'person');
    ref(['ties', i, 'personB'], t.personB, people, 'person');
    if (!(t.personA < t.personB)) problem(['ties', i, 'personB'], 'a tie is stored with the smaller person id first (personA < personB)');
  });
  ws.exchanges.forEach((e, i) => ref(['exchanges', i, 'networkId'], e.networkId, networks, 'network'));
  ws.exchangePeople.forEach((x, i) => {
    ref(['exchangePeople', i, 'exchangeId'], x.exchangeId, exchanges, 'exchange');
    ref(['exchangePeople', i, 'personId'], x.personId, people, 'person');
    const on = exchanges.get(x.exchangeId);
    if (on !== undefined && x.occurredOn !== undefined && x.occurredOn !== on) problem(['exchangePeople', i, 'occurredOn'], `must be the exchange's date, ${on}`);
  });
  ws.followUps.forEach((f, i) => {
    ref(['followUps', i, 'exchangeId'], f.exchangeId, exchanges, 'exchange');
    ref(['followUps', i, 'personId'], f.personId, people, 'person');
  });
  ws.introductions.forEach((x, i) => {
    ref(['introductions', i, 'byId'], x.byId, people, 'person');
    ref(['introductions', i, 'personId'], x.personId, people, 'person');
    ref(['introductions', i, 'toId'], x.toId, people, 'person');
    if (x.byId === null && x.toId === null) problem(['introductions', i, 'toId'], 'an introduction involves someone besides me: byId or toId must be set');
  });
  ws.capturedItems.forEach((c, i) => ref(['capturedItems', i, 'exchangeId'], c.exchangeId, exchanges, 'exchange'));
  unique('personDates', ws.personDates, (d) => JSON.stringify([d.personId, d.position]), 'position', 'this person and position');
  ws.personDates.forEach((d, i) => {
    ref(['personDates', i, 'personId'], d.personId, people, 'person');
    const problemOf = personDateProblem(d);
    if (problemOf) problem(['personDates', i, problemOf.field], problemOf.message);
  });
  unique('personPhotos', ws.personPhotos, (p) => p.personId, 'personId', 'this person');
  ws.personPhotos.forEach((p, i) => {
    ref(['personPhotos', i, 'personId'], p.personId, people, 'person');
    // The same check as an upload: a backup cannot plant what an upload would refuse (an SVG, a page).
    const bytes = fromBase64(p.data);
    if (bytes === null) return problem(['personPhotos', i, 'data'], 'must be the image as base64');
    try {
      if (checkPhoto(bytes, 'data') !== p.mediaType) problem(['personPhotos', i, 'mediaType'], `must be the type the bytes are, ${checkPhoto(bytes, 'data')}`);
    } catch (error) {
      problem(['personPhotos', i, 'data'], error instanceof ValidationError ? error.reason : String(error));
    }
  });
  ws.planTargets.forEach((t, i) => {
    ref(['planTargets', i, 'personId'], t.personId, people, 'person');
    ref(['planTargets', i, 'exchangeId'], t.exchangeId, exchanges, 'exchange');
  });
}

export const waggleBackupSchema = z
  .strictObject({
    waggleBackup: z.literal(BACKUP_FORMAT_VERSION, { error: `must be ${BACKUP_FORMAT_VERSION}` }),
    /** The name of the latest database migration of the Waggle that wrote it. */
    schema: z.string().min(1),
    exportedAt: timestamp,
    workspace: backupWorkspace,
  })
  .superRefine((backup, ctx) => checkReferences(backup.workspace, ctx));

export type WaggleBackup = z.infer<typeof waggleBackupSchema>;
export type BackupWorkspace = WaggleBackup['workspace'];

/** A JSON path as people read it: `workspace.people[3].strength`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

const MAX_LISTED = 10;

const RECORD_NAMES: Record<BackupTable, string> = {
  people: 'person',
  contactPoints: 'contact point',
  networks: 'network',
  goals: 'goal',
  memberships: 'membership',
  personGoals: 'person–goal link',
  networkGoals: 'network–goal link',
  ties: 'tie',
  exchanges: 'exchange',
  exchangePeople: 'exchange’s person',
  followUps: 'follow-up',
  introductions: 'introduction',
  planTargets: 'plan target',
  outreachTemplates: 'template',
  capturedItems: 'captured item',
  personDates: 'date',
  personPhotos: 'photo',
};
const REFERENCE_KEYS = ['personId', 'networkId', 'goalId', 'exchangeId', 'personA', 'personB'];

/** Which record a fault is in, for people: "the person with id per_1", "the contact point of person per_1". */
function recordOf(data: unknown, path: readonly PropertyKey[]): string | null {
  const [root, table, index] = path;
  if (root !== 'workspace' || typeof table !== 'string' || typeof index !== 'number' || !(table in RECORD_NAMES)) return null;
  const row = (data as { workspace?: Record<string, unknown> } | null)?.workspace?.[table];
  const record = Array.isArray(row) ? (row[index] as Record<string, unknown> | undefined) : undefined;
  const what = RECORD_NAMES[table as BackupTable];
  if (record && typeof record === 'object') {
    if (typeof record.id === 'string') return `the ${what} with id ${record.id}`;
    const refs = REFERENCE_KEYS.filter((k) => typeof record[k] === 'string').map((k) => `${k} ${String(record[k])}`);
    if (refs.length > 0) return `the ${what} of ${refs.join(', ')}`;
  }
  return `${what} number ${index + 1} of ${table}`;
}

/** Validates a backup, throwing a ValidationError whose field is the first fault's JSON path; the message lists the first few. */
export function parseBackup(data: unknown): WaggleBackup {
  const result = waggleBackupSchema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const at = jsonPath(issue.path);
      return { field: issue.keys.map((k) => (at ? `${at}.${k}` : k)).join(', '), reason: 'is not a field this version of Waggle knows' };
    }
    const record = recordOf(data, issue.path);
    return { field: jsonPath(issue.path) || '(backup)', reason: record ? `${issue.message} (${record})` : issue.message };
  });
  const [first] = problems;
  const error = new ValidationError(first?.field ?? '(backup)', first?.reason ?? 'is not a Waggle backup');
  if (problems.length > 1) {
    const listed = problems.slice(0, MAX_LISTED).map((p) => `${p.field}: ${p.reason}`);
    if (problems.length > MAX_LISTED) listed.push(`and ${problems.length - MAX_LISTED} more`);
    error.message = listed.join('; ');
  }
  throw error;
}

import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema.js';
import type { PersonFilter } from '../contract/filters.js';
import type { CreatePersonInput, UpdatePersonInput } from '../contract/inputs.js';
import { replaceChannelGroups } from '../core/channel-groups.js';
import { AmbiguousReferenceError, NotFoundError, ValidationError } from '../core/errors.js';
import type { Person } from '../core/model.js';
import { inTransaction, inTransactionOnPeople, nowTimestamp, today, type ServiceContext } from './context.js';
import { nameKey } from './keys.js';
import {
  deletePerson,
  findPersonId,
  insertPerson,
  peopleNamed,
  replaceContactPoints,
  selectContactPoints,
  toPersonRow,
  updatePeopleRows,
  updatePersonRow,
  personBeforeEditRead,
  personBeforeEditRows,
  type PersonChanges,
  type StoredPerson,
} from '../storage/people.js';
import { deleteExchangesWithNobody, exchangeIdsWith } from '../storage/journal.js';
import { scrubAfterErase } from '../storage/erasure.js';
import { selectPeople, type PeoplePage } from '../storage/people-list.js';
import { nextContact } from '../core/next-contact.js';
import { refreshRhythm } from './rhythm.js';
import { refreshSearchText } from './search-index.js';
import { writeDates } from './person-date-rows.js';

export type { Page, PeoplePage } from '../storage/people-list.js';

export async function createPerson(ctx: ServiceContext, input: CreatePersonInput): Promise<Person> {
  const id = ctx.ids('per');
  const now = nowTimestamp(ctx);
  const addedOn = input.addedOn ?? today(ctx);
  const person: StoredPerson = {
    id,
    name: input.name,
    familyName: input.familyName ?? null,
    organisation: input.organisation ?? null,
    role: input.role ?? null,
    location: input.location ?? null,
    howMet: input.howMet ?? null,
    category: input.category ?? null,
    tags: input.tags ?? [],
    notes: input.notes ?? null,
    strength: input.strength ?? 0,
    importance: input.importance ?? 0,
    knowAndLike: input.knowAndLike ?? false,
    canHelp: input.canHelp ?? false,
    canHelpHow: input.canHelpHow ?? null,
    stage: input.stage ?? 'to-meet',
    cadence: input.cadence ?? null,
    preferredChannel: input.preferredChannel ?? null,
    lostJobList: input.lostJobList ?? false,
    nextContactOn: input.nextContactOn ?? null,
    nextContactSetOn: input.nextContactOn ? today(ctx) : null,
    tieBeganOn: input.tieBeganOn ?? null,
    source: input.source ?? 'manual',
    importedOn: null,
    addedOn,
    createdAt: now,
    updatedAt: now,
  };
  const row = {
    ...toPersonRow(ctx.workspaceId, person, (input.channels ?? []).map((c) => c.value)),
    nextContactDue: nextContact({ nextContactOn: person.nextContactOn, cadence: person.cadence, lastExchangeOn: null, addedOn })?.date ?? null,
  };
  await inTransaction(ctx, async (trx) => {
    await insertPerson(trx.db, row);
    await replaceContactPoints(trx.db, id, input.channels ?? []);
    // In the same transaction: a date the database refuses leaves no person behind.
    if (input.dates?.length) await writeDates(trx, id, input.dates);
  });
  return getPerson(ctx, id);
}

/** The most channels one person keeps (the contract's limit on a whole list). */
const MAX_CHANNELS = 50;

/** The fields of an edit that the search text is made from (search-index.ts). */
const SEARCHED_FIELDS = new Set(['name', 'familyName', 'organisation', 'role', 'location', 'tags', 'notes', 'channels', 'channelGroups']);

/**
 * What an edit may write to the person's row, in listingVersion's names, so that the kept listings
 * are patched for it (the fewer named, the fewer listings asked about; a column written and not
 * named moves the listings that read it on, as any write does): each field's column, the sort name
 * with the name, the search text with a searched field, the next contact with what it follows from.
 */
function editWrites(patch: UpdatePersonInput): string[] {
  const fields = Object.keys(patch);
  const columns = fields.map((field) => `people.${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);
  if (fields.includes('name') || fields.includes('familyName')) columns.push('people.sort_name');
  if (fields.some((field) => SEARCHED_FIELDS.has(field))) columns.push('people.search_text');
  if (fields.includes('cadence') || fields.includes('nextContactOn')) columns.push('people.next_contact_due', 'people.next_contact_set_on');
  return [...columns, 'people.updated_at'];
}

/** Changes only what the patch names; `channelGroups` replaces the named groups of channels and keeps the rest; `dates` replaces every date. */
export async function updatePerson(ctx: ServiceContext, id: string, patch: UpdatePersonInput): Promise<Person> {
  // The person as they are, read first (with the workspace's lock on PostgreSQL): the new sort key and search text are worked out
  // from it and written in the edit's one update. The search text after an edit of the channels is written after them.
  const readFirst = (db: Kysely<Database>) => personBeforeEditRead(db, ctx.workspaceId, id);
  await inTransactionOnPeople(ctx, { personIds: [id], columns: editWrites(patch), readFirst }, async (trx, readBefore) => {
    const { channels, channelGroups, dates, ...fields } = patch;
    if (channels !== undefined && channelGroups !== undefined) {
      throw new ValidationError('channelGroups', 'give either channels (the whole list) or channelGroups (some groups), not both');
    }
    const [before] = personBeforeEditRows(await readBefore());
    if (!before) throw new NotFoundError('person', id);
    const changes: PersonChanges = { ...fields, updatedAt: nowTimestamp(trx) };
    if (fields.nextContactOn !== undefined) changes.nextContactSetOn = fields.nextContactOn === null ? null : today(trx);
    if (!(await updatePersonRow(trx.db, trx.workspaceId, id, changes, before))) throw new NotFoundError('person', id);
    if (fields.cadence !== undefined || fields.nextContactOn !== undefined) await refreshRhythm(trx, [id]);
    if (channels !== undefined) await replaceContactPoints(trx.db, id, channels);
    if (channelGroups !== undefined) {
      const merged = replaceChannelGroups(await selectContactPoints(trx.db, id), channelGroups);
      if (merged.length > MAX_CHANNELS) throw new ValidationError('channelGroups', `a person has at most ${MAX_CHANNELS} channels; this edit would leave ${merged.length}`);
      await replaceContactPoints(trx.db, id, merged);
    }
    // In the same transaction as the fields: a refused date leaves the person as they were.
    if (dates !== undefined) await writeDates(trx, id, dates);
    if (channels !== undefined || channelGroups !== undefined) await refreshSearchText(trx, [id]);
  });
  return getPerson(ctx, id);
}

export async function removePerson(ctx: ServiceContext, id: string): Promise<Person> {
  const removed = await inTransaction(ctx, async (trx) => {
    const person = await getPerson(trx, id);
    // Exchanges shared with others stay; an exchange left with nobody goes too.
    const exchangeIds = await exchangeIdsWith(trx.db, id);
    await deletePerson(trx.db, trx.workspaceId, id);
    await deleteExchangesWithNobody(trx.db, exchangeIds);
    return person;
  });
  // After the commit, not inside it: the removed bytes leave the write-ahead log.
  await scrubAfterErase(ctx.db, { kind: 'record' });
  return removed;
}

export async function getPerson(ctx: ServiceContext, id: string): Promise<Person> {
  const { items } = await queryPeople(ctx, { ids: [id] });
  const person = items[0];
  if (!person) throw new NotFoundError('person', id);
  return person;
}

export async function listPeople(ctx: ServiceContext, filter: PersonFilter = {}): Promise<PeoplePage> {
  return queryPeople(ctx, filter);
}

/** Finds a person by id, or by name when exactly one person has it (case and accents aside). */
export async function resolvePerson(ctx: ServiceContext, ref: string): Promise<string> {
  const byId = await findPersonId(ctx.db, ctx.workspaceId, ref);
  if (byId) return byId;
  const byName = await peopleNamed(ctx.db, ctx.workspaceId, nameKey(ref));
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1) throw new AmbiguousReferenceError('person', ref, byName);
  throw new NotFoundError('person', ref);
}

export async function requirePerson(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await findPersonId(ctx.db, ctx.workspaceId, id))) throw new NotFoundError('person', id);
}

/** The people a filter names, in its order and page, as storage reads them (storage/people-list.ts). */
function queryPeople(ctx: ServiceContext, filter: PersonFilter): Promise<PeoplePage> {
  return selectPeople(ctx.db, ctx.workspaceId, today(ctx), filter);
}

/** The judgements that can be set on many people at once. */
export type BulkJudgement = Pick<UpdatePersonInput, 'strength' | 'importance' | 'category' | 'stage' | 'cadence'>;

/**
 * Sets the same judgement on every person matching a filter (for example the
 * people just imported from LinkedIn and not judged yet), in one transaction.
 */
export async function bulkJudge(ctx: ServiceContext, filter: Omit<PersonFilter, 'limit' | 'offset'>, judgement: BulkJudgement): Promise<number> {
  return inTransaction(ctx, async (trx) => {
    const ids = (await queryPeople(trx, filter)).items.map((p) => p.id);
    await updatePeopleRows(trx.db, trx.workspaceId, ids, { ...judgement, updatedAt: nowTimestamp(trx) });
    if (judgement.cadence !== undefined) await refreshRhythm(trx, ids);
    return ids.length;
  });
}

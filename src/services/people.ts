import type { Updateable } from 'kysely';
import type { PersonFilter } from '../contract/filters.js';
import type { CreatePersonInput, UpdatePersonInput } from '../contract/inputs.js';
import { replaceChannelGroups } from '../core/channel-groups.js';
import { AmbiguousReferenceError, NotFoundError, ValidationError } from '../core/errors.js';
import type { ContactPoint, Person } from '../core/model.js';
import type { PeopleTable } from '../storage/schema.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { contactKey, nameKey, sortKey } from './keys.js';
import { chunks } from '../storage/chunks.js';
import { flag } from '../storage/columns.js';
import { toPersonRow, toContactPoint, type StoredPerson } from '../storage/people.js';

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
    await trx.db.insertInto('people').values(row).execute();
    await replaceChannels(trx, id, input.channels ?? []);
    // In the same transaction: a date the database refuses leaves no person behind.
    if (input.dates?.length) await writeDates(trx, id, input.dates);
  });
  return getPerson(ctx, id);
}

/** The most channels one person keeps (the contract's limit on a whole list). */
const MAX_CHANNELS = 50;

/** Changes only what the patch names; `channelGroups` replaces the named groups of channels and keeps the rest. */
export async function updatePerson(ctx: ServiceContext, id: string, patch: UpdatePersonInput): Promise<Person> {
  await inTransaction(ctx, async (trx) => {
    await requirePerson(trx, id);
    const { channels, channelGroups, tags, knowAndLike, canHelp, lostJobList, ...plain } = patch;
    if (channels !== undefined && channelGroups !== undefined) {
      throw new ValidationError('channelGroups', 'give either channels (the whole list) or channelGroups (some groups), not both');
    }
    const changes: Updateable<PeopleTable> = { ...plain, updatedAt: nowTimestamp(trx) };
    if (plain.name !== undefined) changes.nameKey = nameKey(plain.name);
    if (plain.name !== undefined || plain.familyName !== undefined) {
      // The sort key needs both: the one not in the patch is the stored one.
      const stored = await trx.db.selectFrom('people').select(['name', 'familyName']).where('id', '=', id).where('workspaceId', '=', trx.workspaceId).executeTakeFirstOrThrow();
      changes.sortName = sortKey(plain.name ?? stored.name, plain.familyName !== undefined ? plain.familyName : stored.familyName);
    }
    if (tags !== undefined) changes.tags = JSON.stringify(tags);
    if (knowAndLike !== undefined) changes.knowAndLike = flag(knowAndLike);
    if (canHelp !== undefined) changes.canHelp = flag(canHelp);
    if (lostJobList !== undefined) changes.lostJobList = flag(lostJobList);
    if (plain.nextContactOn !== undefined) changes.nextContactSetOn = plain.nextContactOn === null ? null : today(trx);
    await trx.db.updateTable('people').set(changes).where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
    if (plain.cadence !== undefined || plain.nextContactOn !== undefined) await refreshRhythm(trx, [id]);
    if (channels !== undefined) await replaceChannels(trx, id, channels);
    if (channelGroups !== undefined) {
      const current = (await trx.db.selectFrom('contactPoints').selectAll().where('personId', '=', id).orderBy('position').execute()).map(toContactPoint);
      const merged = replaceChannelGroups(current, channelGroups);
      if (merged.length > MAX_CHANNELS) throw new ValidationError('channelGroups', `a person has at most ${MAX_CHANNELS} channels; this edit would leave ${merged.length}`);
      await replaceChannels(trx, id, merged);
    }
    await refreshSearchText(trx, [id]);
  });
  return getPerson(ctx, id);
}

export async function removePerson(ctx: ServiceContext, id: string): Promise<Person> {
  const removed = await inTransaction(ctx, async (trx) => {
    const person = await getPerson(trx, id);
    // Exchanges shared with others stay; an exchange left with nobody goes too.
    const exchangeIds = (
      await trx.db.selectFrom('exchangePeople').select('exchangeId').where('personId', '=', id).execute()
    ).map((r) => r.exchangeId);
    await trx.db.deleteFrom('people').where('id', '=', id).where('workspaceId', '=', trx.workspaceId).execute();
    for (const chunk of chunks(exchangeIds)) {
      await trx.db
        .deleteFrom('exchanges')
        .where('id', 'in', chunk)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('exchangePeople').select('personId').whereRef('exchangePeople.exchangeId', '=', 'exchanges.id'))))
        .execute();
    }
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
  const byId = await ctx.db.selectFrom('people').select('id').where('workspaceId', '=', ctx.workspaceId).where('id', '=', ref).executeTakeFirst();
  if (byId) return byId.id;
  const byName = await ctx.db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('workspaceId', '=', ctx.workspaceId)
    .where('nameKey', '=', nameKey(ref))
    .limit(10)
    .execute();
  if (byName.length === 1 && byName[0]) return byName[0].id;
  if (byName.length > 1) throw new AmbiguousReferenceError('person', ref, byName);
  throw new NotFoundError('person', ref);
}

export async function requirePerson(ctx: ServiceContext, id: string): Promise<void> {
  const row = await ctx.db.selectFrom('people').select('id').where('workspaceId', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('person', id);
}

async function replaceChannels(ctx: ServiceContext, personId: string, channels: { kind: ContactPoint['kind']; value: string; label?: string | null | undefined }[]) {
  await ctx.db.deleteFrom('contactPoints').where('personId', '=', personId).execute();
  if (channels.length === 0) return;
  await ctx.db
    .insertInto('contactPoints')
    .values(
      channels.map((c, position) => ({
        personId,
        position,
        kind: c.kind,
        value: c.value,
        valueKey: contactKey(c.value),
        label: c.label ?? null,
      })),
    )
    .execute();
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
    const changes: Updateable<PeopleTable> = { ...judgement, updatedAt: nowTimestamp(trx) };
    for (const chunk of chunks(ids)) await trx.db.updateTable('people').set(changes).where('workspaceId', '=', trx.workspaceId).where('id', 'in', chunk).execute();
    if (judgement.cadence !== undefined) await refreshRhythm(trx, ids);
    return ids.length;
  });
}

import { sql, type Selectable, type Updateable } from 'kysely';
import type { PersonFilter } from '../contract/filters.js';
import type { CreatePersonInput, UpdatePersonInput } from '../contract/inputs.js';
import { replaceChannelGroups } from '../core/channel-groups.js';
import { AmbiguousReferenceError, NotFoundError, ValidationError } from '../core/errors.js';
import type { ContactPoint, Person } from '../core/model.js';
import type { Database, PeopleTable } from '../storage/schema.js';
import { inTransaction, nowTimestamp, today, type ServiceContext } from './context.js';
import { containsPattern, contactKey, nameKey, sortKey } from './keys.js';
import { chunks } from '../storage/chunks.js';
import { flag } from '../storage/columns.js';
import { toPersonRow, toContactPoint, toPerson, type StoredPerson } from '../storage/people.js';
import { PERSON_QUADRANT_SIGNS } from '../core/check/quadrants.js';
import { IMPORTANT_MIN_IMPORTANCE, IMPORTANT_MIN_RELEVANCE, STRONG_MIN_STRENGTH } from '../core/check/thresholds.js';
import { DEFAULT_DUE_WINDOW_DAYS } from '../core/due.js';
import { addDays } from '../core/dates.js';
import { CURSOR_SORTS, encodePersonCursor, type CursorSort } from '../contract/person-cursor.js';
import { afterCursor, checkCursor, cursorFor, dueDate, lastExchange } from './people-keyset.js';

const isCursorSort = (sort: string): sort is CursorSort => (CURSOR_SORTS as readonly string[]).includes(sort);
import { scrubAfterErase } from '../storage/erasure.js';
import { nextContact } from '../core/next-contact.js';
import { refreshRhythm } from './rhythm.js';
import { refreshSearchText } from './search-index.js';
import { writeDates } from './person-date-rows.js';
import { foldQuery } from '../core/search-text.js';

export interface Page<T> {
  items: T[];
  /** How many match the filter, before limit and offset. */
  total: number;
}

/** A page of people: on the sorts keyset paging serves, with where the next page starts (null on the last). */
export type PeoplePage = Page<Person> & { nextCursor?: string | null };

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

async function queryPeople(ctx: ServiceContext, filter: PersonFilter): Promise<PeoplePage> {
  let base = ctx.db.selectFrom('people').where('people.workspaceId', '=', ctx.workspaceId);
  if (filter.ids) base = base.where('people.id', 'in', filter.ids.length > 0 ? filter.ids : ['']);
  if (filter.category === 'none') base = base.where('people.category', 'is', null);
  else if (filter.category) base = base.where('people.category', '=', filter.category);
  if (filter.stage) base = base.where('people.stage', '=', filter.stage);
  if (filter.source) base = base.where('people.source', '=', filter.source);
  if (filter.unjudged) base = base.where('people.strength', '=', 0).where('people.importance', '=', 0);
  if (filter.tag) {
    // Tags are a JSON list of strings; the quoted form matches one whole tag.
    base = base.where(sql<boolean>`${sql.ref('people.tags')} like ${containsPattern(JSON.stringify(filter.tag))} escape '\\'`);
  }
  if (filter.goalId) {
    const goalId = filter.goalId;
    // From the goal's links to the people (an index), not from every person to their links.
    base = base.where('people.id', 'in', (eb) => eb.selectFrom('personGoals').select('personGoals.personId').where('personGoals.goalId', '=', goalId));
  }
  if (filter.networkId) {
    const networkId = filter.networkId;
    base = base.where('people.id', 'in', (eb) => eb.selectFrom('memberships').select('memberships.personId').where('memberships.networkId', '=', networkId));
  }
  if (filter.quadrant) {
    // The same rule as the check's personQuadrant, in SQL so a page of ten thousand stays one query.
    const signs = PERSON_QUADRANT_SIGNS[filter.quadrant];
    // goal_relevance is the best relevance to an active goal, kept current (services/goal-relevance.ts).
    const important = sql<boolean>`(people.importance >= ${IMPORTANT_MIN_IMPORTANCE} or people.goal_relevance >= ${IMPORTANT_MIN_RELEVANCE})`;
    const strong = sql<boolean>`people.strength >= ${STRONG_MIN_STRENGTH}`;
    base = base.where(signs.important ? important : sql<boolean>`not ${important}`).where(signs.strong ? strong : sql<boolean>`not (${strong})`);
  }
  const search = filter.search?.trim();
  const folded = search ? foldQuery(search) : '';
  if (folded) {
    // One folded column (name, organisation, role, location, tags, notes, channels; accents and case aside), kept with the person.
    base = base.where(sql<boolean>`${sql.ref('people.searchText')} like ${containsPattern(folded)} escape '\\'`);
  }

  if (filter.due) {
    // next_contact_due is kept current on every write (services/rhythm.ts): the due filter is a range on an index.
    const now = today(ctx);
    // Written as the index people_by_next_contact has it; "nothing planned" (the far date) is never before the bound.
    base = base.where(dueDate, filter.due === 'overdue' ? '<' : '<=', filter.due === 'overdue' ? now : addDays(now, DEFAULT_DUE_WINDOW_DAYS));
  }
  if (filter.dueBy) base = base.where(dueDate, '<=', filter.dueBy);
  if (filter.dueFrom) base = base.where(dueDate, '>=', filter.dueFrom);

  const paged = filter.limit !== undefined || filter.offset !== undefined;
  let rowsQuery = base.selectAll('people');
  const sort = filter.sort ?? 'name';
  // Each order has its index (migration 2026-12-03T1000-read-speed), written here exactly as the index has it.
  if (sort === 'strength' || sort === 'importance') rowsQuery = rowsQuery.orderBy(`people.${sort}`, 'desc');
  // People never met sort last, people with nothing planned too, whatever the database does with nulls.
  if (sort === 'last-exchange') rowsQuery = rowsQuery.orderBy(lastExchange, 'desc');
  if (sort === 'next-contact') rowsQuery = rowsQuery.orderBy(dueDate);
  if (sort === 'added') rowsQuery = rowsQuery.orderBy('people.addedOn', 'desc');
  // Names sort without their titles ("Dr Ana Silva" under A); the id keeps pages stable between equal names.
  rowsQuery = rowsQuery.orderBy('people.sortName').orderBy('people.id');
  if (filter.cursor) {
    checkCursor(filter.cursor, sort, filter.offset);
    rowsQuery = rowsQuery.where(afterCursor(filter.cursor));
  }
  // On the sorts a cursor can continue, one row past the page tells whether there is a next one.
  const keyset = filter.limit !== undefined && isCursorSort(sort) ? sort : null;
  if (filter.limit !== undefined) rowsQuery = rowsQuery.limit(keyset ? filter.limit + 1 : filter.limit);
  if (filter.offset !== undefined) rowsQuery = (filter.limit === undefined ? rowsQuery.limit(Number.MAX_SAFE_INTEGER) : rowsQuery).offset(filter.offset);
  const fetched = await rowsQuery.execute();
  const more = keyset !== null && fetched.length > (filter.limit as number);
  if (more) fetched.pop();
  const lastRow = fetched.at(-1);
  const nextCursor = keyset === null ? undefined : more && lastRow ? encodePersonCursor(cursorFor(keyset, lastRow)) : null;
  const rows = fetched.map((row) => ({ row, person: toPerson(row, row.lastExchangeOn ?? null, []) }));
  const total = paged ? Number((await base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count) : rows.length;

  const channelsByPerson = new Map<string, ContactPoint[]>();
  const addPoint = (point: Selectable<Database['contactPoints']>) => {
    const list = channelsByPerson.get(point.personId);
    if (list) list.push(toContactPoint(point));
    else channelsByPerson.set(point.personId, [toContactPoint(point)]);
  };
  if (rows.length > 1000) {
    // Many people (a whole map): one query for the workspace's contact points beats many `in` lists.
    const points = await ctx.db
      .selectFrom('contactPoints')
      .innerJoin('people', 'people.id', 'contactPoints.personId')
      .selectAll('contactPoints')
      .where('people.workspaceId', '=', ctx.workspaceId)
      .orderBy('contactPoints.personId')
      .orderBy('contactPoints.position')
      .execute();
    for (const point of points) addPoint(point);
  } else {
    for (const chunk of chunks(rows.map((r) => r.person.id))) {
      const points = await ctx.db.selectFrom('contactPoints').selectAll().where('personId', 'in', chunk).orderBy('personId').orderBy('position').execute();
      for (const point of points) addPoint(point);
    }
  }
  return {
    items: rows.map(({ person }) => ({ ...person, channels: channelsByPerson.get(person.id) ?? [] })),
    total,
    ...(nextCursor === undefined ? {} : { nextCursor }),
  };
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

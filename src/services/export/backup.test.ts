import { setPersonDates } from '../person-dates.js';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBackup } from '../../contract/backup-schema.js';
import { textProblem } from '../../contract/fields.js';
import { buildExchange, buildGoal, buildIntroduction, buildNetwork, buildPerson } from '../../core/check/builders.js';
import type { Exchange, GoalLink, Introduction, Membership, Person, Tie } from '../../core/model.js';
import {
  CHANNELS,
  CONTACT_KINDS,
  FEELINGS,
  GIVE_KINDS,
  GOAL_STATUSES,
  INITIATORS,
  NETWORK_KINDS,
  NETWORK_ROLES,
  PERSON_CATEGORIES,
  RECEIVE_KINDS,
  STAGES,
} from '../../core/vocabulary.js';
import type { Database } from '../../storage/schema.js';
import { DIALECTS } from '../../test-support/databases.js';
import { freshSession, openFreshSession } from '../../test-support/fresh-session.js';
import { bulkLoad } from '../bulk-load.js';
import { loadSnapshot } from '../check.js';
import type { Clock } from '../context.js';
import { loadDemo } from '../demo.js';
import { createTemplate } from '../outreach.js';
import { listPeople } from '../people.js';
import { addTarget, updatePlanSettings } from '../plan.js';
import { setPhoto } from '../photos.js';
import type { Session } from '../session.js';
import { createShare } from '../shares.js';
import { ensureWorkspace, updateProfile } from '../workspace.js';
import { BACKUP_SCHEMA, exportBackup, restoreBackup, type WaggleBackup } from './backup.js';

const NOW = '2026-11-22T09:30:00.000Z';
const clock: Clock = { now: () => new Date(NOW) };

const ALL_TABLES = [
  'workspaces',
  'profiles',
  'people',
  'contactPoints',
  'networks',
  'memberships',
  'goals',
  'personGoals',
  'networkGoals',
  'ties',
  'exchanges',
  'exchangePeople',
  'followUps',
  'planTargets',
  'outreachTemplates',
  'shareTokens',
  'introductions',
  'personDates',
  'personPhotos',
] as const satisfies readonly (keyof Database)[];

/** Every row of every table, each table's rows in a fixed order: the database's whole content. */
async function dumpDatabase(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of ALL_TABLES) {
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return out;
}

function countsOf(dump: Record<string, string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, rows.length]));
}

/** A backup with its export time blanked, for comparing two exports. */
const content = (backup: WaggleBackup) => ({ ...backup, exportedAt: '' });

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each(DIALECTS)('JSON backup on %s', (dialect) => {
  // The source map, made once; each test restores into a fresh, empty database of its own (world.another()).
  const world = freshSession(dialect, { clock });
  let backup: WaggleBackup;

  beforeAll(async () => {
    const ctx = world.session.ctx;
    await updateProfile(ctx, { timeZone: 'Europe/London' });
    await loadDemo({ ...ctx, timeZone: 'Europe/London' });
    await updatePlanSettings(ctx, { monthlyTargets: 4, accountabilityPartner: 'Sam, my mentor' });
    const [first] = (await listPeople(ctx)).items;
    await addTarget(ctx, { personId: first!.id, reason: 'Ask about the fellowship' });
    await setPersonDates(ctx, first!.id, [
      { kind: 'birthday', label: null, month: 2, day: 29, year: 1984 },
      { kind: 'other', label: 'Started at the trust', month: 9, day: 1, year: null },
    ]);
    // A 1×1 PNG's first bytes: enough for the type check, which reads the signature.
    await setPhoto(ctx, first!.id, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    await createTemplate(ctx, { purpose: 'learn-solution', name: 'Short "and" direct', subject: 'Quick question, {{firstName}}', body: 'Hi {{firstName}},\n\nCould I have {{minutes}} minutes?\n\n{{myName}}' });
    await createShare(ctx, { kind: 'calendar', label: 'My phone' });
    backup = await exportBackup(ctx);
  });

  it('holds every table of the workspace, tagged with the format and schema, in primary-key order', () => {
    expect(backup).toMatchObject({ waggleBackup: 1, schema: BACKUP_SCHEMA, exportedAt: NOW });
    // The capture migration adds the profile's own addresses and capture's memory of answered proposals (both in backups).
    // The accounts and teams migrations add no workspace data: accounts, sessions, tokens, teams and
    // consents to a team stay out of backups; the read-speed one adds only derived columns, left out too and worked out again on restore (a restored map shares nothing until its member says so again).
    // The person-dates migration adds birthdays, anniversaries and named dates (in backups).
    // The team-learned-tags migration tags a learned item shared with a team (team data: not in backups).
    // The outreach-purposes migrations (2026-12-03 and the everyday ones of 2026-12-04) only widen the purposes a template may have; the people-sort-name one adds a derived column, left out and worked out again on restore.
    // The people-family-name migration adds the family name where known, and the person-photos one the photos as base64 (both in backups; absent from older ones).
    // The person-journal-totals migration adds only derived columns (the journal's sums per person), left out and worked out again on restore.
    // The search-index-rowids-only migration changes only SQLite's search index, derived from people's rows and not in backups;
    // the search-profile-handles one only the search text, derived too and worked out again on restore.
    expect(BACKUP_SCHEMA).toBe('2026-12-13T1000-search-profile-handles');
    const w = backup.workspace;
    expect(w.personPhotos).toEqual([{ personId: expect.any(String), mediaType: 'image/png', data: 'iVBORw0KGgoAAAANSUhEUg==', updatedAt: NOW }]);
    expect(w.profile).toMatchObject({ timeZone: 'Europe/London', monthlyTargets: 4, newRelationshipCap: 5, accountabilityPartner: 'Sam, my mentor' });
    expect(w.profile).not.toHaveProperty('workspaceId');
    for (const table of ['people', 'contactPoints', 'networks', 'memberships', 'goals', 'personGoals', 'networkGoals', 'ties', 'exchanges', 'exchangePeople', 'followUps', 'introductions', 'planTargets', 'outreachTemplates', 'personDates', 'personPhotos'] as const) {
      expect(w[table].length, table).toBeGreaterThan(0);
      for (const row of w[table]) expect(row, table).not.toHaveProperty('workspaceId');
    }
    const ids = w.people.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(w.people[0]).toMatchObject({ tags: expect.any(Array), knowAndLike: expect.any(Boolean) });
    expect(w.planTargets[0]).toMatchObject({ reason: 'Ask about the fellowship', source: 'own' });
    // Links are secrets of one install: no share token, and no hash of one, travels in a backup.
    const text = JSON.stringify(backup);
    expect(text).not.toMatch(/shareTokens|tokenHash|My phone/);
    // What Waggle writes, Waggle reads.
    expect(parseBackup(clone(backup))).toEqual(backup);
  });

  it('restores into an empty data folder: exporting again gives the same backup', async () => {
    const target = await world.another();
    const summary = await restoreBackup(target.ctx, clone(backup));
    expect(summary).toMatchObject({ profile: 1, people: backup.workspace.people.length, exchanges: backup.workspace.exchanges.length, outreachTemplates: 1, planTargets: 1 });
    const again = await exportBackup(target.ctx);
    expect(content(again)).toEqual(content(backup));
    // The same map, as the check sees it (the journal is read in no particular order, so it is sorted here).
    const snapshot = async (ctx: Session['ctx']) => {
      const s = await loadSnapshot({ ...ctx, timeZone: 'Europe/London' });
      const exchanges = s.exchanges.map((e) => ({ ...e, personIds: [...e.personIds].sort() })).sort((a, b) => (a.id < b.id ? -1 : 1));
      return { ...s, exchanges };
    };
    expect(await snapshot(target.ctx)).toEqual(await snapshot(world.session.ctx));
    expect(await target.ctx.db.selectFrom('shareTokens').selectAll().execute()).toEqual([]);
  });

  it('restores a backup written before needs existed: each area becomes a need, every link serves the goal as a whole', async () => {
    const old = clone(backup) as unknown as { schema: string; workspace: { goals: Record<string, unknown>[]; personGoals: Record<string, unknown>[]; networkGoals: Record<string, unknown>[] } };
    old.schema = '2026-11-22T1400-rhythm';
    for (const goal of old.workspace.goals) {
      goal.areas = (goal.needs as { name: string }[]).map((n) => n.name);
      delete goal.needs;
    }
    for (const link of [...old.workspace.personGoals, ...old.workspace.networkGoals]) delete link.serves;
    expect(old.workspace.goals.length).toBeGreaterThan(0);
    const target = await world.another();
    await restoreBackup(target.ctx, old);
    const again = await exportBackup(target.ctx);
    expect(again.workspace.goals.map((g) => g.needs.map((n) => n.name))).toEqual(backup.workspace.goals.map((g) => g.needs.map((n) => n.name)));
    expect(again.workspace.goals.flatMap((g) => g.needs).every((n) => !n.essential)).toBe(true);
    expect([...again.workspace.personGoals, ...again.workspace.networkGoals].every((l) => l.serves.length === 0)).toBe(true);
  });

  it('refuses a corrupted backup, naming the JSON path, and leaves the target exactly as it was', async () => {
    const target = await world.another();
    const before = await dumpDatabase(target.ctx.db);
    const exportBefore = await exportBackup(target.ctx);
    const middle = Math.floor(backup.workspace.people.length / 2);
    const corrupted = clone(backup) as unknown as { workspace: { people: Record<string, unknown>[] } };
    corrupted.workspace.people[middle]!.strength = 9;
    await expect(restoreBackup(target.ctx, corrupted)).rejects.toMatchObject({
      name: 'ValidationError',
      field: `workspace.people[${middle}].strength`,
      message: expect.stringContaining(`workspace.people[${middle}].strength: must be from 0 to 5`),
    });
    const after = await dumpDatabase(target.ctx.db);
    expect(countsOf(after)).toEqual(countsOf(before));
    expect(after).toEqual(before);
    expect(await exportBackup(target.ctx)).toEqual(exportBefore);
  });

  it('names every fault: dangling references, duplicates and unknown fields', async () => {
    const target = await world.another();
    const broken = clone(backup) as unknown as { workspace: Record<string, Record<string, unknown>[]> };
    broken.workspace.memberships![0]!.personId = 'per_nobody';
    broken.workspace.networks![1]!.id = broken.workspace.networks![0]!.id;
    broken.workspace.goals![0]!.colour = 'red';
    const error = await restoreBackup(target.ctx, broken).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', code: 'validation' });
    const message = (error as Error).message;
    expect(message).toContain('workspace.goals[0].colour: is not a field this version of Waggle knows');
    // Row faults first; references are checked once every row reads right.
    delete broken.workspace.goals![0]!.colour;
    const second = ((await restoreBackup(target.ctx, broken).catch((e: unknown) => e)) as Error).message;
    expect(second).toContain('workspace.networks[1].id: network id appears twice');
    expect(second).toContain('workspace.memberships[0].personId: no person with id per_nobody in this backup');
    expect((await listPeople(target.ctx)).total).toBe(0);
  });

  it('refuses what the API refuses, with the same rules, naming the table, the record and the field', async () => {
    const target = await world.another();
    const broken = clone(backup) as unknown as { workspace: Record<string, Record<string, unknown>[]> };
    const person = broken.workspace.people![2]!;
    person.name = 'x'.repeat(100_000);
    broken.workspace.networks![0]!.notes = 'fine\nbut a NUL \u0000 here';
    broken.workspace.goals![0]!.statement = 'Start\na doctorate';
    broken.workspace.people![3]!.tags = ['ok', ''];
    broken.workspace.contactPoints![0]!.value = 'ana\ud800@example.org';
    broken.workspace.ties![0]!.note = 'n'.repeat(1001);
    const error = await restoreBackup(target.ctx, broken).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'workspace.people[2].name', reason: `must be at most 200 characters (the person with id ${String(person.id)})` });
    const message = (error as Error).message;
    expect(message).toContain(`workspace.networks[0].notes: must not contain control characters (U+0000 at character 16) (the network with id ${String(broken.workspace.networks![0]!.id)})`);
    expect(message).toContain(`workspace.goals[0].statement: must be a single line (a line break at character 6) (the goal with id ${String(broken.workspace.goals![0]!.id)})`);
    expect(message).toContain(`workspace.people[3].tags[1]: must not be empty (the person with id ${String(broken.workspace.people![3]!.id)})`);
    expect(message).toContain(`workspace.contactPoints[0].value: contains a broken character (a lone surrogate U+D800 at character 4); type or paste that part again (the contact point of personId ${String(broken.workspace.contactPoints![0]!.personId)})`);
    expect(message).toContain('workspace.ties[0].note: must be at most 1000 characters (the tie of personA');
    expect((await listPeople(target.ctx)).total).toBe(0);
  });

  it('refuses a photo an upload would refuse: an SVG with a script, or the wrong declared type', async () => {
    const target = await world.another();
    const broken = clone(backup) as unknown as { workspace: Record<string, Record<string, unknown>[]> };
    broken.workspace.personPhotos![0]!.data = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const error = await restoreBackup(target.ctx, broken).catch((e: unknown) => e);
    expect((error as Error).message).toContain('workspace.personPhotos[0].data: this file is an SVG drawing, which can carry scripts');
    const mislabelled = clone(backup) as unknown as { workspace: Record<string, Record<string, unknown>[]> };
    mislabelled.workspace.personPhotos![0]!.mediaType = 'image/gif';
    expect(((await restoreBackup(target.ctx, mislabelled).catch((e: unknown) => e)) as Error).message).toContain('workspace.personPhotos[0].mediaType: must be the type the bytes are, image/png');
    expect((await listPeople(target.ctx)).total).toBe(0);
  });

  it('refuses a format or schema it does not know, and what is not a backup', async () => {
    const target = await world.another();
    await expect(restoreBackup(target.ctx, { ...clone(backup), waggleBackup: 2 })).rejects.toMatchObject({ name: 'ImportFileError', message: expect.stringContaining('format 2') });
    await expect(restoreBackup(target.ctx, { ...clone(backup), schema: '2099-01-01T0000-future' })).rejects.toMatchObject({ name: 'ImportFileError', message: expect.stringContaining('2099-01-01T0000-future') });
    await expect(restoreBackup(target.ctx, { ...clone(backup), schema: '2026-11-22T0900-initial' })).rejects.toMatchObject({ name: 'ImportFileError' });
    await expect(restoreBackup(target.ctx, [])).rejects.toMatchObject({ name: 'ImportFileError' });
    await expect(restoreBackup(target.ctx, { people: [] })).rejects.toMatchObject({ name: 'ImportFileError', message: expect.stringContaining('waggleBackup') });
    expect((await listPeople(target.ctx)).total).toBe(0);
  });

  it('refuses to restore over existing data', async () => {
    const before = await dumpDatabase(world.session.ctx.db);
    await expect(restoreBackup(world.session.ctx, clone(backup))).rejects.toMatchObject({ name: 'ConflictError', message: expect.stringContaining('restore into an empty data folder') });
    expect(await dumpDatabase(world.session.ctx.db)).toEqual(before);
  });

  it('a failure part way through the restore leaves the database as it was', async () => {
    const target = await world.another();
    // Another workspace of the same database already uses the id of the backup's
    // template, the last table written: everything before it must be undone.
    await ensureWorkspace(target.ctx.db, clock, 'UTC', 'other');
    const template = backup.workspace.outreachTemplates[0]!;
    await createTemplate({ ...target.ctx, workspaceId: 'other', ids: () => template.id }, { purpose: 'interview', name: 'Theirs', subject: 'Hello {{firstName}}', body: 'Body' });
    const before = await dumpDatabase(target.ctx.db);
    await expect(restoreBackup(target.ctx, clone(backup))).rejects.toMatchObject({ name: 'ConflictError', message: expect.stringContaining('nothing was changed') });
    const after = await dumpDatabase(target.ctx.db);
    expect(countsOf(after)).toEqual(countsOf(before));
    expect(after).toEqual(before);
  });
});

// ------------------------------------------------------------ property: export → restore → export is the identity

// Arbitrary unicode, with the awkward pieces (spaces at the ends, line breaks, quotes, combining marks, emoji) made likely;
// valid by the contract's text rules (what the API would not refuse), but not trimmed: a restore keeps text exactly.
const piece = fc.oneof(fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '"', "'", '\\', ',', ';', '%', '_', '[]', '{"a":1}', 'Zoë', 'e\u0301', '日本語', 'العربية', '🐝', '👩🏽‍🔬'), fc.string({ unit: 'grapheme', maxLength: 6 }));
const joined = (min: number) => fc.array(piece, { minLength: min, maxLength: 4 }).map((parts) => parts.join(''));
/** Several lines: notes, how we met, what was learned. */
const multiText = joined(0).filter((t) => textProblem(t, 'multi') === null);
/** One line: names, titles, addresses. */
const text = joined(0).filter((t) => textProblem(t, 'single') === null && t.trim().length <= 200);
const name = joined(1).filter((n) => textProblem(n, 'single') === null && n.trim().length > 0 && n.trim().length <= 200);
const tag = name.filter((t) => t.trim().length <= 60);
const optionalText = fc.option(text, { nil: null });
const optionalNotes = fc.option(multiText, { nil: null });
const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const scoreArb = fc.integer({ min: 0, max: 5 });
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const pid = (i: number) => `per_${String(i).padStart(3, '0')}`;
const nid = (i: number) => `net_${String(i).padStart(3, '0')}`;
const gid = (i: number) => `goal_${String(i).padStart(3, '0')}`;

const personFields = fc.record({
  name,
  organisation: optionalText,
  role: optionalText,
  location: optionalText,
  howMet: optionalNotes,
  category: orNull(pick(PERSON_CATEGORIES)),
  tags: fc.array(tag, { maxLength: 3 }),
  notes: optionalNotes,
  strength: scoreArb,
  importance: scoreArb,
  knowAndLike: fc.boolean(),
  canHelp: fc.boolean(),
  canHelpHow: optionalNotes,
  stage: pick(STAGES),
  cadence: orNull(pick(['2w', '1m', '3m', '1y'])),
  preferredChannel: orNull(pick(CHANNELS)),
  lostJobList: fc.boolean(),
  nextContactOn: orNull(date),
  nextContactSetOn: orNull(date),
  tieBeganOn: orNull(date),
  channels: fc.array(fc.record({ kind: pick(CONTACT_KINDS), value: name, label: fc.option(text.filter((l) => l.trim().length <= 60), { nil: null }) }), { maxLength: 3 }),
  source: pick(['manual', 'linkedin', 'demo', 'vcard']),
  importedOn: orNull(date),
  addedOn: date,
  createdAt: instant,
  updatedAt: instant,
});

const networkFields = fc.record({
  name,
  kind: pick(NETWORK_KINDS),
  role: pick(NETWORK_ROLES),
  strength: scoreArb,
  importance: scoreArb,
  hoursPerMonth: fc.double({ min: 0, max: 744, noNaN: true }).map((h) => (Object.is(h, -0) ? 0 : h)),
  url: optionalText,
  notes: optionalNotes,
  createdAt: instant,
  updatedAt: instant,
});

const goalFields = fc.record({
  statement: name,
  horizon: orNull(date),
  needs: fc.uniqueArray(fc.record({ name: tag, essential: fc.boolean() }), { maxLength: 3, selector: (n) => n.name.trim().toLowerCase() }),
  transitionFrom: optionalText,
  transitionTo: optionalText,
  status: pick(GOAL_STATUSES),
  createdAt: instant,
  updatedAt: instant,
});

const exchangeFields = fc.record({
  occurredOn: date,
  channel: pick(CHANNELS),
  initiatedBy: pick(INITIATORS),
  people: fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 3 }),
  network: orNull(fc.nat()),
  gave: fc.array(fc.record({ kind: pick(GIVE_KINDS), note: optionalNotes }), { maxLength: 2 }),
  received: fc.array(fc.record({ kind: pick(RECEIVE_KINDS), note: optionalNotes }), { maxLength: 2 }),
  learned: optionalNotes,
  feeling: orNull(pick(FEELINGS)),
  notes: optionalNotes,
  createdAt: instant,
});

const mapArb = fc.record({
  profile: fc.record({ name: optionalText, workingOn: optionalNotes, timeZone: pick(['UTC', 'Europe/London', 'Pacific/Kiritimati', 'America/Sao_Paulo']) }),
  people: fc.array(personFields, { minLength: 1, maxLength: 6 }),
  networks: fc.array(networkFields, { maxLength: 3 }),
  goals: fc.array(goalFields, { maxLength: 3 }),
  memberships: fc.array(fc.record({ person: fc.nat(), network: fc.nat(), role: orNull(pick(NETWORK_ROLES)) }), { maxLength: 6 }),
  personLinks: fc.array(fc.record({ goal: fc.nat(), target: fc.nat(), relevance: fc.integer({ min: 1, max: 5 }), note: optionalNotes, serves: fc.boolean() }), { maxLength: 6 }),
  networkLinks: fc.array(fc.record({ goal: fc.nat(), target: fc.nat(), relevance: fc.integer({ min: 1, max: 5 }), note: optionalNotes }), { maxLength: 4 }),
  ties: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), strength: scoreArb, note: optionalNotes }), { maxLength: 6 }),
  exchanges: fc.array(exchangeFields, { maxLength: 4 }),
  introductions: fc.array(fc.record({ person: fc.nat(), by: orNull(fc.nat()), to: orNull(fc.nat()), madeOn: date, note: optionalNotes, createdAt: instant }), { maxLength: 3 }),
});

type GeneratedMap = typeof mapArb extends fc.Arbitrary<infer T> ? T : never;

/** The generated map as bulkLoad takes it: indices wrapped onto the lists, duplicates dropped. */
function toLoadable(m: GeneratedMap) {
  const people: Person[] = m.people.map(({ ...fields }, i) => buildPerson({ ...fields, id: pid(i) }));
  const networks = m.networks.map((fields, i) => buildNetwork({ ...fields, id: nid(i) }));
  const goals = m.goals.map((fields, i) => buildGoal({ ...fields, needs: fields.needs.map((n, j) => ({ id: `need_${j + 1}`, ...n })), id: gid(i) }));
  const once = <T>(items: T[], keyOf: (item: T) => string) => {
    const seen = new Set<string>();
    return items.filter((item) => !seen.has(keyOf(item)) && Boolean(seen.add(keyOf(item))));
  };
  const memberships: Membership[] = networks.length
    ? once(
        m.memberships.map((x) => ({ personId: pid(x.person % people.length), networkId: nid(x.network % networks.length), role: x.role })),
        (x) => `${x.personId} ${x.networkId}`,
      )
    : [];
  const goalLinks: GoalLink[] = goals.length
    ? [
        ...once(
          m.personLinks.map((l) => ({ goalId: gid(l.goal % goals.length), kind: 'person' as const, targetId: pid(l.target % people.length), relevance: l.relevance, note: l.note, serves: l.serves && goals[l.goal % goals.length]!.needs.length > 0 ? ['need_1'] : [] })),
          (l) => `${l.goalId} ${l.targetId}`,
        ),
        ...(networks.length
          ? once(
              m.networkLinks.map((l) => ({ goalId: gid(l.goal % goals.length), kind: 'network' as const, targetId: nid(l.target % networks.length), relevance: l.relevance, note: l.note, serves: [] as string[] })),
              (l) => `${l.goalId} ${l.targetId}`,
            )
          : []),
      ]
    : [];
  const ties: Tie[] = once(
    m.ties
      .map((t) => [t.a % people.length, t.b % people.length, t] as const)
      .filter(([a, b]) => a !== b)
      .map(([a, b, t]) => ({ personAId: pid(Math.min(a, b)), personBId: pid(Math.max(a, b)), strength: t.strength, note: t.note })),
    (t) => `${t.personAId} ${t.personBId}`,
  );
  const exchanges: Exchange[] = m.exchanges.map(({ people: who, network, ...fields }, i) =>
    buildExchange({
      ...fields,
      id: `ex_${String(i).padStart(3, '0')}`,
      personIds: [...new Set(who.map((p) => pid(p % people.length)))],
      networkId: network !== null && networks.length ? nid(network % networks.length) : null,
    }),
  );
  const introductions: Introduction[] = m.introductions
    .map((x, i) =>
      buildIntroduction({
        id: `intro_${String(i).padStart(3, '0')}`,
        personId: pid(x.person % people.length),
        byId: x.by === null ? null : pid(x.by % people.length),
        toId: x.to === null ? null : pid(x.to % people.length),
        madeOn: x.madeOn,
        note: x.note,
        createdAt: x.createdAt,
      }),
    )
    .filter((x) => x.byId !== null || x.toId !== null);
  return { people, networks, goals, memberships, goalLinks, ties, exchanges, introductions };
}

describe('JSON backup, property', () => {
  it('export → restore into a fresh data folder → export is the identity, for arbitrary valid maps', async () => {
    await fc.assert(
      fc.asyncProperty(mapArb, async (generated) => {
        // Two fresh databases each round, closed at its end: fifteen rounds' worth left open until the suite ends would be thirty.
        const opened = [await openFreshSession('sqlite', { clock }), await openFreshSession('sqlite', { clock })];
        try {
          const source = opened[0]!.session;
          const map = toLoadable(generated);
          await updateProfile(source.ctx, generated.profile);
          await bulkLoad(source.ctx, map);
          const first = await exportBackup(source.ctx);
          // Everything written is in the backup, as written.
          expect(first.workspace.people.map((p) => p.name)).toEqual(map.people.map((p) => p.name));
          expect(first.workspace.contactPoints.map((c) => [c.personId, c.kind, c.value, c.label])).toEqual(map.people.flatMap((p) => p.channels.map((c) => [p.id, c.kind, c.value, c.label])));
          expect(first.workspace.networks.map((n) => n.hoursPerMonth)).toEqual(map.networks.map((n) => n.hoursPerMonth));
          expect(first.workspace.exchanges.map((e) => e.gave)).toEqual(map.exchanges.map((e) => e.gave));
          expect(first.workspace.profile).toMatchObject(generated.profile);

          const target = opened[1]!.session;
          // Through JSON text, as a file would carry it.
          await restoreBackup(target.ctx, JSON.parse(JSON.stringify(first)));
          const second = await exportBackup(target.ctx);
          expect(content(second)).toEqual(content(first));
          expect(JSON.stringify(content(second))).toBe(JSON.stringify(content(first)));
        } finally {
          for (const each of opened) await each.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

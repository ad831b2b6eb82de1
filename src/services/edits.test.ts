import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waggleInProcess } from '../test-support/waggle-in-process.js';
import { channelGroupOf, replaceChannelGroups, type ChannelGroup } from '../core/channel-groups.js';
import { classifyUrl } from '../core/contact-links.js';
import type { ContactKind } from '../core/vocabulary.js';
import { CHANNELS, GOAL_STATUSES, NETWORK_KINDS, NETWORK_ROLES, PERSON_CATEGORIES, STAGES } from '../core/vocabulary.js';
import type { ContactPoint, Goal, Network, Person } from '../core/model.js';
import { nameKey } from './keys.js';
import { createApi, type Api } from '../server/app.js';
import { goalFormValues, goalPatch, networkFormValues, networkPatch, personChannelDrafts, personFormValues, personPatch, type ChannelDraft } from '../../web/src/forms/patch.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * Edits change only what they name, through every door: the command line (the real
 * program, in-process), the HTTP API, and the web app's edit forms (the pure function
 * that turns a changed form into the PATCH body). For every field of a person, a
 * network and a goal: read the record, edit some fields, read it again; the fields
 * named hold the new values and every other field is as it was.
 */

const NOW = '2026-11-22T10:00:00Z';
type Door = 'cli' | 'api' | 'web';
const DOORS: Door[] = ['cli', 'api', 'web'];
const RUNS = 25;

// Text a user types: never blank, never "none" (which clears), never a leading "-" (a flag), no commas (a list).
const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9][A-Za-zÀ-ÿ0-9 .'&]{0,24}$/).map((s) => s.trim());
const words = fc.tuple(word, fc.constantFrom('', ' 🐝', ' Łódź', ' 東京')).map(([a, b]) => `${a}${b}`).filter((s) => s.length > 0 && s.toLowerCase() !== 'none');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const score = fc.integer({ min: 0, max: 5 });
const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const cadence = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.constantFrom('d', 'w', 'm', 'y')).map(([n, u]) => `${n}${u}`);
const tags = fc.uniqueArray(words, { minLength: 1, maxLength: 4 });
const email = word.map((w) => `${w.replace(/[^A-Za-z0-9]/g, '') || 'x'}@example.org`);
const phone = fc.integer({ min: 1000000, max: 9999999 }).map((n) => `+44 20 ${n}`);
const link = fc.tuple(fc.constantFrom('https://example.org/', 'https://www.linkedin.com/in/', 'github.com/', 'https://orcid.org/'), fc.stringMatching(/^[a-z0-9]{1,12}$/)).map(([a, b]) => `${a}${b}`);
const group = (arb: fc.Arbitrary<string>) => fc.uniqueArray(arb, { maxLength: 3 });

const personChange = fc.record(
  {
    name: words,
    organisation: maybe(words),
    role: maybe(words),
    location: maybe(words),
    howMet: maybe(words),
    category: maybe(fc.constantFrom(...PERSON_CATEGORIES)),
    tags,
    notes: maybe(fc.tuple(words, words).map(([a, b]) => `${a}\n${b}`)),
    strength: score,
    importance: score,
    knowAndLike: fc.boolean(),
    canHelp: fc.boolean(),
    canHelpHow: maybe(words),
    stage: fc.constantFrom(...STAGES),
    cadence: maybe(cadence),
    preferredChannel: maybe(fc.constantFrom(...CHANNELS)),
    lostJobList: fc.boolean(),
    nextContactOn: maybe(date),
    tieBeganOn: maybe(date),
    emails: group(email),
    phones: group(phone),
    links: group(link),
  },
  { requiredKeys: [] },
);
type PersonChange = Required<typeof personChange extends fc.Arbitrary<infer T> ? T : never>;

const networkChange = fc.record(
  {
    name: words,
    kind: fc.constantFrom(...NETWORK_KINDS),
    role: fc.constantFrom(...NETWORK_ROLES),
    strength: score,
    importance: score,
    hoursPerMonth: fc.integer({ min: 0, max: 200 }).map((n) => n / 2),
    url: maybe(link),
    notes: maybe(words),
  },
  { requiredKeys: [] },
);

const goalChange = fc.record(
  {
    statement: words,
    horizon: maybe(date),
    needs: fc.uniqueArray(words, { minLength: 1, maxLength: 4, selector: nameKey }),
    transitionFrom: maybe(words),
    transitionTo: maybe(words),
    status: fc.constantFrom(...GOAL_STATUSES),
  },
  { requiredKeys: [] },
);

const GROUPS: ChannelGroup[] = ['emails', 'phones', 'links'];
const channelsOf = (group: ChannelGroup, values: string[]): ContactPoint[] =>
  values.map((value) => ({ kind: group === 'emails' ? 'email' : group === 'phones' ? 'phone' : classifyUrl(value), value, label: null }));
const byGroup = (channels: ContactPoint[]) => Object.fromEntries(GROUPS.map((g) => [g, channels.filter((c) => channelGroupOf(c.kind) === g)]));

/** Flags for `waggle person edit`, from a change; the change adapted to what the command line can say. */
function personFlags(change: Partial<PersonChange>): { argv: string[]; change: Partial<PersonChange> } {
  const adapted = { ...change };
  // `--can-help HOW` says both that they can help and how; the command line cannot clear the how.
  if (adapted.canHelpHow === null) delete adapted.canHelpHow;
  if (typeof adapted.canHelpHow === 'string') adapted.canHelp = true;
  const argv: string[] = [];
  const none = (v: string | null) => v ?? 'none';
  const flags: Record<string, string> = { name: '--name', organisation: '--org', role: '--role', location: '--location', howMet: '--how-met', category: '--category', notes: '--notes', stage: '--stage', cadence: '--cadence', preferredChannel: '--channel', nextContactOn: '--next-contact', tieBeganOn: '--tie-began' };
  for (const [key, value] of Object.entries(adapted)) {
    if (key in flags) argv.push(flags[key]!, none(value as string | null));
    else if (key === 'strength' || key === 'importance') argv.push(`--${key}`, String(value));
    else if (key === 'tags') for (const t of value as string[]) argv.push('--tag', t);
    else if (key === 'knowAndLike') argv.push(value ? '--know-and-like' : '--no-know-and-like');
    else if (key === 'lostJobList') argv.push(value ? '--lost-job-list' : '--no-lost-job-list');
    else if (key === 'canHelp') {
      if (typeof adapted.canHelpHow !== 'string') argv.push(value ? '--can-help' : '--no-can-help');
    } else if (key === 'canHelpHow') argv.push('--can-help', value as string);
    else if (key === 'emails' || key === 'phones' || key === 'links') {
      const flag = { emails: '--email', phones: '--phone', links: '--link' }[key];
      const list = value as string[];
      if (list.length === 0) argv.push(flag, 'none');
      for (const v of list) argv.push(flag, v);
    }
  }
  return { argv, change: adapted };
}

function personApiBody(change: Partial<PersonChange>): Record<string, unknown> {
  const { emails, phones, links, ...plain } = change;
  const groups = {
    ...(emails ? { emails: emails.map((value) => ({ value })) } : {}),
    ...(phones ? { phones: phones.map((value) => ({ value })) } : {}),
    ...(links ? { links: links.map((value) => ({ value })) } : {}),
  };
  return { ...plain, ...(Object.keys(groups).length > 0 ? { channelGroups: groups } : {}) };
}

/** The web form: the user changes the inputs the change names (the form has no tie-began field). */
function personWebBody(person: Person, change: Partial<PersonChange>): { body: object; change: Partial<PersonChange> } {
  const adapted = { ...change };
  delete adapted.tieBeganOn;
  const form = personFormValues(person);
  const { emails, phones, links, ...plain } = adapted;
  for (const [key, value] of Object.entries(plain)) {
    const k = key as keyof typeof form;
    if (typeof form[k] === 'boolean') (form as Record<string, unknown>)[k] = value;
    else if (key === 'tags') form.tags = (value as string[]).join(', ');
    else (form as Record<string, unknown>)[k] = value === null ? '' : String(value);
  }
  const groups = { ...(emails ? { emails: channelsOf('emails', emails) } : {}), ...(phones ? { phones: channelsOf('phones', phones) } : {}), ...(links ? { links: channelsOf('links', links) } : {}) };
  const drafts = replaceChannelGroups(personChannelDrafts(person) as (ChannelDraft & { kind: ContactKind })[], groups);
  return { body: personPatch(person, form, drafts), change: adapted };
}

/** The web form's PATCH body names no field the user left alone. */
function expectNamedOnly(body: object, change: object) {
  for (const key of Object.keys(body)) expect(Object.keys(change), `the web form sent ${key}, which was not changed`).toContain(key);
}

function expectOnlyChanged<T extends object>(before: T, after: T, change: Record<string, unknown>, derived: string[]) {
  for (const key of Object.keys(before) as (keyof T & string)[]) {
    if (key === 'updatedAt' || derived.includes(key)) continue;
    if (key in change) expect(after[key], key).toEqual(change[key]);
    else expect(after[key], key).toEqual(before[key]);
  }
}

describe('edits change exactly the fields named, through every door', () => {
  const world = freshSession('sqlite', { ids: 'random' });
  let api: Api;
  let dataDir: string;
  const savedNow = process.env.WAGGLE_NOW;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await api.request(path, { method, headers: { 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const json = (await response.json()) as unknown;
    if (response.status >= 300) throw new Error(`${method} ${path} ${JSON.stringify(body)} → ${response.status} ${JSON.stringify(json)}`);
    return json as never;
  };

  /** The real `waggle` program in-process, on the same data folder. */
  const waggle = (...argv: string[]) => waggleInProcess(dataDir, argv);
  const cli = async (...argv: string[]) => {
    const run = await waggle(...argv);
    if (run.code !== 0) throw new Error(`waggle ${argv.join(' ')} → ${run.code}: ${run.stderr}`);
    return run;
  };

  beforeAll(async () => {
    process.env.WAGGLE_NOW = NOW;
    dataDir = (world.config as { dataDir: string }).dataDir;
    api = createApi(() => world.session.ctx);
  });
  afterAll(async () => {
    if (savedNow === undefined) delete process.env.WAGGLE_NOW;
    else process.env.WAGGLE_NOW = savedNow;
  });

  const newPerson = async (): Promise<Person> =>
    call('POST', '/api/people', {
      name: 'Test Person',
      organisation: 'Hospital Norte',
      role: 'Lead',
      location: 'Porto',
      howMet: 'a conference',
      category: 'leader-in-field',
      tags: ['research', 'physio'],
      notes: 'first line\nsecond line',
      strength: 3,
      importance: 4,
      knowAndLike: true,
      canHelp: true,
      canHelpHow: 'grants',
      stage: 'in-touch',
      cadence: '3m',
      preferredChannel: 'coffee',
      lostJobList: true,
      nextContactOn: '2027-01-10',
      tieBeganOn: '2019-05-01',
      channels: [
        { kind: 'email', value: 'test@example.org', label: 'work' },
        { kind: 'linkedin', value: 'https://www.linkedin.com/in/test' },
        { kind: 'phone', value: '+351 1 555 0000' },
        { kind: 'email', value: 'home@example.org' },
      ],
    });

  it('keeps the email and link when the command line sets a phone (the reported loss)', async () => {
    const person = await newPerson();
    await cli('person', 'edit', person.id, '--phone', '+1 555 0100');
    const shown = JSON.parse((await cli('person', 'show', person.id, '--json')).stdout).person as Person;
    expect(shown.channels.map((c) => [c.kind, c.value, c.label])).toEqual([
      ['email', 'test@example.org', 'work'],
      ['linkedin', 'https://www.linkedin.com/in/test', null],
      ['phone', '+1 555 0100', null],
      ['email', 'home@example.org', null],
    ]);
    await cli('person', 'edit', person.id, '--email', 'none');
    const cleared = JSON.parse((await cli('person', 'show', person.id, '--json')).stdout).person as Person;
    expect(cleared.channels.map((c) => c.value)).toEqual(['https://www.linkedin.com/in/test', '+1 555 0100']);
  });

  it('refuses a patch naming both the whole channel list and some groups, naming the field', async () => {
    const person = await newPerson();
    const response = await api.request(`/api/people/${person.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channels: [], channelGroups: { emails: [] } }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { field: 'channelGroups', message: expect.stringMatching(/not both/) } });
    expect(((await call('GET', `/api/people/${person.id}`)) as { person: Person }).person.channels).toHaveLength(4);
  });

  it('refuses a link in the emails group, naming the field', async () => {
    const person = await newPerson();
    const response = await api.request(`/api/people/${person.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ channelGroups: { emails: [{ kind: 'github', value: 'github.com/x' }] } }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('channelGroups.emails.0.kind');
  });

  it.each(DOORS)('a person, through the %s', async (door) => {
    await fc.assert(
      fc.asyncProperty(personChange, async (generated) => {
        const before = await newPerson();
        let change: Partial<PersonChange> = generated;
        if (door === 'cli') {
          const flags = personFlags(generated);
          change = flags.change;
          await cli('person', 'edit', before.id, ...flags.argv);
        } else if (door === 'api') {
          await call('PATCH', `/api/people/${before.id}`, personApiBody(change));
        } else {
          const web = personWebBody(before, generated);
          change = web.change;
          expectNamedOnly(web.body, { ...change, ...(change.emails || change.phones || change.links ? { channels: true } : {}) });
          await call('PATCH', `/api/people/${before.id}`, web.body);
        }
        const after = ((await call('GET', `/api/people/${before.id}`)) as { person: Person }).person;
        const { emails, phones, links, ...plain } = change;
        // Derived: the effective next contact follows the cadence and dates; the day it was set follows the date.
        const derived = ['nextContact', 'channels', ...('nextContactOn' in change ? ['nextContactSetOn'] : [])];
        expectOnlyChanged(before, after, plain, derived);
        const groups = { emails, phones, links };
        const was = byGroup(before.channels);
        const now = byGroup(after.channels);
        for (const g of GROUPS) expect(now[g], g).toEqual(groups[g] ? channelsOf(g, groups[g]) : was[g]);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(DOORS)('a network, through the %s', async (door) => {
    await fc.assert(
      fc.asyncProperty(networkChange, async (change) => {
        const before = (await call('POST', '/api/networks', { name: 'Physio Society', kind: 'professional-body', role: 'committee', strength: 2, importance: 5, hoursPerMonth: 4.5, url: 'https://physio.example.org', notes: 'meets monthly' })) as Network;
        if (door === 'cli') {
          const flags: Record<string, string> = { name: '--name', kind: '--kind', role: '--role', strength: '--strength', importance: '--importance', hoursPerMonth: '--hours', url: '--url', notes: '--notes' };
          await cli('network', 'edit', before.id, ...Object.entries(change).flatMap(([k, v]) => [flags[k]!, v === null ? 'none' : String(v)]));
        } else if (door === 'api') {
          await call('PATCH', `/api/networks/${before.id}`, change);
        } else {
          const form = networkFormValues(before);
          for (const [k, v] of Object.entries(change)) (form as Record<string, string>)[k] = v === null ? '' : String(v);
          const body = networkPatch(before, form);
          expectNamedOnly(body, change);
          await call('PATCH', `/api/networks/${before.id}`, body);
        }
        const after = ((await call('GET', `/api/networks/${before.id}`)) as { network: Network }).network;
        expectOnlyChanged(before, after, change, []);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(DOORS)('a goal, through the %s', async (door) => {
    await fc.assert(
      fc.asyncProperty(goalChange, async (change) => {
        const before = (await call('POST', '/api/goals', { statement: 'Start a doctorate', horizon: '2027-09-01', needs: [{ name: 'funding' }, { name: 'methods', essential: true }], transitionFrom: 'clinical practice', transitionTo: 'research', status: 'active' })) as Goal;
        if (door === 'cli') {
          const flags: Record<string, string> = { statement: '--statement', horizon: '--horizon', transitionFrom: '--from', transitionTo: '--to', status: '--status' };
          const argv = Object.entries(change).flatMap(([k, v]) => (k === 'needs' ? (v as string[]).flatMap((a) => ['--need', a]) : [flags[k]!, v === null ? 'none' : String(v)]));
          await cli('goal', 'edit', before.id, ...argv);
        } else if (door === 'api') {
          await call('PATCH', `/api/goals/${before.id}`, { ...change, ...(change.needs ? { needs: change.needs.map((name) => ({ name })) } : {}) });
        } else {
          const form = goalFormValues(before);
          for (const [k, v] of Object.entries(change)) {
            if (k === 'needs') form.needs = (v as string[]).map((name) => ({ name, essential: false }));
            else (form as Record<string, unknown>)[k] = v === null ? '' : String(v);
          }
          const body = goalPatch(before, form);
          expectNamedOnly(body, change);
          await call('PATCH', `/api/goals/${before.id}`, body);
        }
        const after = ((await call('GET', `/api/goals/${before.id}`)) as { goal: Goal }).goal;
        // Needs compare by name; a need named again keeps whether it is essential.
        const names = (g: Goal) => ({ ...g, needs: g.needs.map((n) => n.name) });
        expectOnlyChanged(names(before), names(after), change, []);
        if (change.needs) for (const need of after.needs) expect(need.essential, need.name).toBe(nameKey(need.name) === nameKey('methods'));
      }),
      { numRuns: RUNS },
    );
  });
});

import type { Command } from 'commander';
import { QUADRANT_NAMES } from '../../core/check/quadrants.js';
import { DEFAULT_DUE_WINDOW_DAYS } from '../../core/due.js';
import { bulkPersonFilter, DUE_CHOICES, PERSON_SORTS, personFilterQuery } from '../../contract/filters.js';
import { createPersonInput, membershipInput, tieInput, updatePersonInput } from '../../contract/inputs.js';
import { classifyUrl } from '../../core/contact-links.js';
import { ValidationError } from '../../core/errors.js';
import { parseInput } from '../../contract/validate.js';
import { CHANNELS, NETWORK_ROLES, PERSON_CATEGORIES, STAGES } from '../../core/vocabulary.js';
import { plural } from '../../core/words.js';
import { changeDates, parseDayOfYear, parseNamedDate, PersonDateError, type PersonDate, type PersonDatesChange } from '../../core/person-dates.js';
import { inTransaction, type ServiceContext } from '../../services/context.js';
import { resolveGoal } from '../../services/goals.js';
import { addMember, linkManyToGoal, linkPeople, linkPersonToGoal, removeMember, unlinkFromGoal, unlinkPeople } from '../../services/links.js';
import { resolveNetwork } from '../../services/networks.js';
import { bulkJudge, resolvePerson } from '../../services/people.js';
import { addServesOption, goalLinkFromFlags } from '../goal-link-flags.js';
import { emit } from '../output.js';
import { peopleTable, personText } from '../render.js';
import { withData } from '../data.js';
import { withSession } from '../runtime.js';
import { choice, choiceOrNone, clearable, collect, flagName, numberish } from '../values.js';
import { about } from '../command-list.js';

interface PersonFlags {
  name?: string;
  familyName?: string;
  org?: string;
  role?: string;
  location?: string;
  howMet?: string;
  category?: string;
  tag?: string[];
  notes?: string;
  strength?: string;
  importance?: string;
  knowAndLike?: boolean;
  canHelp?: string | boolean;
  stage?: string;
  cadence?: string;
  channel?: string;
  lostJobList?: boolean;
  nextContact?: string;
  tieBegan?: string;
  email?: string[];
  phone?: string[];
  link?: string[];
  birthday?: string;
  anniversary?: string;
  date?: string[];
}

function addPersonFlags(command: Command): Command {
  return command
    .option('--family-name <name>', 'which part of the name is the family name, for sorting (or none)')
    .option('--org <organisation>', 'where they work')
    .option('--role <role>', 'their role or title')
    .option('--location <place>', 'where they are')
    .option('--how-met <text>', 'how we met')
    .addOption(choiceOrNone('--category <category>', 'which part of the diversity checklist', PERSON_CATEGORIES))
    .option('--tag <tag>', 'a tag (repeat for more)', collect)
    .option('--notes <text>', 'free notes')
    .option('--strength <0-5>', 'strength of tie: 0 none, 1 weak … 5 call any time')
    .option('--importance <0-5>', 'importance to my goals')
    .option('--know-and-like', 'I know and like them')
    .option('--no-know-and-like', 'I do not (yet) know and like them')
    .option('--can-help [how]', 'they can help me (and how)')
    .option('--no-can-help', 'they cannot help me')
    .addOption(choice('--stage <stage>', 'where the relationship stands', STAGES))
    .option('--cadence <cadence>', 'how often to be in touch: 2w, 3m, 1y, monthly, quarterly … (or none)')
    .addOption(choiceOrNone('--channel <channel>', 'their preferred channel', CHANNELS))
    .option('--lost-job-list', 'I would call them if I lost my job')
    .option('--no-lost-job-list', 'take them off the lost-my-job list')
    .option('--next-contact <date>', 'next contact date set by hand, YYYY-MM-DD (or none)')
    .option('--tie-began <date>', 'when the tie began, YYYY-MM-DD')
    .option('--email <address>', 'an email address (repeat for more; on edit, replaces their emails only; none clears them)', collect)
    .option('--phone <number>', 'a phone number (repeat for more; on edit, replaces their phones only; none clears them)', collect)
    .option('--link <url>', 'a web or social profile link (repeat for more; on edit, replaces their links only; none clears them)', collect)
    .option('--birthday <date>', 'their birthday: YYYY-MM-DD, or MM-DD without the year (none clears it)')
    .option('--anniversary <date>', 'an anniversary: YYYY-MM-DD or MM-DD (none clears it)')
    .option('--date <name=date>', 'a date of your own naming, "Started at the trust=2019-09-01" (repeat for more; on edit, replaces them all; none clears them)', collect);
}

/** The date flags as a change to the person's dates, or null when none was given; errors name the flag. */
function datesChangeFromFlags(flags: PersonFlags): PersonDatesChange | null {
  const change: PersonDatesChange = {};
  const read = <T>(flag: string, parse: () => T): T => {
    try {
      return parse();
    } catch (error) {
      if (error instanceof PersonDateError) throw new ValidationError(flag, error.message, { cause: error });
      throw error;
    }
  };
  for (const kind of ['birthday', 'anniversary'] as const) {
    const value = flags[kind];
    if (value === undefined) continue;
    const given = clearable(value);
    change[kind] = given === null ? null : read(`--${kind}`, () => parseDayOfYear(given));
  }
  if (flags.date) {
    const given = flags.date.map((v) => clearable(v)).filter((v): v is string => v !== null);
    change.others = given.map((v) => read('--date', () => parseNamedDate(v)));
  }
  return Object.keys(change).length > 0 ? change : null;
}

/** Builds the contract's input from the flags that were given, leaving the rest out. */
function personInputFromFlags(flags: PersonFlags, mode: 'create' | 'edit'): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const text = (key: string, value: string | undefined) => value !== undefined && (input[key] = clearable(value));
  if (flags.name !== undefined) input.name = flags.name;
  text('familyName', flags.familyName);
  text('organisation', flags.org);
  text('role', flags.role);
  text('location', flags.location);
  text('howMet', flags.howMet);
  text('category', flags.category);
  text('notes', flags.notes);
  text('stage', flags.stage);
  text('cadence', flags.cadence);
  text('preferredChannel', flags.channel);
  text('nextContactOn', flags.nextContact);
  text('tieBeganOn', flags.tieBegan);
  if (flags.tag) input.tags = flags.tag;
  if (flags.strength !== undefined) input.strength = numberish(flags.strength);
  if (flags.importance !== undefined) input.importance = numberish(flags.importance);
  if (flags.knowAndLike !== undefined) input.knowAndLike = flags.knowAndLike;
  if (flags.lostJobList !== undefined) input.lostJobList = flags.lostJobList;
  if (flags.canHelp !== undefined) {
    input.canHelp = flags.canHelp !== false;
    if (typeof flags.canHelp === 'string') input.canHelpHow = flags.canHelp;
  }
  // Each of --email, --phone and --link names one group of channels; `none` clears it.
  const group = (values: string[] | undefined) => values?.map((v) => clearable(v)).filter((v): v is string => v !== null);
  const groups = {
    ...(flags.email ? { emails: group(flags.email)!.map((value) => ({ kind: 'email', value })) } : {}),
    ...(flags.phone ? { phones: group(flags.phone)!.map((value) => ({ kind: 'phone', value })) } : {}),
    ...(flags.link ? { links: group(flags.link)!.map((value) => ({ kind: classifyUrl(value), value })) } : {}),
  };
  if (Object.keys(groups).length > 0) {
    // A new person takes the channels as one list; an edit replaces only the groups named.
    if (mode === 'create') input.channels = [...(groups.emails ?? []), ...(groups.phones ?? []), ...(groups.links ?? [])];
    else input.channelGroups = groups;
  }
  return input;
}

const rename = (path: string) => (path === 'name' ? 'NAME' : flagName(path));

/** Names a date's problem by the flag that gave it: `dates.1.label` is `--date` when the second date is a named one. */
const renameWithDates = (dates: readonly PersonDate[]) => (path: string) => {
  const at = /^dates(?:\.(\d+))?/.exec(path);
  if (!at) return rename(path);
  const kind = at[1] === undefined ? undefined : dates[Number(at[1])]?.kind;
  return kind === undefined ? '--birthday/--anniversary/--date' : kind === 'other' ? '--date' : `--${kind}`;
};

interface LinkFlags {
  goal?: string;
  network?: string;
  person?: string;
  relevance?: string;
  role?: string;
  strength?: string;
  note?: string;
  serves?: string;
}

/** `person list`'s flags, as commander gives them: text, to be read by the contract's filter schema. */
interface PersonListFlags {
  search?: string;
  category?: string;
  stage?: string;
  tag?: string;
  goal?: string;
  network?: string;
  source?: string;
  unjudged?: boolean;
  quadrant?: string;
  due?: string;
  sort?: string;
  limit?: string;
  offset?: string;
}

const listRename = (path: string) => flagName(path, { goalId: '--goal', networkId: '--network' });

export function registerPerson(program: Command): void {
  const person = program.command('person').description(about('person'));

  addPersonFlags(person.command('add').description('add a person').argument('<name>', 'their name')).action(async (name: string, flags: PersonFlags, command: Command) => {
    const dates = datesChangeFromFlags(flags);
    // The dates go with the person, in one request and one transaction: a refused date adds nobody.
    const dateList = dates ? changeDates([], dates) : [];
    const input = parseInput(createPersonInput, { ...personInputFromFlags({ ...flags, name }, 'create'), ...(dates ? { dates: dateList } : {}) }, renameWithDates(dateList));
    await withData(command, async (data, json) => {
      const created = await data.createPerson(input);
      emit(json, created, () => `Added ${created.name} [${created.id}]`);
    });
  });

  person
    .command('list')
    .alias('ls')
    .description('list people (every match unless --limit is given)')
    .option('-s, --search <text>', 'find in name, organisation, role, location, tags, notes, emails, phones, profile handles (or a profile link pasted whole)')
    .addOption(choice('--category <category>', 'in this category (none: not categorised)', [...PERSON_CATEGORIES, 'none']))
    .addOption(choice('--stage <stage>', 'at this stage', STAGES))
    .option('--tag <tag>', 'with this tag')
    .option('--goal <goal>', 'linked to this goal (id or statement)')
    .option('--network <network>', 'in this network (id or name)')
    .option('--source <source>', 'where they came from: manual, demo, linkedin, vcard, google, outlook')
    .option('--unjudged', 'only people with strength and importance still 0')
    .addOption(choice('--quadrant <quadrant>', 'only this quadrant of strength × importance, as the check judges it', QUADRANT_NAMES))
    .addOption(choice('--due [which]', `only people due within ${DEFAULT_DUE_WINDOW_DAYS} days, overdue included (or only the overdue)`, DUE_CHOICES).preset('due'))
    .addOption(choice('--sort <order>', 'name (default); strength, importance, added, last-exchange: highest or latest first; next-contact: soonest first', PERSON_SORTS))
    .option('--limit <n>', 'at most this many')
    .option('--offset <n>', 'skip this many')
    .action(async (flags: PersonListFlags, command: Command) => {
      const { goal, network, unjudged, ...plain } = flags;
      // The flags as the API's query string carries them, read by the API's own schema.
      const filter = parseInput(personFilterQuery, { ...plain, ...(unjudged ? { unjudged: 'true' } : {}) }, listRename);
      await withData(command, async (data, json) => {
        const page = await data.listPeople({
          ...filter,
          ...(goal ? { goalId: await data.resolveGoal(goal) } : {}),
          ...(network ? { networkId: await data.resolveNetwork(network) } : {}),
        });
        const filtered = Object.entries(plain).some(([name, value]) => value !== undefined && !['sort', 'limit', 'offset'].includes(name)) || Boolean(goal || network || unjudged);
        emit(json, page, () => peopleTable(page.items, page.total, filtered));
      });
    });

  person
    .command('show')
    .description('everything about one person')
    .argument('<person>', 'id or name')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      await withData(command, async (data, json) => {
        const detail = await data.personDetail(await data.resolvePerson(ref));
        emit(json, detail, () => personText(detail));
      });
    });

  addPersonFlags(person.command('edit').description('change what you know about a person').argument('<person>', 'id or name').option('--name <name>', 'a new name')).action(
    async (ref: string, flags: PersonFlags, command: Command) => {
      const input = parseInput(updatePersonInput, personInputFromFlags(flags, 'edit'), rename);
      const dates = datesChangeFromFlags(flags);
      await withData(command, async (data, json) => {
        const id = await data.resolvePerson(ref);
        // The dates go with the other changes, in one request and one transaction: a refused date changes nothing.
        const dateList = dates ? changeDates(await data.personDates(id), dates) : null;
        const updated = await data.updatePerson(id, dateList ? { ...input, ...parseInput(updatePersonInput, { dates: dateList }, renameWithDates(dateList)) } : input);
        emit(json, updated, () => `Updated ${updated.name} [${updated.id}]`);
      });
    },
  );

  person
    .command('remove')
    .alias('rm')
    .description('remove a person, with their links and follow-ups')
    .argument('<person>', 'id or name')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      await withData(command, async (data, json) => {
        const removed = await data.removePerson(await data.resolvePerson(ref));
        emit(json, removed, () => `Removed ${removed.name} [${removed.id}]`);
      });
    });

  person
    .command('bulk-edit')
    .description('judge many people at once, e.g. everyone imported from LinkedIn and not judged yet')
    .option('--source <source>', 'only people from this source (linkedin, vcard, google, outlook, manual, demo)')
    .option('--unjudged', 'only people with strength and importance still 0')
    .option('--tag <tag>', 'only people with this tag')
    .addOption(choiceOrNone('--category <category>', 'set the category', PERSON_CATEGORIES))
    .option('--strength <0-5>', 'set the strength of tie')
    .option('--importance <0-5>', 'set the importance')
    .addOption(choice('--stage <stage>', 'set the stage', STAGES))
    .option('--cadence <cadence>', 'set the cadence (or none)')
    .option('--goal <goal>', 'link them all to this goal (id or statement), with --relevance and --serves')
    .option('--relevance <1-5>', 'with --goal: how relevant they are to it')
    .option('--serves <needs>', "with --goal: the goal's needs they serve, comma-separated")
    .action(async (flags: PersonFlags & { source?: string; unjudged?: boolean; tag?: string; goal?: string; relevance?: string; serves?: string }, command: Command) => {
      const { source, unjudged, tag, goal, relevance, serves, ...rest } = flags;
      const judgement = parseInput(updatePersonInput, personInputFromFlags(rest, 'edit'), rename);
      if ((relevance !== undefined || serves !== undefined) && goal === undefined) throw new ValidationError('--goal', 'name the goal that --relevance and --serves are about');
      const link = goal === undefined ? null : goalLinkFromFlags({ ...(relevance !== undefined ? { relevance } : {}), ...(serves !== undefined ? { serves } : {}) });
      if (Object.keys(judgement).length === 0 && link === null) throw new ValidationError('--strength/--importance/--category/--stage/--cadence/--goal', 'say what to set');
      const filter = parseInput(bulkPersonFilter, { source, unjudged, tag }, flagName);
      await withSession(command, async (ctx, json) => {
        // One transaction: judged and linked together, or neither.
        const count = await inTransaction(ctx, async (trx) => {
          const judged = Object.keys(judgement).length > 0 ? await bulkJudge(trx, filter, judgement) : 0;
          const linked = link ? await linkManyToGoal(trx, filter, await resolveGoal(trx, goal!), link) : 0;
          return Math.max(judged, linked);
        });
        emit(json, { updated: count }, () => `Updated ${plural(count, 'person', 'people')}.`);
      });
    });

  const linkOptions = (c: Command) =>
    c
      .argument('<person>', 'id or name')
      .option('--goal <goal>', 'to a goal (id or statement), with --relevance 1-5')
      .option('--network <network>', 'to a network they belong to (id or name), with --role')
      .option('--person <other>', 'to another person they know (id or name), with --strength 0-5')
      .option('--relevance <1-5>', 'how relevant to the goal')
      .addOption(choice('--role <role>', 'their role in the network', NETWORK_ROLES))
      .option('--strength <0-5>', 'how well the two know each other')
      .option('--note <text>', 'a note on the link');

  linkOptions(addServesOption(person.command('link')).description('link a person to a goal, a network or another person')).action(async (ref: string, flags: LinkFlags, command: Command) => {
    await withSession(command, async (ctx, json) => {
      const result = await linkPerson(ctx, await resolvePerson(ctx, ref), flags);
      emit(json, result, () => 'Linked.');
    });
  });

  linkOptions(person.command('unlink').description('remove a link made with `person link`')).action(async (ref: string, flags: LinkFlags, command: Command) => {
    await withSession(command, async (ctx, json) => {
      const personId = await resolvePerson(ctx, ref);
      const target = requireOneTarget(flags);
      if (target === 'goal') await unlinkFromGoal(ctx, 'person', personId, await resolveGoal(ctx, flags.goal!));
      if (target === 'network') await removeMember(ctx, await resolveNetwork(ctx, flags.network!), personId);
      if (target === 'person') await unlinkPeople(ctx, personId, await resolvePerson(ctx, flags.person!));
      emit(json, { unlinked: true }, () => 'Unlinked.');
    });
  });
}

export function requireOneTarget(flags: LinkFlags): 'goal' | 'network' | 'person' {
  const given = (['goal', 'network', 'person'] as const).filter((k) => flags[k] !== undefined);
  if (given.length !== 1) throw new ValidationError('--goal/--network/--person', 'give exactly one of --goal, --network or --person');
  return given[0]!;
}

async function linkPerson(ctx: ServiceContext, personId: string, flags: LinkFlags) {
  switch (requireOneTarget(flags)) {
    case 'goal': {
      return linkPersonToGoal(ctx, personId, await resolveGoal(ctx, flags.goal!), goalLinkFromFlags(flags));
    }
    case 'network': {
      const input = parseInput(membershipInput, flags.role ? { role: flags.role } : {}, flagName);
      return addMember(ctx, await resolveNetwork(ctx, flags.network!), personId, input);
    }
    case 'person': {
      const input = parseInput(tieInput, { ...(flags.strength !== undefined ? { strength: numberish(flags.strength) } : {}), ...(flags.note ? { note: flags.note } : {}) }, flagName);
      return linkPeople(ctx, personId, await resolvePerson(ctx, flags.person!), input);
    }
  }
}

import { InvalidArgumentError, type Command } from 'commander';
import { AmbiguousReferenceError, NotFoundError, ValidationError } from '../../core/errors.js';
import { nameKey } from '../../core/names.js';
import { NETWORK_KINDS, PERSON_CATEGORIES } from '../../core/vocabulary.js';
import type { TeamDetail, TeamSummary } from '../../services/teams.js';
import { remoteData } from '../data.js';
import { emit, fields } from '../output.js';
import { RemoteClient, type RemoteTarget } from '../remote.js';
import { globals } from '../runtime.js';
import { collect } from '../values.js';

/**
 * `waggle team create|rename|invite|join|leave|share|withhold|post|goal add`: changing a
 * team from the command line, against a server (teams need accounts). Each is one call
 * of the team API, so the server's rules hold as in the web app (a member doing a lead's
 * action is refused, exit 5), and its errors keep their exit codes. A team is named by
 * id or by its exact name among my teams; a person, network or exchange of my own map by
 * id or name, as everywhere on the command line; a team goal or a shared network by its
 * statement or name in the team.
 */

const POST_KINDS = ['learned', 'opportunity', 'event', 'person'] as const;
const enc = encodeURIComponent;

/** One of my teams, by id or exact name (case and accents aside). */
async function teamId(client: RemoteClient, ref: string): Promise<string> {
  const teams = await client.get<TeamSummary[]>('/api/teams');
  if (teams.some((t) => t.id === ref)) return ref;
  const named = teams.filter((t) => nameKey(t.name) === nameKey(ref));
  if (named.length > 1) throw new AmbiguousReferenceError('team', ref, named);
  if (named.length === 0) throw new NotFoundError('team of yours', ref);
  return named[0]!.id;
}

/** A team goal by id or statement; a network the team shares by key or name. */
async function goalIds(client: RemoteClient, team: string, refs: string[] | undefined): Promise<string[]> {
  if (!refs?.length) return [];
  const goals = await client.get<{ id: string; statement: string }[]>(`/api/teams/${enc(team)}/goals`);
  return refs.map((ref) => {
    const found = goals.filter((g) => g.id === ref || nameKey(g.statement) === nameKey(ref));
    if (found.length > 1) throw new AmbiguousReferenceError('team goal', ref, found.map((g) => ({ id: g.id, name: g.statement })));
    if (!found[0]) throw new NotFoundError('goal of this team', ref);
    return found[0].id;
  });
}
async function networkKey(client: RemoteClient, team: string, ref: string | undefined): Promise<string | null> {
  if (!ref) return null;
  const graph = await client.get<{ networks: { key: string; name: string }[] }>(`/api/teams/${enc(team)}/graph`);
  const found = graph.networks.filter((n) => n.key === ref || nameKey(n.name) === nameKey(ref));
  if (found.length > 1) throw new AmbiguousReferenceError('shared network', ref, found.map((n) => ({ id: n.key, name: n.name })));
  if (!found[0]) throw new NotFoundError('network the team shares', ref);
  return found[0].key;
}

/** The invitation's token, from the whole link or the token alone. */
export function invitationToken(link: string): string {
  const token = /(?:^|\/team-invite\/)([A-Za-z0-9_-]{20,100})\/?$/.exec(link.trim())?.[1];
  if (!token) throw new ValidationError('link', 'is not a team invitation link (…/team-invite/…) or its token');
  return token;
}

interface ShareFlags {
  person?: string;
  network?: string;
  learned?: string;
  plan?: boolean;
  goal?: string[];
  tagNetwork?: string;
}

/** Exactly one thing to share or withhold. */
function oneItem(flags: ShareFlags): 'person' | 'network' | 'learned' | 'plan' {
  const given = (['person', 'network', 'learned', 'plan'] as const).filter((k) => flags[k] !== undefined && flags[k] !== false);
  if (given.length !== 1) throw new ValidationError('--person|--network|--learned|--plan', 'name exactly one thing to share or withhold');
  return given[0]!;
}

export function registerTeamWrites(team: Command, server: (command: Command) => RemoteTarget): void {
  const client = (command: Command) => new RemoteClient(server(command));
  const json = (command: Command) => globals(command).json === true;
  const showTeam = (command: Command, detail: TeamDetail, said: string) =>
    emit(json(command), detail, () => `${said}\n${fields([['Team', detail.name], ['Your role', detail.myRole], ['Members', detail.members], ['Id', detail.id]])}`);

  team
    .command('create <name>')
    .description('make a team; you are its lead')
    .action(async (name: string, _flags: unknown, command: Command) => {
      showTeam(command, await client(command).send<TeamDetail>('POST', '/api/teams', { name }), 'Made the team.');
    });
  team
    .command('rename <team> <name>')
    .description('rename a team (the lead)')
    .action(async (ref: string, name: string, _flags: unknown, command: Command) => {
      const c = client(command);
      showTeam(command, await c.send<TeamDetail>('PATCH', `/api/teams/${enc(await teamId(c, ref))}`, { name }), 'Renamed.');
    });
  team
    .command('invite <team>')
    .description('a link to join the team (the lead); the server makes it only for a password sign-in, so with a token it says to use the web app')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      const c = client(command);
      const made = await c.send<{ path: string; expiresAt: string }>('POST', `/api/teams/${enc(await teamId(c, ref))}/invitations`, {});
      const link = `${server(command).server}${made.path}`;
      emit(json(command), { ...made, link }, () => `Invitation link (one person, until ${made.expiresAt.slice(0, 10)}):\n${link}`);
    });
  team
    .command('join <link>')
    .description('join a team by its invitation link (or the token at its end)')
    .action(async (link: string, _flags: unknown, command: Command) => {
      showTeam(command, await client(command).send<TeamDetail>('POST', `/api/teams/join/${enc(invitationToken(link))}`, {}), 'Joined.');
    });
  team
    .command('leave <team>')
    .description('leave a team: everything you gave it is withdrawn at once')
    .action(async (ref: string, _flags: unknown, command: Command) => {
      const c = client(command);
      const result = await c.send<{ left: true }>('POST', `/api/teams/${enc(await teamId(c, ref))}/leave`, {});
      emit(json(command), result, () => 'You left the team; everything you shared with it is withdrawn.');
    });

  const consentCommand = (verb: 'share' | 'withhold') =>
    team
      .command(`${verb} <team>`)
      .description(
        verb === 'share'
          ? 'share with the team: a network, a person ("teammates may ask me for an introduction": name, organisation, category, tie strength), what you learned in an exchange (to the dance floor, optionally tagged), or your plan\'s progress (the lead sees it)'
          : 'stop sharing with the team: hold back a network, or withdraw a person, a learned item or your plan',
      )
      .option('--person <person>', 'a person of your map (id or name)')
      .option('--network <network>', 'a network of your map (id or name)')
      .option('--learned <exchange>', 'an exchange of your journal (id): only what you learned goes')
      .option('--plan', 'your monthly plan\'s progress, for the lead');
  const share = consentCommand('share')
    .option('--goal <goal>', 'with --learned: tag to a team goal (id or statement; repeatable)', collect)
    .option('--tag-network <network>', 'with --learned: tag to a network the team shares (its name or key)');
  share.action(async (ref: string, flags: ShareFlags, command: Command) => {
    const c = client(command);
    const team = await teamId(c, ref);
    const item = oneItem(flags);
    if (item !== 'learned' && (flags.goal?.length || flags.tagNetwork)) throw new ValidationError('--goal|--tag-network', 'tag only a learned item (--learned)');
    const done = await changeConsent(c, team, item, flags, true);
    emit(json(command), done.result, () => done.said);
  });
  consentCommand('withhold').action(async (ref: string, flags: ShareFlags, command: Command) => {
    const c = client(command);
    const done = await changeConsent(c, await teamId(c, ref), oneItem(flags), flags, false);
    emit(json(command), done.result, () => done.said);
  });

  team
    .command('post <team> <text>')
    .description('post news from your networks on the team\'s dance floor')
    .option('--kind <kind>', `what it is: ${POST_KINDS.join(', ')}`, choice('--kind', POST_KINDS), 'learned')
    .option('--goal <goal>', 'tag to a team goal (id or statement; repeatable)', collect)
    .option('--network <network>', 'tag to a network the team shares (its name or key)')
    .action(async (ref: string, text: string, flags: { kind: string; goal?: string[]; network?: string }, command: Command) => {
      const c = client(command);
      const team = await teamId(c, ref);
      const body = { kind: flags.kind, text, goalIds: await goalIds(c, team, flags.goal), networkKey: await networkKey(c, team, flags.network) };
      const item = await c.send<{ id: string; text: string }>('POST', `/api/teams/${enc(team)}/dance-floor`, body);
      emit(json(command), item, () => `Posted on the dance floor: ${item.text}`);
    });

  const goal = team.command('goal').description('the team\'s goals');
  goal
    .command('add <team> <statement>')
    .description('add a team goal, with the categories of people and kinds of network it needs')
    .option('--needs-category <category>', `a category of people it needs (repeatable): ${PERSON_CATEGORIES.join(', ')}`, collect)
    .option('--needs-network <kind>', `a kind of network it needs (repeatable): ${NETWORK_KINDS.join(', ')}`, collect)
    .action(async (ref: string, statement: string, flags: { needsCategory?: string[]; needsNetwork?: string[] }, command: Command) => {
      const c = client(command);
      const body = { statement, needs: { categories: flags.needsCategory ?? [], networkKinds: flags.needsNetwork ?? [] } };
      const made = await c.send<{ id: string; statement: string }>('POST', `/api/teams/${enc(await teamId(c, ref))}/goals`, body);
      emit(json(command), made, () => `Added the team goal "${made.statement}" (${made.id}).`);
    });
}

function choice(flag: string, values: readonly string[]) {
  return (value: string): string => {
    if (!values.includes(value)) throw new InvalidArgumentError(`${flag} must be one of ${values.join(', ')}`);
    return value;
  };
}

async function changeConsent(c: RemoteClient, team: string, item: 'person' | 'network' | 'learned' | 'plan', flags: ShareFlags, on: boolean): Promise<{ result: unknown; said: string }> {
  const mine = remoteData(c);
  const base = `/api/teams/${enc(team)}/consent`;
  if (item === 'plan') return { result: await c.send('PUT', `${base}/plan`, { shared: on }), said: on ? 'The lead now sees your plan\'s progress.' : 'The lead no longer sees your plan.' };
  if (item === 'network') {
    const id = await mine.resolveNetwork(flags.network!);
    return { result: await c.send('PUT', `${base}/networks/${enc(id)}`, { offered: on }), said: on ? `Offered ${flags.network} to the team.` : `Held ${flags.network} back from the team.` };
  }
  if (item === 'person') {
    const id = await mine.resolvePerson(flags.person!);
    return { result: await c.send('PUT', `${base}/people/${enc(id)}`, { shared: on }), said: on ? `Teammates may ask you for an introduction to ${flags.person}.` : `Withdrew ${flags.person} from the team.` };
  }
  const exchangeId = flags.learned!;
  if (!on) return { result: await c.send('PUT', `${base}/learned/${enc(exchangeId)}`, { shared: false }), said: 'Withdrew what you learned from the team.' };
  const body = { exchangeId, goalIds: await goalIds(c, team, flags.goal), networkKey: await networkKey(c, team, flags.tagNetwork) };
  const posted = await c.send<{ text: string }>('POST', `/api/teams/${enc(team)}/dance-floor/learned`, body);
  return { result: posted, said: `Shared with the team what you learned: ${posted.text}` };
}

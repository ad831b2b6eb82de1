import { beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../test-support/databases.js';
import { serverWorld } from '../test-support/server-world.js';
import { OPENAPI_PATH } from './app.js';

/*
 * The hive through the API, on SQLite and PostgreSQL: consent and the canary, the
 * authorization matrix over every team route, invitations, leaving and withdrawing.
 *
 * The canary: everything a member has not consented to share carries a canary of
 * theirs (`zqxmax` for Max, `zqxlea` for Lea): people they keep to themselves, and of
 * the people they share, the notes, emails, phones and profile links; held-back
 * networks and every network's notes and address; journal entries (what was learned
 * but not shared, notes, what was given); and the plan. No team route, answered to
 * anyone but the owner of the canary, may hold one.
 */

const LEA = { email: 'lea@example.org', name: 'Lea Lead', password: 'lea has a long passphrase' };
const MAX = { email: 'max@example.org', name: 'Max Member', password: 'max has a long passphrase' };
const OZ = { email: 'oz@example.org', name: 'Oz Outsider', password: 'oz has a long passphrase' };
const FAY = { email: 'fay@example.org', name: 'Fay Former', password: 'fay has a long passphrase' };

interface Graph {
  members: { id: string; name: string }[];
  networks: { key: string; name: string; holders: { memberId: string }[] }[];
  people: { key: string; name: string; holders: { memberId: string; itemId: string; strength: number }[] }[];
  learned: { learned: string }[];
}

const canaryOf = (text: string) => /zqx(max|lea|fay)/i.exec(text)?.[0]?.toLowerCase() ?? null;

describe.each(DIALECTS)('the hive: consent, the canary and the authorization matrix (%s)', (kind) => {
  const w = serverWorld(kind);
  // What the test in hand built: its items' ids (s), its members' cookies and account ids, their accounts.
  let s: Record<string, string> = {};
  let cookie: Record<string, string> = {};
  let ids: Record<string, string> = {};
  let accounts: Record<string, { email: string; name: string; password: string }> = {};
  let hives = 0;
  beforeEach(() => {
    s = {};
    cookie = {};
    ids = {};
    accounts = {};
  });

  const as = (who: string) => ({ cookie: cookie[who]! });
  const post = <T>(who: string, path: string, body: unknown, status = 201) => w.json<T>(status, path, { method: 'POST', body, ...as(who) });
  const put = <T>(who: string, path: string, body: unknown, status = 200) => w.json<T>(status, path, { method: 'PUT', body, ...as(who) });
  const get = <T>(who: string, path: string, status = 200) => w.json<T>(status, path, as(who));
  const graph = (who: string) => get<Graph>(who, `/api/teams/${s.team}/graph`);

  /*
   * Each test builds the hive it reads, with the steps below, in accounts of its own: it
   * passes in any order, alone or shuffled.
   */

  /** Lea, Max, Oz and Fay, signed up and in: the names the assertions know, emails no other test uses. */
  async function signUp() {
    hives += 1;
    for (const [key, who] of Object.entries({ lea: LEA, max: MAX, oz: OZ, fay: FAY })) {
      accounts[key] = { ...who, email: who.email.replace('@', `.${hives}@`) };
      const made = await w.accountWithSession(accounts[key]);
      cookie[key] = made.cookie;
      ids[key] = made.account.id;
    }
  }

  /** Their four maps, the canaries in what each keeps to themselves, and Oz's team. */
  async function drawMaps() {
    // Max's map.
    const person = (who: string, body: unknown) => post<{ id: string }>(who, '/api/people', body).then((p) => p.id);
    s.ana = await person('max', {
      name: 'Ana Silva',
      organisation: 'Hospital Norte',
      category: 'leader-in-field',
      strength: 4,
      notes: 'zqxmax: her notes',
      howMet: 'zqxmax at a conference',
      tags: ['zqxmax-tag'],
      channels: [
        { kind: 'email', value: 'ana.zqxmax.zqxlea@example.org' },
        { kind: 'phone', value: '+351 900 zqxmax' },
        { kind: 'linkedin', value: 'https://www.linkedin.com/in/ana-zqxmax' },
      ],
    });
    s.rui = await person('max', { name: 'Rui Costa', organisation: 'Uni Lisboa', category: 'other-function', strength: 3, notes: 'zqxmax rui notes', channels: [{ kind: 'email', value: 'rui.zqxmax@example.org' }] });
    s.hidden = await person('max', { name: 'Zqxmax Hidden', organisation: 'Zqxmax Org', strength: 5, notes: 'zqxmax' });
    s.planned = await person('max', { name: 'Zqxmax Planned', strength: 1 });
    s.physio = (await post<{ id: string }>('max', '/api/networks', { name: 'Physio Society', kind: 'professional-body', role: 'committee', strength: 4, hoursPerMonth: 3, notes: 'zqxmax network notes', url: 'https://zqxmax.example.org' })).id;
    s.club = (await post<{ id: string }>('max', '/api/networks', { name: 'Zqxmax Club', kind: 'interest-group', strength: 2 })).id;
    await put('max', `/api/networks/${s.physio}/members/${s.ana}`, { role: 'member' });
    await put('max', `/api/networks/${s.club}/members/${s.ana}`, { role: 'organiser' });
    s.secret = (await post<{ exchange: { id: string } }>('max', '/api/exchanges', { channel: 'coffee', personIds: [s.hidden], learned: 'zqxmax lesson kept', notes: 'zqxmax notes', gave: [{ kind: 'help', note: 'zqxmax gave' }] })).exchange.id;
    s.lesson = (await post<{ exchange: { id: string } }>('max', '/api/exchanges', { channel: 'video', personIds: [s.ana], learned: 'Pilot studies open doors', notes: 'zqxmax meeting notes', received: [{ kind: 'insight', note: 'zqxmax insight' }] })).exchange.id;
    await post('max', '/api/plan/targets', { personId: s.planned, reason: 'zqxmax reason' });
    // Lea's map: Ana under another name but the same email (one person in the team), the same society, Lia Chen.
    s.leaAna = await person('lea', { name: 'Ana M. Silva', strength: 2, channels: [{ kind: 'email', value: 'ANA.zqxmax.zqxlea@example.org ' }], notes: 'zqxlea' });
    s.lia = await person('lea', { name: 'Lia Chen', organisation: 'Uni Lisboa', category: 'author-blogger', strength: 5, channels: [{ kind: 'phone', value: '+44 zqxlea' }] });
    s.leaSecret = await person('lea', { name: 'Zqxlea Private', organisation: 'Uni Lisboa' });
    await post('lea', '/api/networks', { name: 'physio society', kind: 'professional-body', role: 'member', strength: 2, notes: 'zqxlea' });
    // Fay's map.
    s.fayFriend = await person('fay', { name: 'Fay Friend', organisation: 'Fay Org', strength: 3 });
    await post('fay', '/api/networks', { name: 'Fay Society', kind: 'alumni' });
    // Oz's map and team.
    await post('oz', '/api/networks', { name: 'Oz Network', kind: 'alumni' });
    s.ozTeam = (await post<{ id: string }>('oz', '/api/teams', { name: 'Oz Team' })).id;
  }

  /** A single-use link to the team from `inviter`, taken by `joiner`: the link's token. */
  async function joinByLink(inviter: string, teamId: string, joiner: string): Promise<string> {
    const link = await post<{ path: string }>(inviter, `/api/teams/${teamId}/invitations`, {});
    const token = link.path.split('/').pop()!;
    await post(joiner, `/api/teams/join/${token}`, {}, 200);
    return token;
  }

  /** The hive of the story: Lea leads Hive Team Alpha, Max (by the link s.usedToken) and Fay joined it, Max is in Oz's team too. */
  async function builtHive() {
    await signUp();
    await drawMaps();
    s.team = (await post<{ id: string }>('lea', '/api/teams', { name: 'Hive Team Alpha' })).id;
    s.usedToken = await joinByLink('lea', s.team, 'max');
    await joinByLink('lea', s.team, 'fay');
    await joinByLink('oz', s.ozTeam!, 'max');
  }

  /** What each member chose to share: Max holds his club back and shares Ana, Rui and a lesson; Lea shares her Ana and Lia; Fay her friend. */
  async function shareAsInTheStory() {
    await put('max', `/api/teams/${s.team}/consent/networks/${s.club}`, { offered: false });
    await put('max', `/api/teams/${s.team}/consent/people/${s.ana}`, { shared: true });
    await put('max', `/api/teams/${s.team}/consent/people/${s.rui}`, { shared: true });
    await put('max', `/api/teams/${s.team}/consent/learned/${s.lesson}`, { shared: true });
    await put('lea', `/api/teams/${s.team}/consent/people/${s.leaAna}`, { shared: true });
    await put('lea', `/api/teams/${s.team}/consent/people/${s.lia}`, { shared: true });
    await put('fay', `/api/teams/${s.team}/consent/people/${s.fayFriend}`, { shared: true });
  }

  async function sharedHive() {
    await builtHive();
    await shareAsInTheStory();
  }

  /**
   * The team at work on what is shared: Lea's goal (s.goal), linked to the society by Max and
   * to Ana by Lea; Lea's request to meet Rui through Max (s.request), accepted; Max's news for
   * the goal and the society (s.post). The answers, for the test that checks them.
   */
  async function workOnTheGoal() {
    const seen = await graph('lea');
    const physio = seen.networks.find((n) => n.name === 'Physio Society')!.key;
    const ana = seen.people.find((p) => p.name === 'Ana Silva')!.key;
    const goal = await post<{ id: string }>('lea', `/api/teams/${s.team}/goals`, { statement: 'Win a research grant', needs: { categories: ['leader-in-field', 'unrelated-industry'], networkKinds: ['research-network'] } });
    s.goal = goal.id;
    await put('max', `/api/teams/${s.team}/goals/${s.goal}/links`, { key: physio, relevance: 4 });
    const linked = await put<{ links: { name: string; relevance: number }[] }>('lea', `/api/teams/${s.team}/goals/${s.goal}/links`, { key: ana, relevance: 5 });
    const paths = await get<{ via: { id: string }; target: { name: string }; holderItemId: string }[]>('lea', `/api/teams/${s.team}/paths?organisation=uni%20lisboa`);
    const asked = await post<{ id: string; person: { name: string }; status: string }>('lea', `/api/teams/${s.team}/introductions`, { via: ids.max, personId: paths[0]!.holderItemId, message: 'I would like to ask about her lab' });
    await w.json(200, `/api/teams/${s.team}/introductions/${asked.id}`, { method: 'PATCH', body: { status: 'accepted' }, ...as('max') });
    s.request = asked.id;
    const news = await post<{ id: string; goals: { statement: string }[]; network: { name: string } | null }>('max', `/api/teams/${s.team}/dance-floor`, { kind: 'event', text: 'The society runs a grant-writing day in March', goalIds: [s.goal], networkKey: physio });
    s.post = news.id;
    return { linked, paths, asked, news };
  }

  async function hiveAtWork() {
    await sharedHive();
    await workOnTheGoal();
  }

  it('builds four maps and a team: Lea leads, Max and Fay join by single-use links, Oz leads another team', async () => {
    await signUp();
    await drawMaps();

    const team = await post<{ id: string; myRole: string }>('lea', '/api/teams', { name: 'Hive Team Alpha' });
    expect(team.myRole).toBe('lead');
    s.team = team.id;
    const link = await post<{ path: string; expiresAt: string }>('lea', `/api/teams/${s.team}/invitations`, {});
    expect(link.path).toMatch(/^\/team-invite\/[A-Za-z0-9_-]{43}$/);
    s.usedToken = link.path.split('/').pop()!;
    const joined = await post<{ myRole: string; roster: { name: string }[] }>('max', `/api/teams/join/${s.usedToken}`, {}, 200);
    expect(joined.myRole).toBe('member');
    // Single use: the link is spent.
    await post('fay', `/api/teams/join/${s.usedToken}`, {}, 404);
    // Only the lead invites (a member is forbidden, and told why); an access token cannot.
    const refused = await post<{ error: { code: string; message: string } }>('max', `/api/teams/${s.team}/invitations`, {}, 403);
    expect(refused.error).toEqual({ code: 'forbidden', message: 'Only the team\'s lead may invite; you are a member (ask the lead, or to be made lead)' });
    const token = await post<{ token: string }>('lea', '/api/auth/tokens', {});
    expect((await w.call(`/api/teams/${s.team}/invitations`, { method: 'POST', body: {}, token: token.token })).status).toBe(403);
    // Expiring: a link older than seven days is refused.
    const late = await post<{ path: string }>('lea', `/api/teams/${s.team}/invitations`, {});
    w.clock.at += 8 * 24 * 3600 * 1000;
    // A week without a request ends a session too: everyone signs in again.
    for (const [key, who] of Object.entries(accounts)) cookie[key] = await w.signIn(who);
    await post('fay', `/api/teams/join/${late.path.split('/').pop()!}`, {}, 404);
    await joinByLink('lea', s.team, 'fay');
    // Several teams per account: Max joins Oz's team too.
    await joinByLink('oz', s.ozTeam!, 'max');
    expect((await get<{ name: string }[]>('max', '/api/teams')).map((t) => t.name)).toEqual(['Hive Team Alpha', 'Oz Team']);
  });

  it('shares networks by default and people only when asked, previewed row for row', async () => {
    await builtHive();
    const before = await get<{ networks: unknown[]; people: unknown[]; learned: unknown[]; plan: unknown }>('max', `/api/teams/${s.team}/consent/preview`);
    expect(before.people).toEqual([]);
    expect(before.learned).toEqual([]);
    expect(before.plan).toBeNull();
    expect(before.networks).toHaveLength(2);
    await shareAsInTheStory();
    // Someone else's person, or a person of another workspace, cannot be shared.
    await put('lea', `/api/teams/${s.team}/consent/people/${s.ana}`, { shared: true }, 404);
    // Nor someone else's network or exchange, or anything in a team one is not in.
    await put('lea', `/api/teams/${s.team}/consent/networks/${s.physio}`, { offered: false }, 404);
    await put('lea', `/api/teams/${s.team}/consent/learned/${s.lesson}`, { shared: true }, 404);
    await put('oz', `/api/teams/${s.team}/consent/people/${s.ana}`, { shared: true }, 404);
    await put('max', `/api/teams/${s.team}/consent/learned/${s.lesson}`, { shared: true });

    const preview = await get<{ networks: { name: string }[]; people: { name: string; networks: string[] }[]; learned: { learned: string }[] }>('max', `/api/teams/${s.team}/consent/preview`);
    expect(preview.networks.map((n) => n.name)).toEqual(['Physio Society']);
    expect(preview.people.map((p) => [p.name, p.networks])).toEqual([['Ana Silva', ['Physio Society']], ['Rui Costa', []]]);
    expect(preview.learned.map((l) => l.learned)).toEqual(['Pilot studies open doors']);
    expect(canaryOf(JSON.stringify(preview))).toBeNull();

    // What Lea sees of Max is exactly the preview's rows.
    const seen = await graph('lea');
    const fromMax = (rows: { name: string; holders: { memberId: string }[] }[]) => rows.filter((r) => r.holders.some((h) => h.memberId === ids.max)).map((r) => r.name).sort();
    expect(fromMax(seen.networks)).toEqual(preview.networks.map((n) => n.name).sort());
    expect(fromMax(seen.people)).toEqual(preview.people.map((p) => p.name).sort());
    // Ana is one person, matched by the email on the server: Max's name for her, both members as holders, no email anywhere.
    const ana = seen.people.find((p) => p.name === 'Ana Silva')!;
    expect(ana.holders.map((h) => h.memberId).sort()).toEqual([ids.lea, ids.max].sort());
    expect(seen.people.some((p) => p.name === 'Ana M. Silva')).toBe(false);
    expect(seen.networks.filter((n) => /physio/i.test(n.name))).toHaveLength(1);
    expect(seen.learned.map((l) => l.learned)).toEqual(['Pilot studies open doors']);
    expect(canaryOf(JSON.stringify(seen).replace(/zqxlea/gi, ''))).toBeNull();
  });

  it('team goals, the check and introductions work from what is shared', async () => {
    await sharedHive();
    // Lea's goal and its links, her request to meet Rui through Max (accepted by him) and Max's news: the answers along the way.
    const { linked, paths, asked, news } = await workOnTheGoal();
    expect(linked.links.map((l) => [l.name, l.relevance])).toEqual([['Ana Silva', 5], ['Physio Society', 4]]);
    await put('lea', `/api/teams/${s.team}/goals/${s.goal}/links`, { key: 'net:someone:else', relevance: 3 }, 404);

    const check = await get<{ goals: { missing: { code: string }[]; verdict: string }[]; coverage: { name: string; reach: number }[]; diversity: { gaps: { key: string }[] } }>('lea', `/api/teams/${s.team}/check`);
    expect(check.goals[0]!.missing.map((m) => m.code)).toEqual(['category:unrelated-industry', 'network:research-network']);
    expect(check.coverage.find((r) => r.name === 'Physio Society')!.reach).toBe(2);
    expect(check.diversity.gaps.map((g) => g.key)).toContain('unrelated-industry');

    expect(paths.map((p) => [p.via.id, p.target.name])).toEqual([[ids.max, 'Rui Costa']]);
    expect(asked.person.name).toBe('Rui Costa');
    // Only a person that teammate shares: not Max's hidden one.
    await post('lea', `/api/teams/${s.team}/introductions`, { via: ids.max, personId: s.hidden }, 404);
    const toMax = await get<{ id: string; from: { name: string } }[]>('max', `/api/teams/${s.team}/introductions`);
    expect(toMax.map((r) => r.from.name)).toEqual(['Lea Lead']);
    // Only the one asked answers.
    await w.json(404, `/api/teams/${s.team}/introductions/${asked.id}`, { method: 'PATCH', body: { status: 'declined' }, ...as('lea') });

    // The dance floor: Max posted news tagged to the goal and the society; Lea reads it beside Max's shared learning.
    expect(news.goals.map((g) => g.statement)).toEqual(['Win a research grant']);
    expect(news.network?.name).toBe('Physio Society');
    await post('max', `/api/teams/${s.team}/dance-floor`, { kind: 'event', text: 'x', goalIds: ['tgoal_of_another_team'] }, 400);
    const feed = await get<{ memberName: string; text: string; source: string }[]>('lea', `/api/teams/${s.team}/dance-floor`);
    expect(feed.map((f) => [f.memberName, f.source, f.text])).toEqual([
      ['Max Member', 'post', 'The society runs a grant-writing day in March'],
      ['Max Member', 'journal', 'Pilot studies open doors'],
    ]);
    // The lead sees who shares and who has gone quiet, in the roster's order; a member does not.
    const rhythm = await get<{ members: { name: string; shared: number; quiet: boolean }[] }>('lea', `/api/teams/${s.team}/dance-floor/rhythm`);
    const roster = (await get<{ roster: { name: string }[] }>('lea', `/api/teams/${s.team}`)).roster.map((m) => m.name);
    expect(rhythm.members.map((m) => m.name)).toEqual(roster);
    expect(rhythm.members.map((m) => [m.name, m.shared, m.quiet]).sort()).toEqual([['Fay Former', 0, true], ['Lea Lead', 0, true], ['Max Member', 2, false]]);
    await get('max', `/api/teams/${s.team}/dance-floor/rhythm`, 403);
    // Only the author takes a post down.
    await w.json(404, `/api/teams/${s.team}/dance-floor/${news.id}`, { method: 'DELETE', ...as('lea') });

    const gexf = await (await w.call(`/api/teams/${s.team}/export/gexf`, as('lea'))).text();
    expect(gexf).toContain('label="Ana Silva"');
    expect(gexf).toContain('<gexf');
    const graphml = await (await w.call(`/api/teams/${s.team}/export/graphml`, as('lea'))).text();
    expect(graphml).toContain('<data key="label">Rui Costa</data>');
    // The team map: members as hubs and exactly the shared networks and people of the graph, as each member sees it.
    for (const who of ['lea', 'max']) {
      const map = await get<{ nodes: { kind: string; label: string }[]; edges: unknown[] }>(who, `/api/teams/${s.team}/map`);
      const seen = await graph(who);
      expect(map.nodes.filter((n) => n.kind === 'member').map((n) => n.label).sort()).toEqual(['Fay Former', 'Lea Lead', 'Max Member']);
      expect(map.nodes.filter((n) => n.kind === 'network').map((n) => n.label).sort()).toEqual(seen.networks.map((n) => n.name).sort());
      expect(map.nodes.filter((n) => n.kind === 'person').map((n) => n.label).sort()).toEqual(seen.people.map((p) => p.name).sort());
      expect(map.edges.length).toBeGreaterThan(0);
      expect(canaryOf(JSON.stringify(map).replace(new RegExp(`zqx${who}`, 'gi'), ''))).toBeNull();
    }
  });

  it('shares a learned item from the journal in one click, tagged: only its words go, never the exchange\'s other fields', async () => {
    await hiveAtWork();
    const physio = (await graph('lea')).networks.find((n) => n.name === 'Physio Society')!.key;
    // Everything else on the exchange is Max's own: the people met, notes, what was given and received, how it felt.
    const exchange = await post<{ exchange: { id: string } }>('max', '/api/exchanges', {
      channel: 'lunch',
      personIds: [s.hidden, s.ana],
      learned: 'Reviewers want feasibility first',
      notes: 'zqxmax lunch notes',
      gave: [{ kind: 'resource', note: 'zqxmax template' }],
      received: [{ kind: 'opportunity', note: 'zqxmax opening' }],
      feeling: 'energising',
    });
    const shared = await post<{ source: string; kind: string; text: string; goals: { statement: string }[]; network: { name: string } | null; memberName: string }>('max', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id, goalIds: [s.goal], networkKey: physio });
    expect(shared).toMatchObject({ source: 'journal', kind: 'learned', text: 'Reviewers want feasibility first', memberName: 'Max Member', goals: [{ statement: 'Win a research grant' }], network: { name: 'Physio Society' } });
    const feed = await get<{ id: string; text: string; goals: unknown[]; network: unknown }[]>('lea', `/api/teams/${s.team}/dance-floor`);
    const item = feed.find((f) => f.id === exchange.exchange.id)!;
    expect(Object.keys(item).sort()).toEqual(['at', 'goals', 'id', 'kind', 'memberId', 'memberName', 'network', 'source', 'text']);
    expect(item.text).toBe('Reviewers want feasibility first');
    // Nowhere the team looks is there anything of the exchange but its words: no canary, no person met, no feeling.
    const everywhere = JSON.stringify([feed, await graph('lea'), await get('lea', `/api/teams/${s.team}/check`)]);
    expect(canaryOf(everywhere.replace(/zqxlea/gi, ''))).toBeNull();
    expect(everywhere).not.toContain('energising');
    expect(everywhere).not.toContain('lunch');
    // Sharing again changes the tags; the consent panel shows it shared.
    const retagged = await post<{ goals: unknown[]; network: unknown }>('max', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id });
    expect(retagged).toMatchObject({ goals: [], network: null });
    const consent = await get<{ learned: { exchangeId: string; shared: boolean }[] }>('max', `/api/teams/${s.team}/consent`);
    expect(consent.learned.find((l) => l.exchangeId === exchange.exchange.id)?.shared).toBe(true);

    // Hostile: someone else's exchange, a goal of another team, a network nobody shares, an enormous or malformed body.
    await post('lea', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id }, 404);
    await post('max', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id, goalIds: ['tgoal_of_another_team'] }, 400);
    await post('max', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id, networkKey: 'net:zqxnobody' }, 400);
    await post('max', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id, goalIds: Array.from({ length: 5000 }, (_, i) => `g${i}`) }, 400);
    await post('max', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id, notes: 'smuggled' }, 400);
    const noLesson = await post<{ exchange: { id: string } }>('max', '/api/exchanges', { channel: 'call', personIds: [s.ana], notes: 'zqxmax nothing learned' });
    await post('max', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: noLesson.exchange.id }, 400);
    // Oz, in another team, cannot share into this one, even his own exchange.
    await post('oz', `/api/teams/${s.team}/dance-floor/learned`, { exchangeId: exchange.exchange.id }, 404);

    // Withdrawn in the sharing panel, it leaves the dance floor at once.
    await put('max', `/api/teams/${s.team}/consent/learned/${exchange.exchange.id}`, { shared: false });
    expect(JSON.stringify(await get('lea', `/api/teams/${s.team}/dance-floor`))).not.toContain('Reviewers want feasibility first');
  });

  it('leaving removes everything the member gave, at once', async () => {
    await sharedHive();
    const before = JSON.stringify(await graph('lea'));
    expect(before).toContain('Fay Friend');
    expect(before).toContain('Fay Society');
    await post('fay', `/api/teams/${s.team}/leave`, {}, 200);
    for (const path of ['graph', 'map', 'check', 'goals', 'introductions', 'dance-floor', 'export/gexf', 'export/graphml', '']) {
      const text = await (await w.call(`/api/teams/${s.team}${path ? `/${path}` : ''}`, as('lea'))).text();
      expect(text, path).not.toMatch(/Fay (Friend|Society|Former)/);
    }
    // A former member sees nothing of the team.
    await get('fay', `/api/teams/${s.team}/graph`, 404);
    expect(await get<unknown[]>('fay', '/api/teams')).toEqual([]);
  });

  it('the authorization matrix: every team route × lead, member, member of another team, former member, anonymous; no canary, no leak', async () => {
    // The whole story so far: shares, the goal, the request, the news; and Fay has left (the former member).
    await hiveAtWork();
    await post('fay', `/api/teams/${s.team}/leave`, {}, 200);
    const doc = (await (await w.call(OPENAPI_PATH)).json()) as { paths: Record<string, Record<string, unknown>> };
    const params: Record<string, string> = {
      id: s.team!,
      memberId: ids.max!,
      networkId: s.physio!,
      personId: s.ana!,
      exchangeId: s.lesson!,
      goalId: s.goal!,
      requestId: s.request!,
      postId: s.post!,
      token: s.usedToken!,
      format: 'gexf',
    };
    const routes = Object.entries(doc.paths)
      .filter(([template]) => template.startsWith('/api/teams'))
      .flatMap(([template, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), template, path: template.replace(/\{(\w+)\}/g, (_m, name: string) => params[name] ?? 'x') })));
    // New team routes join the matrix by being in the OpenAPI document.
    expect(routes.length).toBeGreaterThanOrEqual(32);
    const unknownParams = routes.flatMap((r) => [...r.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)).filter((name) => !(name in params));
    expect(unknownParams).toEqual([]);

    // What only the team may see: its name, its members, what they share, its goal.
    const teamOnly = ['grant-writing day', 'Hive Team Alpha', 'Ana Silva', 'Rui Costa', 'Lia Chen', 'Physio Society', 'Pilot studies', 'Win a research grant', 'Lea Lead', 'Max Member', ids.lea!, ids.max!, s.goal!, s.request!];
    const snapshot = async () => {
      const parts = await Promise.all(['', '/graph', '/goals', '/introductions', '/check', '/dance-floor'].map(async (p) => (await w.call(`/api/teams/${s.team}${p}`, as('lea'))).text()));
      return parts.join('\n');
    };
    const before = await snapshot();

    // A valid body for every route that takes one, so that each cell tests who may act, not what was sent.
    const bodies: Record<string, unknown> = {
      'POST /api/teams': { name: 'A team of my own' },
      'PATCH /api/teams/{id}': { name: 'Renamed' },
      'PUT /api/teams/{id}/members/{memberId}/role': { role: 'lead' },
      'PUT /api/teams/{id}/consent/networks/{networkId}': { offered: true },
      'PUT /api/teams/{id}/consent/people/{personId}': { shared: true },
      'PUT /api/teams/{id}/consent/learned/{exchangeId}': { shared: true },
      'PUT /api/teams/{id}/consent/plan': { shared: true },
      'POST /api/teams/{id}/goals': { statement: 'A goal' },
      'PUT /api/teams/{id}/goals/{goalId}/links': { key: 'x', relevance: 1 },
      'POST /api/teams/{id}/introductions': { via: 'x', personId: 'x' },
      'PATCH /api/teams/{id}/introductions/{requestId}': { status: 'accepted' },
      'POST /api/teams/{id}/dance-floor': { kind: 'event', text: 'News' },
      'POST /api/teams/{id}/dance-floor/learned': { exchangeId: s.lesson },
    };
    const bodyOf = (route: { method: string; template: string }) => (route.method === 'GET' || route.method === 'DELETE' ? undefined : (bodies[`${route.method} ${route.template}`] ?? {}));
    // What only a lead may do: a member is refused with 403 (never 400), and nothing changes.
    const leadOnly = new Set([
      'PATCH /api/teams/{id}',
      'POST /api/teams/{id}/invitations',
      'DELETE /api/teams/{id}/members/{memberId}',
      'PUT /api/teams/{id}/members/{memberId}/role',
      'GET /api/teams/{id}/plans',
      'GET /api/teams/{id}/dance-floor/rhythm',
    ]);
    // The exact answer per cell; null for a write by the lead or a member that would change the team on purpose (tested above, one by one).
    const expected = (caller: 'lead' | 'member' | 'outsider' | 'anonymous', route: { method: string; template: string }): number | null => {
      const cell = `${route.method} ${route.template}`;
      if (caller === 'anonymous') return 401;
      if (caller === 'outsider') {
        // Outsiders act for themselves alone: their list, a team or a demo team of their own; the spent link is unknown to them.
        if (cell === 'GET /api/teams') return 200;
        if (cell === 'POST /api/teams' || cell === 'POST /api/teams/demo') return 201;
        return 404;
      }
      if (caller === 'member' && leadOnly.has(cell)) return 403;
      return route.method === 'GET' ? 200 : null;
    };
    for (const cell of leadOnly) expect(routes.some((r) => `${r.method} ${r.template}` === cell), cell).toBe(true);

    const callers = [
      { name: 'lead', key: 'lea', auth: as('lea'), role: 'lead' as const },
      { name: 'member', key: 'max', auth: as('max'), role: 'member' as const },
      { name: 'member of another team', key: 'oz', auth: as('oz'), role: 'outsider' as const },
      { name: 'former member', key: 'fay', auth: as('fay'), role: 'outsider' as const },
      { name: 'anonymous', key: 'anon', auth: {}, role: 'anonymous' as const },
    ];
    const leaks: string[] = [];
    const wrong: string[] = [];
    let requests = 0;
    for (const caller of callers) {
      for (const route of routes) {
        const want = expected(caller.role, route);
        if (want === null) continue;
        const body = bodyOf(route);
        const response = await w.call(route.path, { method: route.method, ...caller.auth, ...(body === undefined ? {} : { body }) });
        requests += 1;
        const text = (await response.text()).split(route.path).join('');
        const label = `${caller.name}: ${route.method} ${route.template}`;
        if (response.status !== want) wrong.push(`${label}: ${response.status}, expected ${want}`);
        if (want === 403) expect(JSON.parse(text), label).toMatchObject({ error: { code: 'forbidden', message: expect.stringMatching(/^Only the team's lead may /) } });
        // Nobody sees a canary that is not their own.
        const canaries = (text.match(/zqx(max|lea|fay)/gi) ?? []).map((c) => c.toLowerCase()).filter((c) => c !== `zqx${caller.key}`);
        if (canaries.length) leaks.push(`${label} holds ${canaries.join(', ')}`);
        if (caller.role === 'outsider' || caller.role === 'anonymous') for (const marker of teamOnly) if (text.includes(marker)) leaks.push(`${label} shows ${marker}`);
      }
    }
    expect(wrong).toEqual([]);
    console.log(`team authorization matrix (${kind}): ${routes.length} team routes, ${requests} requests, ${leaks.length} leaks`);
    expect(leaks).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('plan progress reaches the lead only when the member says so, and goes when withdrawn', async () => {
    // Shared as in the story: Max holds his club (a canary) back.
    await sharedHive();
    expect((await get<{ members: unknown[]; notShared: number }>('lea', `/api/teams/${s.team}/plans`)).members).toEqual([]);
    await get('max', `/api/teams/${s.team}/plans`, 403);
    await put('max', `/api/teams/${s.team}/consent/plan`, { shared: true });
    const plans = await get<{ members: { name: string; targets: { name: string; status: string }[] }[] }>('lea', `/api/teams/${s.team}/plans`);
    expect(plans.members.map((m) => [m.name, m.targets.map((t) => [t.name, t.status])])).toEqual([['Max Member', [['Zqxmax Planned', 'open']]]]);
    expect(JSON.stringify(plans)).not.toContain('zqxmax reason');
    // Nothing else opens up: the graph still holds no canary of Max's.
    expect(canaryOf(JSON.stringify(await graph('lea')).replace(/zqxlea/gi, ''))).toBeNull();
    await put('max', `/api/teams/${s.team}/consent/plan`, { shared: false });
    expect(JSON.stringify(await get('lea', `/api/teams/${s.team}/plans`))).not.toMatch(/zqxmax/i);
  });

  it('withdrawing removes the item from the next answer; leaving removes all', async () => {
    // Shares, the goal's links, the request about Rui, the news; Fay has left, taking her friend with her.
    await hiveAtWork();
    await post('fay', `/api/teams/${s.team}/leave`, {}, 200);
    await put('max', `/api/teams/${s.team}/consent/people/${s.rui}`, { shared: false });
    const after = JSON.stringify(await graph('lea'));
    expect(after).not.toContain('Rui Costa');
    // The request about Rui closed with the consent.
    expect(JSON.stringify(await get('lea', `/api/teams/${s.team}/introductions`))).not.toContain('Rui Costa');
    await put('max', `/api/teams/${s.team}/consent/networks/${s.physio}`, { offered: false });
    const physio = (await graph('lea')).networks.find((n) => /physio/i.test(n.name))!;
    expect(physio.holders.map((h) => h.memberId)).toEqual([ids.lea]);
    // The goal's links hold through Lea, who shares the society (now under her name for it) and Ana too.
    expect((await get<{ links: { name: string }[] }[]>('lea', `/api/teams/${s.team}/goals`))[0]!.links.map((l) => l.name)).toEqual(['Ana Silva', 'physio society']);

    await post('max', `/api/teams/${s.team}/leave`, {}, 200);
    const left = JSON.stringify(await graph('lea')) + JSON.stringify(await get('lea', `/api/teams/${s.team}/dance-floor`));
    expect(left).not.toContain('Pilot studies');
    expect(left).not.toContain('grant-writing day');
    expect(left).not.toContain(ids.max);
    expect(canaryOf(left.replace(/zqxlea/gi, ''))).toBeNull();
    // Ana is still there, as Lea shares her (under Lea's own name for her now).
    expect((await graph('lea')).people.map((p) => p.name).sort()).toEqual(['Ana M. Silva', 'Lia Chen']);
    // Max is still in Oz's team, which never saw any of this.
    expect((await get<{ name: string }[]>('max', '/api/teams')).map((t) => t.name)).toEqual(['Oz Team']);
  });

  it('the last lead leaving hands the lead on; the last member leaving ends the team', async () => {
    // Oz's team: Oz leads, Max joined it.
    await builtHive();
    const link = await post<{ path: string }>('oz', `/api/teams/${s.ozTeam}/invitations`, {});
    w.clock.at += 60_000;
    await post('fay', `/api/teams/join/${link.path.split('/').pop()!}`, {}, 200);
    await post('oz', `/api/teams/${s.ozTeam}/leave`, {}, 200);
    const team = await get<{ roster: { name: string; role: string }[] }>('max', `/api/teams/${s.ozTeam}`);
    expect(team.roster.map((m) => [m.name, m.role])).toEqual([['Max Member', 'lead'], ['Fay Former', 'member']]);
    await w.json(200, `/api/teams/${s.ozTeam}/members/${ids.fay}`, { method: 'DELETE', ...as('max') });
    await post('max', `/api/teams/${s.ozTeam}/leave`, {}, 200);
    const rows = await w.deps.db.selectFrom('teams').select('id').where('id', '=', s.ozTeam!).execute();
    expect(rows).toEqual([]);
  });

  it('makes a demo team in one call: six members, their shares, goals with gaps and a single point of failure, a month of news', async () => {
    // Lea with her map (her own 'physio society' among it).
    await signUp();
    await drawMaps();
    const team = await post<{ id: string; myRole: string; roster: { name: string }[] }>('lea', '/api/teams/demo', {});
    expect(team.myRole).toBe('lead');
    expect(team.roster).toHaveLength(6);
    const check = await get<{ counts: { people: number }; singlePointsOfFailure: { name: string }[]; goals: { statement: string; verdict: string; missing: { code: string }[] }[]; brokers: { rows: { name: string }[] } }>('lea', `/api/teams/${team.id}/check`);
    expect(check.counts.people).toBe(5);
    expect(check.singlePointsOfFailure.map((f) => f.name).sort()).toEqual(['Grant Writers Circle', 'Health Informatics Conference', 'Prof Ana Marques']);
    const published = check.goals.find((g) => g.statement === 'Get our service evaluation published')!;
    expect(published.missing.map((m) => m.code)).toContain('network:professional-body');
    const feed = await get<{ text: string }[]>('lea', `/api/teams/${team.id}/dance-floor`);
    expect(feed).toHaveLength(4);
    const everything = JSON.stringify([check, feed, await get('lea', `/api/teams/${team.id}/graph`)]);
    expect(everything).not.toMatch(/private|@example\.org/i);
    // Lea's own networks are offered to it by default, like any team's; the demo members see only that.
    expect(everything).toContain('Physio Society');
  }, 60_000);
});

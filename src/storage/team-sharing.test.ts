import { beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type Account, type AccountsDeps } from '../services/accounts.js';
import type { ServiceContext } from '../services/context.js';
import { logExchange } from '../services/exchanges.js';
import { addMember } from '../services/links.js';
import { createNetwork } from '../services/networks.js';
import { createPerson } from '../services/people.js';
import { addTarget } from '../services/plan.js';
import { createTeam } from '../services/teams.js';
import { DIALECTS } from '../test-support/databases.js';
import {
  holdNetworkBack,
  selectSharedLearned,
  selectSharedNetworks,
  selectSharedPeople,
  selectSharedPlanTargets,
  shareLearnedItem,
  sharePerson,
} from './team-sharing.js';
import { insertTeamMember, updateMemberSharePlan } from './teams.js';
import { freshSession } from '../test-support/fresh-session.js';

/*
 * Consent at the bottom: the queries the team reads through hold nothing a member did
 * not consent to, even when a consent row is hostile. The service checks that a member
 * shares only their own rows; here the rows are written past it, straight into the
 * consent tables, to show that the reads still join on the member's own workspace and
 * the team's membership, and let nothing else through. Every secret carries `zqx`.
 */

describe.each(DIALECTS)('what a team reads through its members\' consents (%s)', (kind) => {
  const world = freshSession(kind);
  let deps: AccountsDeps;
  let made: { maxNetwork: string; maxHeld: string; ana: string; maxKept: string; lesson: string; ozNetwork: string; ozPerson: string; ozLesson: string };
  let max: Account;
  let oz: Account;
  let teamId: string;

  const contextOf = (account: Account): ServiceContext => ({ db: deps.db, clock: deps.clock, ids: deps.ids, timeZone: 'UTC', workspaceId: account.workspaceId });

  beforeAll(async () => {
    const { db, clock, ids } = world.session.ctx;
    deps = { db, clock, ids, defaultTimeZone: 'UTC' };
    const lea = await createAccount(deps, { email: 'lea@example.org', name: 'Lea Lead', password: 'lea has a long passphrase' });
    max = await createAccount(deps, { email: 'max@example.org', name: 'Max Member', password: 'max has a long passphrase' });
    // Oz is in no team of Lea's: his map is another workspace.
    oz = await createAccount(deps, { email: 'oz@example.org', name: 'Oz Outsider', password: 'oz has a long passphrase' });
    teamId = (await createTeam(deps, lea, { name: 'Hive' })).id;
    await insertTeamMember(deps.db, { teamId, accountId: max.id, role: 'member', sharePlan: 0, joinedAt: '2026-11-22T10:00:00Z' });

    const maxCtx = contextOf(max);
    const ozCtx = contextOf(oz);
    const maxNetwork = (await createNetwork(maxCtx, { name: 'Physio Society', kind: 'professional-body', strength: 4, notes: 'zqx network notes' })).id;
    const maxHeld = (await createNetwork(maxCtx, { name: 'Zqx Held Club', kind: 'interest-group' })).id;
    const ana = (await createPerson(maxCtx, { name: 'Ana Silva', strength: 4, notes: 'zqx her notes', channels: [{ kind: 'email', value: 'ana.zqx@example.org' }, { kind: 'phone', value: '+351 zqx' }] })).id;
    await addMember(maxCtx, maxNetwork, ana, { role: 'member' });
    await addMember(maxCtx, maxHeld, ana, { role: 'member' });
    const maxKept = (await createPerson(maxCtx, { name: 'Zqx Kept By Max' })).id;
    const lesson = (await logExchange(maxCtx, { channel: 'video', personIds: [ana], learned: 'Pilot studies open doors', notes: 'zqx meeting notes' })).exchange.id;
    await logExchange(maxCtx, { channel: 'coffee', personIds: [maxKept], learned: 'zqx lesson Max keeps' });
    await addTarget(maxCtx, { personId: maxKept, reason: 'zqx reason' });

    const ozNetwork = (await createNetwork(ozCtx, { name: 'Zqx Oz Network', kind: 'conference' })).id;
    const ozPerson = (await createPerson(ozCtx, { name: 'Zqx Oz Person', channels: [{ kind: 'email', value: 'oz.friend.zqx@example.org' }] })).id;
    const ozLesson = (await logExchange(ozCtx, { channel: 'call', personIds: [ozPerson], learned: 'zqx lesson of Oz' })).exchange.id;
    made = { maxNetwork, maxHeld, ana, maxKept, lesson, ozNetwork, ozPerson, ozLesson };
    // What Max gives the team: Ana and one lesson; his club held back.
    await holdNetworkBack(deps.db, teamId, max.id, maxHeld);
    await sharePerson(deps.db, teamId, max.id, ana);
    await shareLearnedItem(deps.db, teamId, max.id, lesson);
  });

  const everything = async (accountId?: string) =>
    JSON.stringify([await selectSharedNetworks(deps.db, teamId, accountId), await selectSharedPeople(deps.db, teamId, accountId), await selectSharedLearned(deps.db, teamId, accountId)]);

  it('reads networks unless held back, people and learned items only when shared, and no channel but email digests and profiles', async () => {
    expect((await selectSharedNetworks(deps.db, teamId, max.id)).map((n) => n.name)).toEqual(['Physio Society']);
    const [ana, ...others] = await selectSharedPeople(deps.db, teamId, max.id);
    expect(others).toEqual([]);
    expect(ana).toMatchObject({ memberId: max.id, itemId: made.ana, name: 'Ana Silva', strength: 4, networkItemIds: [made.maxNetwork] });
    expect(ana!.identity.emailKeys).toHaveLength(1);
    expect(ana!.identity.profiles).toEqual([]);
    expect((await selectSharedLearned(deps.db, teamId, max.id)).map((l) => l.learned)).toEqual(['Pilot studies open doors']);
    expect(await everything()).not.toMatch(/zqx/i);
  });

  it('lets nothing of another workspace through a member\'s consent row naming it', async () => {
    // Max's consent rows name Oz's person, Oz's exchange and Oz's network: ids from another map.
    await sharePerson(deps.db, teamId, max.id, made.ozPerson);
    await shareLearnedItem(deps.db, teamId, max.id, made.ozLesson);
    await holdNetworkBack(deps.db, teamId, max.id, made.ozNetwork);
    expect(await everything()).not.toMatch(/zqx/i);
    expect(await everything(max.id)).not.toMatch(/zqx/i);
    expect((await selectSharedPeople(deps.db, teamId)).map((p) => p.itemId)).toEqual([made.ana]);
  });

  it('lets nothing through an outsider\'s consent rows: only members give a team anything', async () => {
    await sharePerson(deps.db, teamId, oz.id, made.ozPerson);
    await shareLearnedItem(deps.db, teamId, oz.id, made.ozLesson);
    expect(await everything()).not.toMatch(/zqx/i);
    expect(await everything(oz.id)).toBe(JSON.stringify([[], [], []]));
  });

  it('shows the lead a member\'s plan only while the member shares it', async () => {
    expect(await selectSharedPlanTargets(deps.db, teamId, max.id, '2026-11')).toEqual([]);
    await updateMemberSharePlan(deps.db, teamId, max.id, true);
    expect(await selectSharedPlanTargets(deps.db, teamId, max.id, '2026-11')).toEqual([{ name: 'Zqx Kept By Max', status: 'open' }]);
    // An outsider's plan never, whatever is asked.
    await addTarget(contextOf(oz), { personId: made.ozPerson });
    expect(await selectSharedPlanTargets(deps.db, teamId, oz.id, '2026-11')).toEqual([]);
    await updateMemberSharePlan(deps.db, teamId, max.id, false);
    expect(await selectSharedPlanTargets(deps.db, teamId, max.id, '2026-11')).toEqual([]);
  });
});

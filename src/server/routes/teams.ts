import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  consentOutput,
  feedItemOutput,
  postInput,
  rhythmOutput,
  introAnswerInput,
  introPathOutput,
  introRequestInput,
  introRequestOutput,
  offeredInput,
  pathsQuery,
  previewOutput,
  sharedInput,
  shareLearnedInput,
  teamCheckOutput,
  teamDetailOutput,
  teamGoalInput,
  teamGoalLinkInput,
  teamGoalOutput,
  teamGraphOutput,
  teamMapOutput,
  teamNameInput,
  teamPlansOutput,
  teamRoleInput,
  teamSummaryOutput,
} from '../../contract/teams.js';
import type { Holds, Same } from '../../contract/same-type.js';
import type { IntroductionPath, TeamCheck, TeamMap } from '../../core/team/index.js';
import type { AccountsDeps } from '../../services/accounts.js';
import { exportTeamGraph, teamCheck, teamGraphView, teamIntroductionPaths, teamMap, type TeamGraphView } from '../../services/teams-check.js';
import { createDemoTeam } from '../../services/teams-demo.js';
import { danceFloorRhythm, postNews, removePost, shareLearned, teamFeed, type DanceFloorRhythm, type FeedItem } from '../../services/teams-dance.js';
import { createTeamGoal, linkTeamGoal, listTeamGoals, removeTeamGoal, type TeamGoalView } from '../../services/teams-goals.js';
import { answerIntroduction, listIntroductionRequests, requestIntroduction, type IntroRequest } from '../../services/teams-introductions.js';
import { myConsent, previewMyShare, setLearnedShared, setNetworkOffered, setPersonShared, setPlanShared, teamPlans, type MyConsent, type Preview, type TeamPlans } from '../../services/teams-sharing.js';
import { acceptTeamInvitation, createTeam, createTeamInvitation, leaveTeam, listTeams, removeTeamMember, renameTeam, setTeamRole, teamDetail, type TeamDetail, type TeamSummary } from '../../services/teams.js';
import { currentCaller } from '../auth.js';
import { created, defined, idParam, jsonBody, ok, twoIds } from './shared.js';

/**
 * The hive's routes (server mode). Every one acts as the signed-in account: a team
 * it is not in is a 404, whatever the id; what a teammate sees of another member is
 * only what that member consented to share (services/teams-sharing.ts).
 */

// The team pages' answers are the services' (or the core's) own shapes; the contract documents them, and these keep the two the same.
export type TeamSummaryTied = Holds<Same<z.output<typeof teamSummaryOutput>, TeamSummary>>;
export type TeamDetailTied = Holds<Same<z.output<typeof teamDetailOutput>, TeamDetail>>;
export type TeamConsentTied = Holds<Same<z.output<typeof consentOutput>, MyConsent>>;
export type TeamPreviewTied = Holds<Same<z.output<typeof previewOutput>, Preview>>;
export type TeamPlansTied = Holds<Same<z.output<typeof teamPlansOutput>, TeamPlans>>;
export type TeamGraphTied = Holds<Same<z.output<typeof teamGraphOutput>, TeamGraphView>>;
export type TeamMapTied = Holds<Same<z.output<typeof teamMapOutput>, TeamMap>>;
export type TeamCheckTied = Holds<Same<z.output<typeof teamCheckOutput>, TeamCheck>>;
export type IntroductionPathTied = Holds<Same<z.output<typeof introPathOutput>, IntroductionPath>>;
export type TeamGoalTied = Holds<Same<z.output<typeof teamGoalOutput>, TeamGoalView>>;
export type IntroductionRequestTied = Holds<Same<z.output<typeof introRequestOutput>, IntroRequest>>;
export type DanceFloorItemTied = Holds<Same<z.output<typeof feedItemOutput>, FeedItem>>;
export type DanceFloorRhythmTied = Holds<Same<z.output<typeof rhythmOutput>, DanceFloorRhythm>>;

const tags = ['Teams'];
const param = () => z.string().min(1).max(100);

export function registerTeamRoutes(app: OpenAPIHono, deps: AccountsDeps): void {
  const me = () => currentCaller().account;

  app.openapi(createRoute({ method: 'get', path: '/api/teams', tags, summary: 'The teams I am in', responses: ok(z.array(teamSummaryOutput), 'My teams') }), async (c) => c.json(await listTeams(deps, me()), 200));
  app.openapi(
    createRoute({ method: 'post', path: '/api/teams', tags, summary: 'Make a team; I am its lead', request: jsonBody(teamNameInput), responses: created(teamDetailOutput, 'The team') }),
    async (c) => c.json(await createTeam(deps, me(), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/teams/demo',
      tags,
      summary: 'Make a demo team that I lead, with five made-up teammates (accounts at @demo.invalid), their shares, two goals and a month of news',
      request: jsonBody(z.object({}).strict()),
      responses: created(teamDetailOutput, 'The demo team'),
    }),
    async (c) => {
      const caller = currentCaller();
      const team = await createDemoTeam(deps, caller.account, { clock: deps.clock, ids: deps.ids, timeZone: caller.timeZone });
      return c.json(await teamDetail(deps, caller.account, team.id), 201);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}', tags, summary: 'A team I am in, with its members', request: { params: idParam() }, responses: ok(teamDetailOutput, 'The team') }),
    async (c) => c.json(await teamDetail(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/api/teams/{id}', tags, summary: 'Rename a team (the lead)', request: { params: idParam(), ...jsonBody(teamNameInput) }, responses: ok(teamDetailOutput, 'The team') }),
    async (c) => c.json(await renameTeam(deps, me(), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/teams/{id}/invitations',
      tags,
      summary: 'A link to join the team (the lead; a password sign-in): one account, seven days',
      request: { params: idParam(), ...jsonBody(z.object({}).strict()) },
      responses: created(z.object({ path: z.string(), expiresAt: z.string() }), 'The link, shown once'),
    }),
    async (c) => {
      if (currentCaller().via !== 'session') return c.json({ error: { code: 'forbidden', message: 'Sign in with your password to invite (the team\'s page in the web app makes the link); an access token cannot, so that a leaked token cannot let anyone into the team' } }, 403) as never;
      const made = await createTeamInvitation(deps, me(), c.req.valid('param').id);
      return c.json({ path: `/team-invite/${made.token}`, expiresAt: made.expiresAt }, 201);
    },
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/teams/join/{token}', tags, summary: 'Join a team by its invitation link (single use)', request: { params: z.object({ token: z.string().max(200) }), ...jsonBody(z.object({}).strict()) }, responses: ok(teamDetailOutput, 'The team joined') }),
    async (c) => c.json(await acceptTeamInvitation(deps, me(), c.req.valid('param').token), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/teams/{id}/leave', tags, summary: 'Leave a team: everything I gave it is withdrawn at once', request: { params: idParam(), ...jsonBody(z.object({}).strict()) }, responses: ok(z.object({ left: z.literal(true) }), 'Left') }),
    async (c) => c.json(await leaveTeam(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/teams/{id}/members/{memberId}', tags, summary: 'Take a member out (the lead); what they gave is withdrawn', request: { params: twoIds('id', 'memberId') }, responses: ok(z.object({ removed: z.literal(true) }), 'Removed') }),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return c.json(await removeTeamMember(deps, me(), id, memberId), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/teams/{id}/members/{memberId}/role', tags, summary: 'Make a member lead, or a lead member (the lead)', request: { params: twoIds('id', 'memberId'), ...jsonBody(teamRoleInput) }, responses: ok(teamDetailOutput, 'The team') }),
    async (c) => {
      const { id, memberId } = c.req.valid('param');
      return c.json(await setTeamRole(deps, me(), id, memberId, c.req.valid('json').role), 200);
    },
  );

  // ---- consent: mine only
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/consent', tags, summary: 'What I offer this team, to choose from (only I see this)', request: { params: idParam() }, responses: ok(consentOutput, 'My consent') }),
    async (c) => c.json(await myConsent(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/consent/preview', tags, summary: 'What my team will see of mine: the exact rows', request: { params: idParam() }, responses: ok(previewOutput, 'The preview') }),
    async (c) => c.json(await previewMyShare(deps, me(), c.req.valid('param').id, currentCaller().timeZone), 200),
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/teams/{id}/consent/networks/{networkId}', tags, summary: 'Offer a network to the team, or hold it back (networks are offered by default)', request: { params: twoIds('id', 'networkId'), ...jsonBody(offeredInput) }, responses: ok(offeredInput, 'Now') }),
    async (c) => {
      const { id, networkId } = c.req.valid('param');
      return c.json(await setNetworkOffered(deps, me(), id, networkId, c.req.valid('json').offered), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/teams/{id}/consent/people/{personId}',
      tags,
      summary: '"Teammates may ask me for an introduction": shares name, organisation, category and tie strength; never channels, notes or the journal',
      request: { params: twoIds('id', 'personId'), ...jsonBody(sharedInput) },
      responses: ok(sharedInput, 'Now'),
    }),
    async (c) => {
      const { id, personId } = c.req.valid('param');
      return c.json(await setPersonShared(deps, me(), id, personId, c.req.valid('json').shared), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/teams/{id}/consent/learned/{exchangeId}', tags, summary: 'Share what I learned in one exchange (its words only), or stop', request: { params: twoIds('id', 'exchangeId'), ...jsonBody(sharedInput) }, responses: ok(sharedInput, 'Now') }),
    async (c) => {
      const { id, exchangeId } = c.req.valid('param');
      return c.json(await setLearnedShared(deps, me(), id, exchangeId, c.req.valid('json').shared), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/teams/{id}/consent/plan', tags, summary: 'Let the lead see my monthly plan\'s progress (off by default)', request: { params: idParam(), ...jsonBody(sharedInput) }, responses: ok(sharedInput, 'Now') }),
    async (c) => c.json(await setPlanShared(deps, me(), c.req.valid('param').id, c.req.valid('json').shared), 200),
  );

  // ---- what the team sees
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/graph', tags, summary: 'The team graph: members, shared networks and people (merged), shared learned items', request: { params: idParam() }, responses: ok(teamGraphOutput, 'The team graph') }),
    async (c) => c.json(await teamGraphView(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/map', tags, summary: 'The team map: members as hubs, shared networks and people, and the ties between them (shared items only)', request: { params: idParam() }, responses: ok(teamMapOutput, 'The team map') }),
    async (c) => c.json(await teamMap(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/check', tags, summary: 'The team check: coverage, goals, single points of failure, redundancy, brokers, clusters, diversity', request: { params: idParam() }, responses: ok(teamCheckOutput, 'The team check') }),
    async (c) => c.json(await teamCheck(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/teams/{id}/paths',
      tags,
      summary: 'Who in the team can introduce me to someone at an organisation, in a network, or to a person: ranked paths over shared ties',
      request: { params: idParam(), query: pathsQuery },
      responses: ok(z.array(introPathOutput), 'Ranked paths'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await teamIntroductionPaths(deps, me(), c.req.valid('param').id, defined({ organisation: q.organisation, networkKey: q.network, personKey: q.person })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/teams/{id}/export/{format}',
      tags,
      summary: 'The team graph (shared items only) as GEXF or GraphML',
      request: { params: z.object({ id: param(), format: z.enum(['gexf', 'graphml']) }) },
      responses: { 200: { description: 'The file', content: { 'application/gexf+xml': { schema: z.string() }, 'application/graphml+xml': { schema: z.string() } } } },
    }),
    async (c) => {
      const { id, format } = c.req.valid('param');
      const body = await exportTeamGraph(deps, me(), id, format);
      c.header('content-disposition', `attachment; filename="waggle-team.${format}"`);
      return c.body(body, 200, { 'content-type': format === 'gexf' ? 'application/gexf+xml; charset=utf-8' : 'application/graphml+xml; charset=utf-8' }) as never;
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/plans', tags, summary: 'Plan progress of the members who share it (the lead only)', request: { params: idParam() }, responses: ok(teamPlansOutput, 'Plans') }),
    async (c) => c.json(await teamPlans(deps, me(), c.req.valid('param').id, currentCaller().timeZone), 200),
  );

  // ---- goals
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/goals', tags, summary: 'The team\'s goals', request: { params: idParam() }, responses: ok(z.array(teamGoalOutput), 'Goals') }),
    async (c) => c.json(await listTeamGoals(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/teams/{id}/goals', tags, summary: 'Add a team goal, with the categories and kinds of network it needs', request: { params: idParam(), ...jsonBody(teamGoalInput) }, responses: created(teamGoalOutput, 'The goal') }),
    async (c) => c.json(await createTeamGoal(deps, me(), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/teams/{id}/goals/{goalId}', tags, summary: 'Remove a team goal', request: { params: twoIds('id', 'goalId') }, responses: ok(teamGoalOutput, 'The removed goal') }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      return c.json(await removeTeamGoal(deps, me(), id, goalId), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'put', path: '/api/teams/{id}/goals/{goalId}/links', tags, summary: 'Link a shared network or person (by its key in the team graph) to a goal; relevance 0 unlinks', request: { params: twoIds('id', 'goalId'), ...jsonBody(teamGoalLinkInput) }, responses: ok(teamGoalOutput, 'The goal') }),
    async (c) => {
      const { id, goalId } = c.req.valid('param');
      return c.json(await linkTeamGoal(deps, me(), id, goalId, c.req.valid('json')), 200);
    },
  );

  // ---- introduction requests
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/introductions', tags, summary: 'Introduction requests I made and those made to me', request: { params: idParam() }, responses: ok(z.array(introRequestOutput), 'Requests') }),
    async (c) => c.json(await listIntroductionRequests(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/teams/{id}/introductions', tags, summary: 'Ask a teammate for an introduction to a person they share', request: { params: idParam(), ...jsonBody(introRequestInput) }, responses: created(introRequestOutput, 'The request') }),
    async (c) => c.json(await requestIntroduction(deps, me(), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'patch', path: '/api/teams/{id}/introductions/{requestId}', tags, summary: 'Answer a request made to me', request: { params: twoIds('id', 'requestId'), ...jsonBody(introAnswerInput) }, responses: ok(introRequestOutput, 'The request') }),
    async (c) => {
      const { id, requestId } = c.req.valid('param');
      return c.json(await answerIntroduction(deps, me(), id, requestId, c.req.valid('json').status), 200);
    },
  );

  // ---- the dance floor
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/dance-floor', tags, summary: 'The dance floor: news members post and learned items they share, newest first', request: { params: idParam() }, responses: ok(z.array(feedItemOutput), 'The feed') }),
    async (c) => c.json(await teamFeed(deps, me(), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({ method: 'post', path: '/api/teams/{id}/dance-floor', tags, summary: 'Post news from my networks (learned, opportunity, event, person worth meeting), tagged to team goals and a shared network', request: { params: idParam(), ...jsonBody(postInput) }, responses: created(feedItemOutput, 'The post') }),
    async (c) => c.json(await postNews(deps, me(), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/teams/{id}/dance-floor/learned',
      tags,
      summary: 'Share what I learned in one exchange of my journal (its words only, never the exchange\'s other fields), tagged to team goals and a shared network; again, to change the tags',
      request: { params: idParam(), ...jsonBody(shareLearnedInput) },
      responses: created(feedItemOutput, 'The item on the dance floor'),
    }),
    async (c) => c.json(await shareLearned(deps, me(), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({ method: 'delete', path: '/api/teams/{id}/dance-floor/{postId}', tags, summary: 'Take down a post of mine', request: { params: twoIds('id', 'postId') }, responses: ok(z.object({ removed: z.literal(true) }), 'Removed') }),
    async (c) => {
      const { id, postId } = c.req.valid('param');
      return c.json(await removePost(deps, me(), id, postId), 200);
    },
  );
  app.openapi(
    createRoute({ method: 'get', path: '/api/teams/{id}/dance-floor/rhythm', tags, summary: 'Who shares and who has gone quiet in the last 30 days, in the roster\'s order (the lead only; nobody is ranked)', request: { params: idParam() }, responses: ok(rhythmOutput, 'The rhythm') }),
    async (c) => c.json(await danceFloorRhythm(deps, me(), c.req.valid('param').id), 200),
  );
}

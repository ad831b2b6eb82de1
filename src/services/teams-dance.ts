import { NotFoundError, ValidationError } from '../core/errors.js';
import { mergeTeam } from '../core/team/index.js';
import type { Account } from './accounts.js';
import { loadTeamSnapshot, setLearnedShared } from './teams-sharing.js';
import { selectTeamGoals } from '../storage/team-goals.js';
import { deleteOwnTeamPost, insertTeamPost, selectTeamPosts } from '../storage/team-posts.js';
import { selectLearnedTags, selectSharedLearned, tagSharedLearned } from '../storage/team-sharing.js';
import { checkedTags } from './teams-tags.js';
import { membershipOf, requireLead, type TeamsDeps } from './teams.js';
import { selectRoster } from '../storage/teams.js';

/**
 * The dance floor: like bees back at the hive, members share news from their networks
 * (something learned, an opportunity, an event, a person worth meeting), tagged to the
 * team's goals and a shared network. The feed holds the posts and the learned items
 * members shared from their journals. The lead sees who shares and who has gone quiet,
 * in the roster's order: nobody is ranked.
 */

export const POST_KINDS = ['learned', 'opportunity', 'event', 'person'] as const;
export type PostKind = (typeof POST_KINDS)[number];
const MAX_TEXT = 2000;
/** How many of the latest posts the feed holds. */
const FEED_POSTS = 500;
/** Nothing shared for this long is "gone quiet". */
export const QUIET_DAYS = 30;

export interface FeedItem {
  id: string;
  source: 'post' | 'journal';
  kind: PostKind;
  memberId: string;
  memberName: string;
  text: string;
  at: string;
  goals: { id: string; statement: string }[];
  network: { key: string; name: string } | null;
}

export async function postNews(deps: TeamsDeps, account: Account, teamId: string, input: { kind: PostKind; text: string; goalIds?: string[]; networkKey?: string | null }): Promise<FeedItem> {
  await membershipOf(deps.db, account, teamId);
  const text = input.text.trim();
  if (!text || text.length > MAX_TEXT) throw new ValidationError('text', `must be 1 to ${MAX_TEXT} characters`);
  const tags = await checkedTags(deps.db, teamId, input);
  const id = deps.ids('tpost');
  await insertTeamPost(deps.db, teamId, { id, accountId: account.id, kind: input.kind, text, ...tags, createdAt: deps.clock.now().toISOString() });
  return (await teamFeed(deps, account, teamId)).find((item) => item.id === id)!;
}

/**
 * One click from the journal: shares what I learned in one exchange of mine with the
 * team's dance floor, tagged to its goals and a shared network. Only the learned words
 * go (the consent is the same one the sharing panel gives): never the exchange's people,
 * notes, what was given or received, or how it felt. Sharing again changes the tags.
 */
export async function shareLearned(deps: TeamsDeps, account: Account, teamId: string, input: { exchangeId: string; goalIds?: string[] | undefined; networkKey?: string | null | undefined }): Promise<FeedItem> {
  await membershipOf(deps.db, account, teamId);
  const tags = await checkedTags(deps.db, teamId, input);
  await setLearnedShared(deps, account, teamId, input.exchangeId, true);
  await tagSharedLearned(deps.db, teamId, account.id, input.exchangeId, tags);
  return (await teamFeed(deps, account, teamId)).find((item) => item.source === 'journal' && item.id === input.exchangeId)!;
}

export async function removePost(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string, postId: string): Promise<{ removed: true }> {
  await membershipOf(deps.db, account, teamId);
  if (!(await deleteOwnTeamPost(deps.db, teamId, account.id, postId))) throw new NotFoundError('post of yours', postId);
  return { removed: true };
}

/** Posts and shared learned items, newest first. A network tag shows only while the network is shared. */
export async function teamFeed(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<FeedItem[]> {
  await membershipOf(deps.db, account, teamId);
  const [roster, posts, learned, learnedTags, goals, snapshot] = await Promise.all([
    selectRoster(deps.db, teamId),
    selectTeamPosts(deps.db, teamId, FEED_POSTS),
    selectSharedLearned(deps.db, teamId),
    selectLearnedTags(deps.db, teamId),
    selectTeamGoals(deps.db, teamId),
    loadTeamSnapshot(deps.db, teamId),
  ]);
  const names = new Map(roster.map((m) => [m.id, m.name]));
  const goalStatement = new Map(goals.map((g) => [g.id, g.statement]));
  const networkName = new Map(mergeTeam(snapshot).networks.map((n) => [n.key, n.name]));
  const tagsOf = new Map(learnedTags.map((t) => [`${t.accountId} ${t.exchangeId}`, t]));
  // A goal tag shows while the goal exists; a network tag while the network is shared.
  const goalsOf = (ids: string[]) => ids.filter((id) => goalStatement.has(id)).map((id) => ({ id, statement: goalStatement.get(id)! }));
  const networkOf = (key: string | null | undefined) => (key && networkName.has(key) ? { key, name: networkName.get(key)! } : null);
  const items: FeedItem[] = [
    ...posts.map((p) => ({
      id: p.id,
      source: 'post' as const,
      kind: p.kind as PostKind,
      memberId: p.accountId,
      memberName: names.get(p.accountId) ?? '',
      text: p.text,
      at: p.createdAt,
      goals: goalsOf(p.goalIds),
      network: networkOf(p.networkKey),
    })),
    ...learned.map((l) => {
      const tags = tagsOf.get(`${l.memberId} ${l.exchangeId}`);
      return { id: l.exchangeId, source: 'journal' as const, kind: 'learned' as const, memberId: l.memberId, memberName: l.memberName, text: l.learned, at: l.occurredOn, goals: goalsOf(tags?.goalIds ?? []), network: networkOf(tags?.networkKey) };
    }),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id.localeCompare(b.id)));
}

export interface Rhythm {
  memberId: string;
  name: string;
  shared: number;
  lastSharedOn: string | null;
  quiet: boolean;
}

/** The lead's view: for each member, in the roster's order, how much they shared in the last 30 days and when last; quiet when nothing. */
/** The lead's view of the dance floor: who shared how much in the last `days`. */
export interface DanceFloorRhythm {
  days: number;
  members: Rhythm[];
}

export async function danceFloorRhythm(deps: Pick<TeamsDeps, 'db' | 'clock'>, account: Account, teamId: string): Promise<DanceFloorRhythm> {
  await requireLead(deps.db, account, teamId, 'see who shares and who has gone quiet');
  const feed = await teamFeed(deps, account, teamId);
  const since = new Date(deps.clock.now().getTime() - QUIET_DAYS * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const members = (await selectRoster(deps.db, teamId)).map((m) => {
    const mine = feed.filter((item) => item.memberId === m.id);
    const recent = mine.filter((item) => item.at.slice(0, 10) >= since);
    return { memberId: m.id, name: m.name, shared: recent.length, lastSharedOn: mine[0]?.at.slice(0, 10) ?? null, quiet: recent.length === 0 };
  });
  return { days: QUIET_DAYS, members };
}

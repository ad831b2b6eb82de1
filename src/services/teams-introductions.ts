import { NotFoundError, ValidationError } from '../core/errors.js';
import type { Account } from './accounts.js';
import { membershipOf, type TeamsDeps } from './teams.js';
import { selectRoster } from '../storage/teams.js';
import { answerIntroRequest, insertIntroRequest, personSharedBy, selectIntroRequests } from '../storage/team-introductions.js';

/**
 * Introduction requests between members: "may I ask you to introduce me to Ana?".
 * A request names a person the holder shares; the person's name shows only while
 * they are shared, and withdrawing the person closes requests about them.
 */

export interface IntroRequest {
  id: string;
  from: { id: string; name: string };
  to: { id: string; name: string };
  person: { personId: string; name: string; organisation: string | null };
  message: string | null;
  status: 'open' | 'accepted' | 'declined';
  createdAt: string;
  answeredAt: string | null;
}

const MAX_MESSAGE = 2000;

export async function requestIntroduction(deps: TeamsDeps, account: Account, teamId: string, input: { via: string; personId: string; message?: string | null }): Promise<IntroRequest> {
  await membershipOf(deps.db, account, teamId);
  if (input.via === account.id) throw new ValidationError('via', 'ask a teammate, not yourself');
  const message = input.message?.trim() || null;
  if (message && message.length > MAX_MESSAGE) throw new ValidationError('message', `must be at most ${MAX_MESSAGE} characters`);
  // Only a person the teammate shares with this team, now.
  const shared = await personSharedBy(deps.db, teamId, input.via, input.personId);
  if (!shared) throw new NotFoundError('person shared by that teammate', input.personId);
  const id = deps.ids('treq');
  await insertIntroRequest(deps.db, { id, teamId, fromAccount: account.id, toAccount: input.via, personId: input.personId, message, status: 'open', createdAt: deps.clock.now().toISOString(), answeredAt: null });
  return (await listIntroductionRequests(deps, account, teamId)).find((r) => r.id === id)!;
}

/** Requests I made and requests made to me, in this team. */
export async function listIntroductionRequests(deps: Pick<TeamsDeps, 'db'>, account: Account, teamId: string): Promise<IntroRequest[]> {
  await membershipOf(deps.db, account, teamId);
  const names = new Map((await selectRoster(deps.db, teamId)).map((m) => [m.id, m.name]));
  const rows = await selectIntroRequests(deps.db, teamId, account.id);
  return rows.map((r) => ({
    id: r.id,
    from: { id: r.fromAccount, name: names.get(r.fromAccount) ?? 'a former member' },
    to: { id: r.toAccount, name: names.get(r.toAccount) ?? 'a former member' },
    person: { personId: r.personId, name: r.name, organisation: r.organisation },
    message: r.message,
    status: r.status as IntroRequest['status'],
    createdAt: r.createdAt,
    answeredAt: r.answeredAt,
  }));
}

/** The teammate asked answers: accepted (they will make the introduction) or declined. */
export async function answerIntroduction(deps: TeamsDeps, account: Account, teamId: string, requestId: string, status: 'accepted' | 'declined'): Promise<IntroRequest> {
  const mine = (await listIntroductionRequests(deps, account, teamId)).find((r) => r.id === requestId && r.to.id === account.id);
  if (!mine) throw new NotFoundError('introduction request to you', requestId);
  await answerIntroRequest(deps.db, requestId, status, deps.clock.now().toISOString());
  return { ...mine, status, answeredAt: deps.clock.now().toISOString() };
}

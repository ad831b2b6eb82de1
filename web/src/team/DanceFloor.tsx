import type { FormEvent } from 'react';
import type { Schema } from '../api/client.js';
import { queryError } from '../data/query-state.js';
import { useDanceFloor, useDanceFloorRhythm, usePostNews, useTakeDownNews, useTeamGoals } from '../data/team.js';
import { oneOf } from '../vocabulary.js';

type NewsKind = Schema<'DanceFloorItem'>['kind'];
const KIND_WORDS: Record<NewsKind, string> = { learned: 'Learned', opportunity: 'Opportunity', event: 'Event', person: 'A person worth meeting' };
const KINDS = Object.keys(KIND_WORDS) as NewsKind[];

/** The dance floor: news from members' networks, tagged to the team's goals; the lead sees who shares and who has gone quiet. */
export function DanceFloor({ teamId, graph, isLead, myId }: { teamId: string; graph: Schema<'TeamGraph'>; isLead: boolean; myId: string }) {
  const feed = useDanceFloor(teamId);
  const goals = useTeamGoals(teamId);
  const rhythm = useDanceFloorRhythm(teamId, isLead);
  const post = usePostNews(teamId);
  const takeDown = useTakeDownNews(teamId);
  const error = queryError(post, takeDown);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const goalId = String(data.get('goal') ?? '');
    const networkKey = String(data.get('network') ?? '');
    const kind = oneOf(KINDS, String(data.get('kind'))) ?? 'learned';
    post.mutate({ kind, text: String(data.get('text')), goalIds: goalId ? [goalId] : [], networkKey: networkKey || null }, { onSuccess: () => form.reset() });
  };
  const remove = (postId: string) => takeDown.mutate(postId);
  return (
    <section className="card" aria-labelledby="dance-h">
      <h2 id="dance-h">The dance floor</h2>
      {error && <p role="alert">{error}</p>}
      <form onSubmit={submit}>
        <label>
          What{' '}
          <select name="kind" defaultValue="learned">
            {Object.entries(KIND_WORDS).map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          News from my networks <input name="text" required maxLength={2000} />
        </label>{' '}
        <label>
          for the goal{' '}
          <select name="goal" defaultValue="">
            <option value="">(none)</option>
            {goals.data?.map((g) => (
              <option key={g.id} value={g.id}>
                {g.statement}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          from the network{' '}
          <select name="network" defaultValue="">
            <option value="">(none)</option>
            {graph.networks.map((n) => (
              <option key={n.key} value={n.key}>
                {n.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Share with the team</button>
      </form>
      <ul aria-label="The dance floor">
        {feed.data?.length === 0 && <li>No news yet: share something you learned, an opportunity, an event or a person worth meeting.</li>}
        {feed.data?.map((item) => (
          <li key={`${item.source} ${item.id}`}>
            {item.at.slice(0, 10)}, {item.memberName} — {KIND_WORDS[item.kind]}: {item.text}
            {item.goals.length > 0 && <> (for {item.goals.map((g) => g.statement).join(', ')})</>}
            {item.network && <> (from {item.network.name})</>}{' '}
            {item.source === 'post' && item.memberId === myId && (
              <button type="button" className="link" onClick={() => remove(item.id)}>
                Take down
              </button>
            )}
          </li>
        ))}
      </ul>
      {rhythm.data && (
        <>
          <h3>Who shares (the last {rhythm.data.days} days)</h3>
          <ul aria-label="Who shares">
            {rhythm.data.members.map((m) => (
              <li key={m.memberId}>
                {m.name}: {m.quiet ? `quiet${m.lastSharedOn ? ` since ${m.lastSharedOn}` : ''}` : `${m.shared} shared, last on ${m.lastSharedOn ?? ''}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

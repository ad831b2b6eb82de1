import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.js';
import { useApi } from '../use-api.js';
import type { TeamGoal, TeamGraph } from './team-types.js';

interface FeedItem {
  id: string;
  source: 'post' | 'journal';
  kind: string;
  memberId: string;
  memberName: string;
  text: string;
  at: string;
  goals: { id: string; statement: string }[];
  network: { key: string; name: string } | null;
}
interface Rhythm {
  days: number;
  members: { memberId: string; name: string; shared: number; lastSharedOn: string | null; quiet: boolean }[];
}

const KIND_WORDS: Record<string, string> = { learned: 'Learned', opportunity: 'Opportunity', event: 'Event', person: 'A person worth meeting' };

/** The dance floor: news from members' networks, tagged to the team's goals; the lead sees who shares and who has gone quiet. */
export function DanceFloor({ teamId, graph, isLead, myId }: { teamId: string; graph: TeamGraph; isLead: boolean; myId: string }) {
  const feed = useApi<FeedItem[]>(`/api/teams/${teamId}/dance-floor`);
  const goals = useApi<TeamGoal[]>(`/api/teams/${teamId}/goals`);
  const rhythm = useApi<Rhythm>(isLead ? `/api/teams/${teamId}/dance-floor/rhythm` : null);
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    feed.reload();
    rhythm.reload();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const goalId = String(data.get('goal') ?? '');
    const networkKey = String(data.get('network') ?? '');
    api(`/api/teams/${teamId}/dance-floor`, { method: 'POST', body: { kind: String(data.get('kind')), text: String(data.get('text')), goalIds: goalId ? [goalId] : [], networkKey: networkKey || null } })
      .then(() => {
        form.reset();
        done();
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  const remove = (postId: string) =>
    api(`/api/teams/${teamId}/dance-floor/${postId}`, { method: 'DELETE' })
      .then(done)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
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
            {item.at.slice(0, 10)}, {item.memberName} — {KIND_WORDS[item.kind] ?? item.kind}: {item.text}
            {item.goals.length > 0 && <> (for {item.goals.map((g) => g.statement).join(', ')})</>}
            {item.network && <> (from {item.network.name})</>}{' '}
            {item.source === 'post' && item.memberId === myId && (
              <button type="button" className="link" onClick={() => void remove(item.id)}>
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

import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api.js';
import { useApi } from '../use-api.js';
import { DanceFloor } from './DanceFloor.js';
import { MySharing } from './MySharing.js';
import { TeamCheckView } from './TeamCheckView.js';
import type { IntroPath, IntroRequest, TeamDetail, TeamGoal, TeamGraph } from './team-types.js';

const message = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** One team: its members, what they share, the team check, goals, introductions, and what I share with it. */
export function TeamPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const team = useApi<TeamDetail>(`/api/teams/${id}`);
  const graph = useApi<TeamGraph>(`/api/teams/${id}/graph`);
  const requests = useApi<IntroRequest[]>(`/api/teams/${id}/introductions`);
  const me = useApi<{ account: { id: string } }>('/api/auth/me');
  const [invite, setInvite] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checkTick, setCheckTick] = useState(0);
  if (team.error) return <p role="alert">{team.error}</p>;
  if (!team.data || !graph.data || !me.data) return <p>Loading…</p>;
  const myId = me.data.account.id;
  const names = new Map(graph.data.members.map((m) => [m.id, m.name]));
  const refresh = () => {
    team.reload();
    graph.reload();
    requests.reload();
    setCheckTick((t) => t + 1);
  };
  const ask = (personId: string, via: string, name: string) => {
    const note = window.prompt(`What would you like to ask ${names.get(via) ?? 'your teammate'} about ${name}? (optional)`) ?? '';
    api(`/api/teams/${id}/introductions`, { method: 'POST', body: { via, personId, message: note } })
      .then(requests.reload)
      .catch((e: unknown) => setError(message(e)));
  };
  const answer = (requestId: string, status: 'accepted' | 'declined') =>
    api(`/api/teams/${id}/introductions/${requestId}`, { method: 'PATCH', body: { status } })
      .then(requests.reload)
      .catch((e: unknown) => setError(message(e)));
  const makeInvite = () =>
    api<{ path: string }>(`/api/teams/${id}/invitations`, { method: 'POST', body: {} })
      .then((made) => setInvite(`${window.location.origin}${made.path}`))
      .catch((e: unknown) => setError(message(e)));
  const leave = () => {
    if (!window.confirm(`Leave ${team.data!.name}? Everything you share with it is withdrawn at once.`)) return;
    api(`/api/teams/${id}/leave`, { method: 'POST', body: {} })
      .then(() => navigate('/teams'))
      .catch((e: unknown) => setError(message(e)));
  };

  return (
    <section>
      <div className="title-row">
        <h1>{team.data.name}</h1>
        <button type="button" onClick={leave}>
          Leave the team
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
      <section className="card" aria-labelledby="members-h">
        <h2 id="members-h">Members</h2>
        <ul>
          {team.data.roster.map((m) => (
            <li key={m.id}>
              {m.name} {m.role === 'lead' && <span className="count">(lead)</span>}
            </li>
          ))}
        </ul>
        {team.data.myRole === 'lead' && (
          <p>
            <button type="button" onClick={() => void makeInvite()}>
              Make an invitation link
            </button>{' '}
            {invite && (
              <span>
                <label>
                  Invitation link (one person, seven days) <input readOnly value={invite} size={60} onFocus={(e) => e.currentTarget.select()} />
                </label>
              </span>
            )}
          </p>
        )}
      </section>

      <section className="card" aria-labelledby="shared-h">
        <h2 id="shared-h">What the team shares</h2>
        <h3>Networks</h3>
        {graph.data.networks.length === 0 ? (
          <p>No shared networks yet.</p>
        ) : (
          <table className="people" aria-label="Shared networks">
            <thead>
              <tr>
                <th scope="col">Network</th>
                <th scope="col">Kind</th>
                <th scope="col">Members in it</th>
              </tr>
            </thead>
            <tbody>
              {graph.data.networks.map((n) => (
                <tr key={n.key}>
                  <td>{n.name}</td>
                  <td>{n.kind}</td>
                  <td>{n.holders.map((h) => `${names.get(h.memberId) ?? '?'} (${h.role}, ${h.strength}/5)`).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>People teammates may ask about</h3>
        {graph.data.people.length === 0 ? (
          <p>No one shared yet.</p>
        ) : (
          <table className="people" aria-label="Shared people">
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Organisation</th>
                <th scope="col">Category</th>
                <th scope="col">Known by</th>
              </tr>
            </thead>
            <tbody>
              {graph.data.people.map((p) => (
                <tr key={p.key}>
                  <td>{p.name}</td>
                  <td>{p.organisation ?? ''}</td>
                  <td>{p.category ?? ''}</td>
                  <td>
                    {p.holders.map((h) => (
                      <span key={h.memberId}>
                        {names.get(h.memberId) ?? '?'} (tie {h.strength}/5){' '}
                        {h.memberId !== myId && !p.holders.some((x) => x.memberId === myId) && (
                          <button type="button" className="link" onClick={() => ask(h.itemId, h.memberId, p.name)}>
                            Ask {names.get(h.memberId) ?? 'them'} for an introduction to {p.name}
                          </button>
                        )}{' '}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {graph.data.learned.length > 0 && (
          <>
            <h3>What members learned</h3>
            <ul aria-label="Shared learning">
              {graph.data.learned.map((l) => (
                <li key={l.exchangeId}>
                  {l.occurredOn}, {l.memberName}: {l.learned}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          <Link to={`/teams/${id}/map`}>See the team map</Link>: members as hubs, with the networks and people they share.
        </p>
        <p>
          The team graph for Gephi, Kumu or networkx: <a href={`/api/teams/${id}/export/gexf`}>GEXF</a>, <a href={`/api/teams/${id}/export/graphml`}>GraphML</a>
        </p>
      </section>

      <section className="card" aria-labelledby="intros-h">
        <h2 id="intros-h">Introductions</h2>
        <Paths teamId={id} onAsk={ask} />
        {requests.data && requests.data.length > 0 ? (
          <ul aria-label="Introduction requests">
            {requests.data.map((r) => (
              <li key={r.id}>
                {r.from.id === myId ? `You asked ${r.to.name}` : `${r.from.name} asks you`} for an introduction to {r.person.name}
                {r.message ? `: “${r.message}”` : ''} — {r.status}{' '}
                {r.to.id === myId && r.status === 'open' && (
                  <>
                    <button type="button" onClick={() => void answer(r.id, 'accepted')}>
                      I will introduce them
                    </button>{' '}
                    <button type="button" onClick={() => void answer(r.id, 'declined')}>
                      Decline
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>No introduction requests.</p>
        )}
      </section>

      <DanceFloor teamId={id} graph={graph.data} isLead={team.data.myRole === 'lead'} myId={myId} />
      <Goals teamId={id} graph={graph.data} onChange={() => setCheckTick((t) => t + 1)} />
      <TeamCheckView teamId={id} tick={checkTick} />
      <MySharing teamId={id} onChange={refresh} />
    </section>
  );
}

function Paths({ teamId, onAsk }: { teamId: string; onAsk: (personId: string, via: string, name: string) => void }) {
  const [query, setQuery] = useState<string | null>(null);
  const paths = useApi<IntroPath[]>(query === null ? null : `/api/teams/${teamId}/paths?organisation=${encodeURIComponent(query)}`);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get('organisation')));
  };
  return (
    <>
      <form onSubmit={submit}>
        <label>
          Who in the team can introduce me to someone at <input name="organisation" required />
        </label>{' '}
        <button type="submit">Find paths</button>
      </form>
      {paths.data && (
        <ol aria-label="Introduction paths">
          {paths.data.length === 0 && <li>No one the team shares works there.</li>}
          {paths.data.map((p) => (
            <li key={`${p.via.id} ${p.target.key}`}>
              {p.why.text} <span className="next">Next: {p.next}</span>{' '}
              {p.holderItemId && (
                <button type="button" className="link" onClick={() => onAsk(p.holderItemId!, p.via.id, p.target.name)}>
                  Ask
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Goals({ teamId, graph, onChange }: { teamId: string; graph: TeamGraph; onChange: () => void }) {
  const goals = useApi<TeamGoal[]>(`/api/teams/${teamId}/goals`);
  const [error, setError] = useState<string | null>(null);
  const done = () => {
    goals.reload();
    onChange();
  };
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    api(`/api/teams/${teamId}/goals`, { method: 'POST', body: { statement: String(data.get('statement')), needs: { categories: data.getAll('category').map(String), networkKinds: data.getAll('networkKind').map(String) } } })
      .then(() => {
        form.reset();
        done();
      })
      .catch((e: unknown) => setError(message(e)));
  };
  const link = (goalId: string, key: string, relevance: number) =>
    api(`/api/teams/${teamId}/goals/${goalId}/links`, { method: 'PUT', body: { key, relevance } })
      .then(done)
      .catch((e: unknown) => setError(message(e)));
  const items = [...graph.networks.map((n) => ({ key: n.key, name: `${n.name} (network)` })), ...graph.people.map((p) => ({ key: p.key, name: p.name }))];
  return (
    <section className="card" aria-labelledby="goals-h">
      <h2 id="goals-h">Team goals</h2>
      {error && <p role="alert">{error}</p>}
      <ul>
        {goals.data?.map((g) => (
          <li key={g.id}>
            <strong>{g.statement}</strong>
            {g.needs.categories.length + g.needs.networkKinds.length > 0 && <> — needs {[...g.needs.categories, ...g.needs.networkKinds].join(', ')}</>}
            <ul>
              {g.links.map((l) => (
                <li key={l.key}>
                  {l.name} (relevance {l.relevance}){' '}
                  <button type="button" className="link" onClick={() => void link(g.id, l.key, 0)}>
                    Unlink
                  </button>
                </li>
              ))}
            </ul>
            {items.length > 0 && (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  const data = new FormData(event.currentTarget);
                  void link(g.id, String(data.get('key')), Number(data.get('relevance')));
                }}
              >
                <label>
                  Link <select name="key">{items.map((i) => <option key={i.key} value={i.key}>{i.name}</option>)}</select>
                </label>{' '}
                <label>
                  relevance <select name="relevance" defaultValue="3">{[1, 2, 3, 4, 5].map((r) => <option key={r}>{r}</option>)}</select>
                </label>{' '}
                <button type="submit">Link</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add}>
        <label>
          A goal for the team <input name="statement" required maxLength={300} placeholder="Win a research grant" />
        </label>{' '}
        <label>
          needs people who are{' '}
          <select name="category" multiple size={3}>
            {['leader-in-field', 'author-blogger', 'professional-association', 'other-function', 'unrelated-industry', 'department-colleague', 'already-valued', 'social-media'].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          and networks of kind{' '}
          <select name="networkKind" multiple size={3}>
            {['professional-body', 'research-network', 'conference', 'interest-group', 'social-media-community', 'employer', 'alumni', 'own-hub', 'other'].map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Add the goal</button>
      </form>
    </section>
  );
}

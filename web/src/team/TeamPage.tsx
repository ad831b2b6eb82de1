import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Schema } from '../api/client.js';
import { queryError } from '../data/query-state.js';
import { useAddTeamGoal, useAnswerIntroduction, useAskIntroduction, useIntroductionPaths, useLeaveTeam, useLinkTeamGoal, useMakeInvitation, useMe, useTeam, useTeamGoals, useTeamGraph, useTeamIntroductions } from '../data/team.js';
import { errorText } from '../forms/error-text.js';
import { NETWORK_KINDS, PERSON_CATEGORIES } from '../vocabulary.js';
import { DanceFloor } from './DanceFloor.js';
import { MySharing } from './MySharing.js';
import { TeamCheckView } from './TeamCheckView.js';

/** One team: its members, what they share, the team check, goals, introductions, and what I share with it. */
export function TeamPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const team = useTeam(id);
  const graph = useTeamGraph(id);
  const requests = useTeamIntroductions(id);
  const me = useMe();
  const askFor = useAskIntroduction(id);
  const answerRequest = useAnswerIntroduction(id);
  const invitation = useMakeInvitation(id);
  const leaving = useLeaveTeam(id);
  const [invite, setInvite] = useState<string | null>(null);
  const loadError = queryError(team);
  const error = queryError(askFor, answerRequest, invitation, leaving);
  if (loadError) return <p role="alert">{loadError}</p>;
  if (!team.data || !graph.data || !me.data) return <p>Loading…</p>;
  const myId = me.data.account.id;
  const names = new Map(graph.data.members.map((m) => [m.id, m.name]));
  const ask = (personId: string, via: string, name: string) => {
    const note = window.prompt(`What would you like to ask ${names.get(via) ?? 'your teammate'} about ${name}? (optional)`) ?? '';
    askFor.mutate({ via, personId, message: note });
  };
  const answer = (requestId: string, status: 'accepted' | 'declined') => answerRequest.mutate({ requestId, status });
  const makeInvite = () => invitation.mutate(undefined, { onSuccess: (made) => setInvite(`${window.location.origin}${made.path}`) });
  const leave = () => {
    if (window.confirm(`Leave ${team.data.name}? Everything you share with it is withdrawn at once.`)) leaving.mutate(undefined, { onSuccess: () => void navigate('/teams') });
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
            <button type="button" onClick={makeInvite}>
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
                    <button type="button" onClick={() => answer(r.id, 'accepted')}>
                      I will introduce them
                    </button>{' '}
                    <button type="button" onClick={() => answer(r.id, 'declined')}>
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
      <Goals teamId={id} graph={graph.data} />
      <TeamCheckView teamId={id} />
      <MySharing teamId={id} />
    </section>
  );
}

function Paths({ teamId, onAsk }: { teamId: string; onAsk: (personId: string, via: string, name: string) => void }) {
  const [query, setQuery] = useState<string | null>(null);
  const paths = useIntroductionPaths(teamId, query);
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

/** The words among a multiple select's choices that are in `words` (the select offers no others). */
const chosen = <W extends string>(words: readonly W[], values: FormDataEntryValue[]): W[] => words.filter((w) => values.includes(w));

function Goals({ teamId, graph }: { teamId: string; graph: Schema<'TeamGraph'> }) {
  const goals = useTeamGoals(teamId);
  const addGoal = useAddTeamGoal(teamId);
  const linkGoal = useLinkTeamGoal(teamId);
  const failed = addGoal.error ?? linkGoal.error;
  const error = failed ? errorText(failed) : null;
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    addGoal.mutate(
      { statement: String(data.get('statement')), needs: { categories: chosen(PERSON_CATEGORIES, data.getAll('category')), networkKinds: chosen(NETWORK_KINDS, data.getAll('networkKind')) } },
      { onSuccess: () => form.reset() },
    );
  };
  const link = (goalId: string, key: string, relevance: number) => linkGoal.mutate({ goalId, key, relevance });
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
                  <button type="button" className="link" onClick={() => link(g.id, l.key, 0)}>
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
                  link(g.id, String(data.get('key')), Number(data.get('relevance')));
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
            {PERSON_CATEGORIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>{' '}
        <label>
          and networks of kind{' '}
          <select name="networkKind" multiple size={3}>
            {NETWORK_KINDS.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Add the goal</button>
      </form>
    </section>
  );
}

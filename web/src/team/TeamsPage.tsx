import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useNetworks } from '../data/networks.js';
import { queryError } from '../data/query-state.js';
import { useDemoTeam, useJoinTeam, useMakeTeam, useTeams } from '../data/teams.js';
import { errorText as message } from '../forms/error-text.js';
import { useFieldErrors } from '../forms/use-field-errors.js';

/** The teams I am in, and making one. Teams need Waggle on a server, with accounts. */
export function TeamsPage() {
  const navigate = useNavigate();
  const teams = useTeams();
  const makeTeam = useMakeTeam();
  const demoTeam = useDemoTeam();
  const errors = useFieldErrors(['name']);
  const [error, setError] = useState<string | null>(null);
  const failed = queryError(teams);
  if (failed) return <p role="alert">Teams need Waggle on a server, with accounts (waggle serve --public-url …). {failed}</p>;
  if (!teams.data) return <p>Loading…</p>;
  const make = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name'));
    errors.clear();
    makeTeam.mutate(name, { onSuccess: (team) => void navigate(`/teams/${team.id}`), onError: errors.fail });
  };
  return (
    <section>
      <h1>Teams</h1>
      <p>A team sees, together, where and how it is connected: only what each member chooses to share with it.</p>
      {teams.data.length === 0 ? (
        <p>You are in no team yet.</p>
      ) : (
        <ul aria-label="My teams">
          {teams.data.map((t) => (
            <li key={t.id}>
              <Link to={`/teams/${t.id}`}>{t.name}</Link> — {t.members} {t.members === 1 ? 'member' : 'members'}, you are {t.myRole === 'lead' ? 'the lead' : 'a member'}
            </li>
          ))}
        </ul>
      )}
      <p>
        <button
          type="button"
          onClick={() =>
            demoTeam.mutate(undefined, { onSuccess: (team) => void navigate(`/teams/${team.id}`), onError: (e) => setError(message(e)) })
          }
        >
          Try a demo team
        </button>{' '}
        (you lead it, with five made-up teammates, their shares, two goals and a month of news)
      </p>
      <form className="card" onSubmit={make}>
        <h2>Make a team</h2>
        <p>
          <label>
            Team name <input name="name" required maxLength={120} {...errors.invalid('name')} />
          </label>
        </p>
        {errors.message('name')}
        {(errors.general ?? error) && <p role="alert">{errors.general ?? error}</p>}
        <button type="submit">Make the team</button>
      </form>
    </section>
  );
}

/** /team-invite/<token>: join the team the link is for. */
export function TeamInvitePage() {
  const { token } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const networks = useNetworks();
  const joinTeam = useJoinTeam();
  const join = () => joinTeam.mutate(token ?? '', { onSuccess: (team) => void navigate(`/teams/${team.id}`), onError: (e) => setError(message(e)) });
  return (
    <section>
      <h1>Join a team</h1>
      <p>
        You were invited to a team. Joining offers the team your networks (name, kind, your role, strength and hours a month); you can hold any of them back
        at once, on the team's page. People, what you learned and your plan are shared only when you say so, one by one, with a preview of what the team will see.
      </p>
      {networks.data && networks.data.total > 0 && <p>Networks you would offer: {networks.data.items.slice(0, 100).map((n) => n.name).join(', ')}.</p>}
      {error && <p role="alert">{error}</p>}
      <button type="button" onClick={join}>
        Join the team
      </button>
    </section>
  );
}

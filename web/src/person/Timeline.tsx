import { useState, type ReactNode } from 'react';
import { useAccount } from '../account/AccountGate.js';
import { api } from '../api.js';
import { errorText } from '../forms/error-text.js';
import { Link } from 'react-router-dom';
import { spoken } from '../vocabulary.js';
import type { Network, Page } from '../types.js';
import { useApi } from '../use-api.js';
import { ShareLearned } from '../team/ShareLearned.js';
import type { TeamSummary } from '../team/team-types.js';
import type { PersonDetail } from './types.js';

type Entry = { date: string; key: string; body: ReactNode };

/** Exchanges, introductions and open follow-ups with this person, newest first. */
export function Timeline({ detail, onChange }: { detail: PersonDetail; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null);
  // The network an exchange happened at is named, whether or not they are a member.
  const networks = useApi<Page<Network>>('/api/networks');
  // The teams I am in, for "Share with team…": only on a server, as locally there are no accounts and so no teams.
  const account = useAccount();
  const teams = useApi<TeamSummary[]>(account ? '/api/teams' : null);
  const networkName = (networkId: string) => networks.data?.items.find((n) => n.id === networkId)?.name ?? detail.networks.find((n) => n.network.id === networkId)?.network.name;
  const close = (followUpId: string, action: 'done' | 'drop') =>
    api(`/api/follow-ups/${encodeURIComponent(followUpId)}/${action}`, { method: 'POST' }).then(() => (setError(null), onChange()), (e: unknown) => setError(errorText(e)));
  const remove = (path: string, question: string) => {
    if (!window.confirm(question)) return;
    api(path, { method: 'DELETE' }).then(() => (setError(null), onChange()), (e: unknown) => setError(errorText(e)));
  };
  const id = detail.person.id;
  const who = (personId: string | null) =>
    personId === null ? 'you' : personId === id ? detail.person.name : <Link to={`/people/${personId}`}>{detail.names[personId] ?? 'someone removed'}</Link>;
  const entries: Entry[] = [
    ...detail.exchanges.map((e) => ({
      date: e.occurredOn,
      key: e.id,
      body: (
        <>
          {spoken(e.channel)}
          {e.initiatedBy === 'them' ? ', they reached out' : ''}
          {e.networkId && networkName(e.networkId) && (
            <>
              {' '}
              at <Link to={`/networks/${e.networkId}`}>{networkName(e.networkId)}</Link>
            </>
          )}
          {e.feeling && <> · felt {e.feeling}</>}
          {e.gave.length > 0 && <> · gave {e.gave.map((g) => (g.note ? `${g.kind} (${g.note})` : g.kind)).join(', ')}</>}
          {e.received.length > 0 && <> · got {e.received.map((r) => (r.note ? `${r.kind} (${r.note})` : r.kind)).join(', ')}</>}
          {e.learned && (
            <div className="why">
              Learned: {e.learned} {teams.data && <ShareLearned exchangeId={e.id} learned={e.learned} teams={teams.data} />}
            </div>
          )}
          {e.notes && <div className="why">{e.notes}</div>}{' '}
          <button type="button" className="link" aria-label={`Remove the ${e.channel} of ${e.occurredOn}`} onClick={() => remove(`/api/exchanges/${encodeURIComponent(e.id)}`, `Remove the ${e.channel} of ${e.occurredOn}? Its follow-ups go with it.`)}>
            remove
          </button>
        </>
      ),
    })),
    ...detail.introductions.map((i) => ({
      date: i.madeOn,
      key: i.id,
      body: (
        <>
          Introduction: {who(i.byId)} introduced {who(i.personId)} to {who(i.toId)}
          {i.note && <div className="why">{i.note}</div>}{' '}
          <button type="button" className="link" aria-label={`Remove the introduction of ${i.madeOn}`} onClick={() => remove(`/api/introductions/${encodeURIComponent(i.id)}`, `Remove the introduction of ${i.madeOn}?`)}>
            remove
          </button>
        </>
      ),
    })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const open = detail.followUps.filter((f) => f.status === 'open');
  return (
    <section>
      <h2>Timeline</h2>
      {open.length > 0 && (
        <ul className="list">
          {open.map((f) => (
            <li key={f.id}>
              <span className="badge open">follow-up</span> {f.description} <span className="who">by {f.dueOn}</span>{' '}
              <span className="actions inline">
                <button type="button" className="link" aria-label={`Done: ${f.description}`} onClick={() => void close(f.id, 'done')}>
                  done
                </button>
                <button type="button" className="link" aria-label={`Drop: ${f.description}`} onClick={() => void close(f.id, 'drop')}>
                  drop
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {entries.length === 0 && <p>No exchanges yet.</p>}
      {error && <p role="alert">{error}</p>}
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.key}>
            <strong>{e.date}</strong> {e.body}
          </li>
        ))}
      </ol>
    </section>
  );
}

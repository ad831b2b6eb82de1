import type { ReactNode } from 'react';
import { useAccount } from '../account/AccountGate.js';
import { Link } from 'react-router-dom';
import type { Schema } from '../api/client.js';
import { useNetworks } from '../data/networks.js';
import { useCloseFollowUp, useRemoveExchange, useRemoveIntroduction } from '../data/people.js';
import { queryError } from '../data/query-state.js';
import { useTeams } from '../data/teams.js';
import { ShareLearned } from '../team/ShareLearned.js';
import { spoken } from '../vocabulary.js';

type Entry = { date: string; key: string; body: ReactNode };

/** Exchanges, introductions and open follow-ups with this person, newest first. */
export function Timeline({ detail }: { detail: Schema<'PersonDetail'> }) {
  // The network an exchange happened at is named, whether or not they are a member.
  const networks = useNetworks();
  // The teams I am in, for "Share with team…": only on a server, as locally there are no accounts and so no teams.
  const account = useAccount();
  const teams = useTeams(account !== null);
  const closeFollowUp = useCloseFollowUp();
  const removeExchange = useRemoveExchange();
  const removeIntroduction = useRemoveIntroduction();
  // A refusal stays until that kind of change is asked again.
  const error = queryError(closeFollowUp, removeExchange, removeIntroduction);
  const networkName = (networkId: string) => networks.data?.items.find((n) => n.id === networkId)?.name ?? detail.networks.find((n) => n.network.id === networkId)?.network.name;
  const close = (followUpId: string, action: 'done' | 'drop') => closeFollowUp.mutate({ id: followUpId, action });
  const remove = (change: typeof removeExchange | typeof removeIntroduction, id: string, question: string) => {
    if (window.confirm(question)) change.mutate(id);
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
          <button type="button" className="link" aria-label={`Remove the ${e.channel} of ${e.occurredOn}`} onClick={() => remove(removeExchange, e.id, `Remove the ${e.channel} of ${e.occurredOn}? Its follow-ups go with it.`)}>
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
          <button type="button" className="link" aria-label={`Remove the introduction of ${i.madeOn}`} onClick={() => remove(removeIntroduction, i.id, `Remove the introduction of ${i.madeOn}?`)}>
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
                <button type="button" className="link" aria-label={`Done: ${f.description}`} onClick={() => close(f.id, 'done')}>
                  done
                </button>
                <button type="button" className="link" aria-label={`Drop: ${f.description}`} onClick={() => close(f.id, 'drop')}>
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

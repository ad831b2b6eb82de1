import { useState } from 'react';
import { useChangeShare, useShares } from '../data/plan.js';
import { queryError } from '../data/query-state.js';

/**
 * The accountability page and the calendar feed. A link's secret is shown once, when
 * made or rotated (only its hash is stored); revoking works on the next request.
 */
export function Sharing() {
  const shares = useShares();
  const change = useChangeShare();
  const [made, setMade] = useState<{ id: string; url: string } | null>(null);
  const [includeNotes, setIncludeNotes] = useState(false);
  const error = queryError(shares, change);
  const show = (result: { share: { id: string }; path: string } | null) => result && setMade({ id: result.share.id, url: `${window.location.origin}${result.path}` });
  const make = (kind: 'plan' | 'calendar') => change.mutate({ make: { kind, label: kind === 'plan' ? 'Accountability partner' : 'My calendar', ...(kind === 'plan' ? { includeNotes } : {}) } }, { onSuccess: show });
  const active = (shares.data ?? []).filter((s) => s.revokedAt === null);
  return (
    <section className="card">
      <h2>Share and subscribe</h2>
      <p className="why">Links work only while Waggle runs on this machine, and only for someone who can reach it. Nothing is sent anywhere.</p>
      <div className="actions">
        <label className="check">
          <input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} /> Include my notes about people on the shared page
        </label>
        <button type="button" onClick={() => make('plan')}>
          Make an accountability link
        </button>
        <button type="button" className="secondary" onClick={() => make('calendar')}>
          Make a calendar feed
        </button>
      </div>
      {made && (
        <p role="status" className="note">
          Copy it now, it is shown only once: <input readOnly value={made.url} aria-label="The new link" onFocus={(e) => e.target.select()} size={48} />
        </p>
      )}
      {error && <p role="alert">{error}</p>}
      {active.length > 0 && (
        <ul className="list">
          {active.map((s) => (
            <li key={s.id}>
              <strong>{s.kind === 'plan' ? 'Plan page' : 'Calendar feed'}</strong> {s.label && <span className="who">{s.label}</span>} <span className="who">made {s.createdAt.slice(0, 10)}</span>
              {s.includeNotes && <span className="badge">with notes</span>}{' '}
              <button type="button" className="link" onClick={() => change.mutate({ rotate: s.id }, { onSuccess: show })}>
                new address
              </button>{' '}
              <button
                type="button"
                className="link"
                onClick={() => change.mutate({ revoke: s.id }, { onSuccess: () => made?.id === s.id && setMade(null) })}
              >
                revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState } from 'react';
import { Link } from 'react-router-dom';

export interface CaptureProposal {
  key: string;
  kind: 'exchange' | 'stage';
  line: number;
  occurredOn: string;
  channel: string;
  initiatedBy: 'me' | 'them' | 'mutual';
  note: string | null;
  people: { id: string; name: string; matchedBy: 'email' | 'profile' | 'name' }[];
  reason: string;
  decision: 'proposed' | 'logged' | 'declined';
}

export interface CaptureOutcome {
  format: 'calendar' | 'mbox' | 'linkedin-archive';
  dryRun: boolean;
  window: { from: string; to: string };
  items: number;
  summary: { records: number; proposed: number; skipped: number; logged: number; declined: number };
  proposals: CaptureProposal[];
  skipped: { reason: string; count: number; text: string }[];
  lastContacts: { personId: string; name: string; on: string }[];
  warnings: { code: string; message: string; lines: number[] }[];
  contacts?: { records: number; created: number; merged: number; skipped: number };
}

export const isCapture = (outcome: object): outcome is CaptureOutcome => 'proposals' in outcome;

const STARTED: Record<CaptureProposal['initiatedBy'], string> = { me: 'you', them: 'they', mutual: 'both' };
const ITEMS: Record<CaptureOutcome['format'], string> = { calendar: 'events', mbox: 'messages', 'linkedin-archive': 'messages and invitations' };

/**
 * A capture's preview: every proposed exchange with its reason, ticked; the user
 * unticks what did not happen (or should not be in the journal) and logs the
 * rest. Those left unticked are declined and not proposed again.
 */
export function CapturePreview({ preview, busy, onAccept }: { preview: CaptureOutcome; busy: boolean; onAccept: (skip: string[]) => void }) {
  const [declined, setDeclined] = useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setDeclined((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const accepted = preview.proposals.length - declined.size;
  return (
    <section className="card capture-preview">
      <h2>
        {preview.summary.proposed} exchange{preview.summary.proposed === 1 ? '' : 's'} proposed from {preview.items} {ITEMS[preview.format]} ({preview.window.from} to {preview.window.to})
      </h2>
      {preview.warnings.map((w) => (
        <p key={w.message} role="alert" className="import-warning">
          Check before importing: {w.message}.
        </p>
      ))}
      {preview.contacts && (
        <p>
          Connections.csv: {preview.contacts.records} records, {preview.contacts.created} new, {preview.contacts.merged} merged, {preview.contacts.skipped} skipped (imported with the proposals).
        </p>
      )}
      {preview.skipped.length > 0 && <p>Left out: {preview.skipped.map((s) => `${s.count} ${s.text}`).join('; ')}.</p>}
      {preview.proposals.length > 0 && (
        <>
          <p>
            <button type="button" onClick={() => setDeclined(new Set())}>
              Tick all
            </button>{' '}
            <button type="button" onClick={() => setDeclined(new Set(preview.proposals.map((p) => p.key)))}>
              Untick all
            </button>
          </p>
          <div className="table-wrap">
            <table className="people">
              <thead>
                <tr>
                  <th scope="col">Log</th>
                  <th scope="col">When</th>
                  <th scope="col">With</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Started by</th>
                  <th scope="col">Note</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {preview.proposals.map((p) => (
                  <tr key={p.key}>
                    <td>
                      <input type="checkbox" checked={!declined.has(p.key)} onChange={() => toggle(p.key)} aria-label={`Log ${p.occurredOn} with ${p.people.map((x) => x.name).join(', ')}`} />
                    </td>
                    <td>{p.occurredOn}</td>
                    <td>{p.people.map((x) => x.name).join(', ')}</td>
                    <td>{p.kind === 'stage' ? 'to meet → reached out' : p.channel}</td>
                    <td>{STARTED[p.initiatedBy]}</td>
                    <td>{p.note}</td>
                    <td>
                      {p.reason} (line {p.line})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" disabled={busy} onClick={() => onAccept([...declined])}>
            Log {accepted} {preview.format === 'linkedin-archive' ? 'proposal' : 'exchange'}
            {accepted === 1 ? '' : 's'}
            {declined.size > 0 ? `, decline ${declined.size}` : ''}
          </button>
        </>
      )}
      {preview.lastContacts.length > 0 && preview.format === 'mbox' && (
        <details>
          <summary>Last contact by mail, {preview.lastContacts.length} people</summary>
          <ul>
            {preview.lastContacts.slice(0, 200).map((c) => (
              <li key={c.personId}>
                <Link to={`/people/${c.personId}`}>{c.name}</Link>: {c.on}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function CaptureResult({ result }: { result: CaptureOutcome }) {
  const people = new Map(result.proposals.filter((p) => p.decision === 'logged').flatMap((p) => p.people.map((x) => [x.id, x.name] as const)));
  return (
    <section role="status" className="card">
      <p>
        Logged {result.summary.logged} {result.format === 'linkedin-archive' ? 'proposal' : 'exchange'}
        {result.summary.logged === 1 ? '' : 's'}
        {result.summary.declined ? `, declined ${result.summary.declined}` : ''}. Importing this file again proposes none of them twice.
      </p>
      {people.size > 0 && (
        <ul>
          {[...people].slice(0, 50).map(([id, name]) => (
            <li key={id}>
              <Link to={`/people/${id}`}>{name}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useState } from 'react';
import { useAccount } from '../account/AccountGate.js';
import { useEraseEverything, useStorage } from '../data/settings.js';
import { errorText } from '../forms/error-text.js';
import { AccountSettings, DeleteAccountSection } from '../settings/AccountSettings.js';
import { ProfileForm } from '../settings/ProfileForm.js';

const EXPORTS = [
  ['json', 'Full backup (JSON)', 'everything, to restore into an empty data folder'],
  ['csv', 'People (CSV)', 'for a spreadsheet; notes left out'],
  ['vcard', 'People (vCard 4.0)', 'for an address book; notes left out'],
  ['gexf', 'Map (GEXF)', 'for Gephi'],
  ['graphml', 'Map (GraphML)', 'for networkx, yEd, Cytoscape'],
  ['ics', 'Reminders (ICS)', 'next contacts, follow-ups and targets, for a calendar'],
] as const;

/** Settings: where the data lives, taking it out, and erasing it. */
export function SettingsPage() {
  const account = useAccount();
  const storage = useStorage();
  const erase = useEraseEverything();
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section>
      <h1>Settings</h1>
      <section className="card">
        <h2>You</h2>
        <ProfileForm />
      </section>
      {account && <AccountSettings />}
      <section className="card">
        <h2>Where your data lives</h2>
        {storage.data && storage.data.kind !== 'unknown' && (
          <p>
            {storage.data.kind === 'sqlite' ? 'An SQLite file on this computer: ' : storage.data.kind === 'postgres' ? 'A PostgreSQL database: ' : ''}
            <code>{storage.data.location}</code>
          </p>
        )}
        <p className="hint">{account ? 'Your map is yours alone on this server: no other account sees it.' : 'Nothing leaves this machine unless you export it or make a share link.'}</p>
      </section>
      <section className="card">
        <h2>Export and backup</h2>
        <ul className="list">
          {EXPORTS.map(([format, label, hint]) => (
            <li key={format}>
              <a href={`/api/export/${format}`} download>
                {label}
              </a>{' '}
              <span className="hint">{hint}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card danger">
        <h2>Erase everything</h2>
        <p>People, networks, goals, the journal, plans, templates and share links are erased for good. Make a backup first if you may want them back.</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            erase.mutate(confirm, { onSuccess: () => setMessage('Everything is erased.'), onError: (error) => setMessage(errorText(error)) });
          }}
        >
          <label>
            Type “erase everything” to confirm
            <input value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
          </label>{' '}
          <button type="submit" disabled={confirm.trim().toLowerCase() !== 'erase everything'}>
            Erase everything
          </button>
        </form>
        {message && <p role="status">{message}</p>}
      </section>
      {account && <DeleteAccountSection account={account} />}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import type { Account } from '../account/AccountGate.js';
import { useChangePassword, useDeleteAccount, useMakeToken, useRevokeToken, useSessions, useSignOutOthers, useTokens } from '../data/account.js';
import { queryError } from '../data/query-state.js';
import { errorText } from '../forms/error-text.js';
import { FormEnd } from '../forms/fields.js';

/** The phrase the owner types to delete the owner's account (as the server asks for it). */
const LAST_OWNER_CONFIRMATION = 'delete the owner';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—');

/** Server mode only: your password, where you are signed in, and your access tokens. */
export function AccountSettings() {
  return (
    <>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <ChangePassword />
      </section>
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <Sessions />
      </section>
      <section className="card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Access tokens</h2>
        <Tokens />
      </section>
    </>
  );
}

/** Last on the page, after erasing the map: deleting the account erases the map and the account with it. */
export function DeleteAccountSection({ account }: { account: Account }) {
  return (
    <section className="card danger" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete your account</h2>
      <DeleteAccount account={account} />
    </section>
  );
}

function ChangePassword() {
  const change = useChangePassword();
  const [done, setDone] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(null);
    change.mutate(
      { currentPassword: String(data.get('currentPassword')), newPassword: String(data.get('newPassword')) },
      {
        onSuccess: (result) => {
          form.reset();
          setDone(`Your password is changed.${result.sessionsEnded > 0 ? ` ${result.sessionsEnded} other session${result.sessionsEnded === 1 ? '' : 's'} ended.` : ''}`);
        },
      },
    );
  };
  const error = change.error ? errorText(change.error) : null;
  return (
    <form className="edit" aria-label="Change your password" onSubmit={submit}>
      <label>
        Current password
        <input name="currentPassword" type="password" autoComplete="current-password" required />
      </label>
      <label>
        New password (at least 12 characters, not your name or email)
        <input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
      </label>
      <p className="hint">Every other browser signed in to this account is signed out.</p>
      <FormEnd error={error} saveLabel="Change password" />
      {done && <p role="status">{done}</p>}
    </form>
  );
}

function Sessions() {
  const sessions = useSessions();
  const signOutOthers = useSignOutOthers();
  const [message, setMessage] = useState<string | null>(null);
  if (!sessions.data) return sessions.error ? <p role="alert">{queryError(sessions)}</p> : null;
  const others = sessions.data.filter((s) => !s.current).length;
  return (
    <>
      <table aria-label="Your sessions">
        <thead>
          <tr>
            <th>Signed in</th>
            <th>Last seen</th>
            <th>Ends at the latest</th>
            <th>Which</th>
          </tr>
        </thead>
        <tbody>
          {sessions.data.map((s) => (
            <tr key={s.id}>
              <td>{when(s.createdAt)}</td>
              <td>{when(s.lastSeenAt)}</td>
              <td>{when(s.expiresAt)}</td>
              <td>{s.current ? 'this browser' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button
          type="button"
          disabled={others === 0}
          onClick={() =>
            signOutOthers.mutate(undefined, {
              onSuccess: (r) => setMessage(`Signed out ${r.sessionsEnded} other session${r.sessionsEnded === 1 ? '' : 's'}.`),
              onError: (e) => setMessage(errorText(e)),
            })
          }
        >
          Log out everywhere else
        </button>
      </p>
      {message && <p role="status">{message}</p>}
    </>
  );
}

function Tokens() {
  const tokens = useTokens();
  const makeToken = useMakeToken();
  const revokeToken = useRevokeToken();
  const [label, setLabel] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    revokeToken.reset();
    makeToken.mutate(label.trim() || null, { onSuccess: (r) => (setMade(r.token), setLabel('')) });
  };
  const revoke = (id: string) => {
    makeToken.reset();
    revokeToken.mutate(id);
  };
  // The last refusal, of making or revoking a token; reading the list failing says so too.
  const failed = makeToken.error ?? revokeToken.error;
  const error = failed ? errorText(failed) : queryError(tokens);
  return (
    <>
      <p className="hint">
        For scripts and the command line: <code>waggle --server {window.location.origin} person list</code> with the token in <code>WAGGLE_TOKEN</code>. A token opens your whole map: keep it like a password.
      </p>
      {tokens.data && tokens.data.length > 0 && (
        <table aria-label="Your access tokens">
          <thead>
            <tr>
              <th>Label</th>
              <th>Made</th>
              <th>Last used</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id}>
                <td>{t.label ?? '(no label)'}</td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${when(t.revokedAt)}`
                  ) : (
                    <button type="button" className="link" aria-label={`Revoke ${t.label ?? 'the token without a label'}`} onClick={() => revoke(t.id)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="edit" aria-label="Make an access token" onSubmit={create}>
        <label>
          What it is for
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={200} placeholder="e.g. laptop CLI" />
        </label>
        <FormEnd error={error} saveLabel="Make a token" />
      </form>
      {made && (
        <div role="status">
          <p>Your new token, shown only now: copy it somewhere safe.</p>
          <p>
            <code data-testid="new-token">{made}</code>
          </p>
        </div>
      )}
    </>
  );
}

function DeleteAccount({ account }: { account: Account }) {
  const [password, setPassword] = useState('');
  const [confirmOwner, setConfirmOwner] = useState('');
  const deleteAccount = useDeleteAccount();
  const owner = account.role === 'owner';
  const ready = password.length > 0 && (!owner || confirmOwner.trim().toLowerCase() === LAST_OWNER_CONFIRMATION);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    deleteAccount.mutate({ password, ...(owner ? { confirmLastOwner: confirmOwner } : {}) }, { onSuccess: () => window.location.assign('/') });
  };
  const error = deleteAccount.error ? errorText(deleteAccount.error) : null;
  return (
    <>
      <p>
        Your account, and with it your whole map (people, networks, goals, the journal, plans and share links), your sessions and your access tokens, are erased for good. Export a backup first if you may want them back.
      </p>
      {owner && <p>This is the owner's account: afterwards nobody can invite new accounts. Type “{LAST_OWNER_CONFIRMATION}” to confirm that too.</p>}
      <form onSubmit={submit} aria-label="Delete your account">
        <label>
          Your password
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>{' '}
        {owner && (
          <label>
            Type “{LAST_OWNER_CONFIRMATION}”
            <input value={confirmOwner} onChange={(e) => setConfirmOwner(e.target.value)} autoComplete="off" />
          </label>
        )}{' '}
        <button type="submit" className="danger" disabled={!ready}>
          Delete my account
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

import { createContext, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, SIGNED_OUT_EVENT } from '../api.js';

export interface Account {
  email: string;
  name: string;
  role: 'owner' | 'member';
}

const AccountContext = createContext<Account | null>(null);

/** The account signed in (server mode), or null on one's own machine, where there are no accounts. */
export function useAccount(): Account | null {
  return useContext(AccountContext);
}

type Status = { kind: 'loading' } | { kind: 'local' } | { kind: 'signed-out'; needsOwner: boolean; expired?: boolean } | { kind: 'signed-in'; account: Account } | { kind: 'error'; message: string };

/**
 * On a server (waggle serve --public-url), the app opens only for a signed-in
 * account: this asks who you are first, or makes the owner's account with the setup
 * code, or an account from an invitation link. Locally there are no accounts, and
 * the app opens at once, as it always has.
 */
/** Served on one's own machine (the server says so in the page): no accounts, nothing to ask first. */
const LOCAL = document.querySelector('meta[name="waggle-mode"]')?.getAttribute('content') === 'local';

export function AccountGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(LOCAL ? { kind: 'local' } : { kind: 'loading' });
  const load = () => {
    if (LOCAL) return;
    fetch('/api/auth/status')
      .then(async (response) => {
        if (!response.ok) throw new Error(`The server answered ${response.status}`);
        const data = (await response.json()) as { mode: 'local' | 'server'; account: Account | null; needsOwner: boolean };
        if (data.mode === 'local') return setStatus({ kind: 'local' });
        setStatus(data.account ? { kind: 'signed-in', account: data.account } : { kind: 'signed-out', needsOwner: data.needsOwner });
      })
      .catch((error: unknown) => setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
  };
  useEffect(load, []);
  // A session that ended while the page was open (expired, or ended from another browser): back to
  // signing in, at the same address, so the page comes back once signed in again.
  useEffect(() => {
    const signedOut = () => setStatus((current) => (current.kind === 'signed-in' ? { kind: 'signed-out', needsOwner: false, expired: true } : current));
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, []);

  if (status.kind === 'loading') return <p>Loading…</p>;
  if (status.kind === 'error') return <p role="alert">{status.message}</p>;
  if (status.kind === 'local') return <>{children}</>;
  if (status.kind === 'signed-in') {
    return (
      <>
        <div className="account-bar">
          Signed in as {status.account.name} ({status.account.email}){' '}
          <button type="button" className="link" onClick={() => void api('/api/auth/sign-out', { method: 'POST' }).then(load)}>
            Sign out
          </button>{' '}
          <button type="button" className="link" onClick={() => void api('/api/auth/sign-out-everywhere', { method: 'POST' }).then(load)}>
            Sign out everywhere
          </button>
        </div>
        <AccountContext.Provider value={status.account}>{children}</AccountContext.Provider>
      </>
    );
  }
  const invite = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname)?.[1];
  if (invite) return <AccountForm kind="invite" path={`/api/auth/invitations/${invite}/accept`} done={() => (window.location.href = '/')} />;
  if (status.needsOwner && window.location.pathname === '/setup') return <AccountForm kind="setup" path="/api/auth/setup" done={() => (window.location.href = '/')} />;
  return <SignIn done={load} needsOwner={status.needsOwner} expired={status.expired === true} />;
}

function SignIn({ done, needsOwner, expired }: { done: () => void; needsOwner: boolean; expired: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    api('/api/auth/sign-in', { method: 'POST', body: { email: String(form.get('email')), password: String(form.get('password')) } })
      .then(done)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };
  return (
    <main id="main" className="shell">
      <h1>Sign in to Waggle</h1>
      {expired && <p role="status">Your session has ended. Sign in again to go on where you were.</p>}
      {needsOwner && <p>No account yet: the owner makes theirs at <a href="/setup">/setup</a> with the code the server printed.</p>}
      <form className="card" onSubmit={submit}>
        <p>
          <label>
            Email <input name="email" type="email" autoComplete="username" required />
          </label>
        </p>
        <p>
          <label>
            Password <input name="password" type="password" autoComplete="current-password" required />
          </label>
        </p>
        {error && <p role="alert">{error}</p>}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}

function AccountForm({ kind, path, done }: { kind: 'setup' | 'invite'; path: string; done: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { email: String(form.get('email')), name: String(form.get('name')), password: String(form.get('password')), ...(kind === 'setup' ? { code: String(form.get('code')) } : {}) };
    api(path, { method: 'POST', body })
      .then(done)
      .catch((e: unknown) => setError(e instanceof ApiError ? (e.field ? `${e.field}: ${e.message}` : e.message) : String(e)));
  };
  return (
    <main id="main" className="shell">
      <h1>{kind === 'setup' ? 'Make the owner\'s account' : 'Make your Waggle account'}</h1>
      <form className="card" onSubmit={submit}>
        {kind === 'setup' && (
          <p>
            <label>
              Setup code (printed by <code>waggle serve</code>) <input name="code" required autoComplete="off" />
            </label>
          </p>
        )}
        <p>
          <label>
            Your name <input name="name" required autoComplete="name" />
          </label>
        </p>
        <p>
          <label>
            Email <input name="email" type="email" required autoComplete="username" />
          </label>
        </p>
        <p>
          <label>
            Password (at least 12 characters, not your name or email) <input name="password" type="password" minLength={12} required autoComplete="new-password" />
          </label>
        </p>
        {error && <p role="alert">{error}</p>}
        <button type="submit">Make the account</button>
      </form>
    </main>
  );
}

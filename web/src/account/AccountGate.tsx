import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, SIGNED_OUT_EVENT, type Schema } from '../api/client.js';
import { useAcceptInvitation, useAuthStatus, useSetUp, useSignIn, useSignOut } from '../data/account.js';
import { queryKeys } from '../data/keys.js';
import { createQueryClient } from '../data/query-client.js';

export type Account = Schema<'Account'>;

const AccountContext = createContext<Account | null>(null);

/** The account signed in (server mode), or null on one's own machine, where there are no accounts. */
export function useAccount(): Account | null {
  return useContext(AccountContext);
}

/** Served on one's own machine (the server says so in the page): no accounts, nothing to ask first. */
const LOCAL = document.querySelector('meta[name="waggle-mode"]')?.getAttribute('content') === 'local';

/**
 * On a server (waggle serve --public-url), the app opens only for a signed-in
 * account: this asks who you are first, or makes the owner's account with the setup
 * code, or an account from an invitation link. Locally there are no accounts, and
 * the app opens at once, as it always has. Who is signed in is kept on a cache of
 * the gate's own: the app's (DataProvider, inside) lives only while someone is.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const [queries] = useState(createQueryClient);
  if (LOCAL) return <>{children}</>;
  return (
    <QueryClientProvider client={queries}>
      <Gate>{children}</Gate>
    </QueryClientProvider>
  );
}

function Gate({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const status = useAuthStatus(true);
  const signOut = useSignOut();
  const [expired, setExpired] = useState(false);
  // A session that ended while the page was open (expired, or ended from another browser): back to
  // signing in, at the same address, so the page comes back once signed in again.
  useEffect(() => {
    const signedOut = () => {
      const now = queries.getQueryData<Schema<'AccountStatus'>>(queryKeys.authStatus);
      if (!now?.account) return;
      setExpired(true);
      queries.setQueryData<Schema<'AccountStatus'>>(queryKeys.authStatus, { ...now, account: null, needsOwner: false });
    };
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, [queries]);

  if (status.error) return <p role="alert">{status.error.message}</p>;
  if (!status.data) return <p>Loading…</p>;
  const { mode, account, needsOwner } = status.data;
  if (mode === 'local') return <>{children}</>;
  if (account) {
    return (
      <>
        <div className="account-bar">
          Signed in as {account.name} ({account.email}){' '}
          <button type="button" className="link" onClick={() => signOut.mutate(false)}>
            Sign out
          </button>{' '}
          <button type="button" className="link" onClick={() => signOut.mutate(true)}>
            Sign out everywhere
          </button>
        </div>
        <AccountContext.Provider value={account}>{children}</AccountContext.Provider>
      </>
    );
  }
  const invite = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(window.location.pathname)?.[1];
  if (invite) return <InvitationForm token={invite} />;
  if (needsOwner && window.location.pathname === '/setup') return <SetupForm />;
  return <SignIn needsOwner={needsOwner} expired={expired} signedIn={() => setExpired(false)} />;
}

function SignIn({ needsOwner, expired, signedIn }: { needsOwner: boolean; expired: boolean; signedIn: () => void }) {
  const signIn = useSignIn();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate({ email: String(form.get('email')), password: String(form.get('password')) }, { onSuccess: signedIn });
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
        {signIn.error && <p role="alert">{signIn.error.message}</p>}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}

/** The fields both account forms ask for. */
function accountFields(form: FormData) {
  return { email: String(form.get('email')), name: String(form.get('name')), password: String(form.get('password')) };
}

function SetupForm() {
  const setUp = useSetUp();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setUp.mutate({ ...accountFields(form), code: String(form.get('code')) }, { onSuccess: () => (window.location.href = '/') });
  };
  return <AccountForm kind="setup" onSubmit={submit} error={setUp.error} />;
}

function InvitationForm({ token }: { token: string }) {
  const accept = useAcceptInvitation(token);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    accept.mutate(accountFields(new FormData(event.currentTarget)), { onSuccess: () => (window.location.href = '/') });
  };
  return <AccountForm kind="invite" onSubmit={submit} error={accept.error} />;
}

function AccountForm({ kind, onSubmit, error }: { kind: 'setup' | 'invite'; onSubmit: (event: FormEvent<HTMLFormElement>) => void; error: Error | null }) {
  return (
    <main id="main" className="shell">
      <h1>{kind === 'setup' ? "Make the owner's account" : 'Make your Waggle account'}</h1>
      <form className="card" onSubmit={onSubmit}>
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
        {error && <p role="alert">{error instanceof ApiError && error.field ? `${error.field}: ${error.message}` : error.message}</p>}
        <button type="submit">Make the account</button>
      </form>
    </main>
  );
}

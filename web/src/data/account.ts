import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';
import { queryKeys } from './keys.js';

/*
 * Accounts (server mode): who is signed in, signing in and out, the owner's setup and an invitation's
 * account, the password, sessions, access tokens and deleting the account. Who is signed in is asked
 * by the account gate on a cache of its own (account/AccountGate.tsx), outside the session's
 * (DataProvider), which the gate unmounts on signing out, so that the next account never sees what
 * the last one was shown.
 */

/** Whether this browser is signed in; `enabled` false (a local server says so in the page) asks nothing. */
export function useAuthStatus(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.authStatus, queryFn: () => unwrap(client.GET('/api/auth/status')), enabled });
}

/** After signing in or out: the gate asks again who is signed in. */
function useAfterAccountChange() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: queryKeys.authStatus });
}

export function useSignIn() {
  const changed = useAfterAccountChange();
  return useMutation({ mutationFn: (body: JsonBody<'/api/auth/sign-in', 'post'>) => unwrap(client.POST('/api/auth/sign-in', { body })), onSuccess: changed });
}

/** Signs this browser out, or every browser of the account (`everywhere`). */
export function useSignOut() {
  const changed = useAfterAccountChange();
  return useMutation({
    mutationFn: async (everywhere: boolean): Promise<void> => {
      if (everywhere) await unwrap(client.POST('/api/auth/sign-out-everywhere'));
      else await unwrap(client.POST('/api/auth/sign-out'));
    },
    onSuccess: changed,
  });
}

/** The owner's account, made with the code the server printed. */
export function useSetUp() {
  return useMutation({ mutationFn: (body: JsonBody<'/api/auth/setup', 'post'>) => unwrap(client.POST('/api/auth/setup', { body })) });
}

/** An account made from an invitation link. */
export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: JsonBody<'/api/auth/invitations/{token}/accept', 'post'>) => unwrap(client.POST('/api/auth/invitations/{token}/accept', { params: { path: { token } }, body })),
  });
}

/** A new password; every other session ends (the sessions listed are stale). */
export function useChangePassword() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: JsonBody<'/api/auth/password', 'post'>) => unwrap(client.POST('/api/auth/password', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}

export function useSessions() {
  return useQuery({ queryKey: queryKeys.sessions, queryFn: () => unwrap(client.GET('/api/auth/sessions')) });
}

export function useSignOutOthers() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.POST('/api/auth/sign-out-others', { body: {} })),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.sessions }),
  });
}

export function useTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: () => unwrap(client.GET('/api/auth/tokens')) });
}

export function useMakeToken() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (label: string | null) => unwrap(client.POST('/api/auth/tokens', { body: { label } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

/** Deletes the account and its whole map; the page then goes home, signed out. */
export function useDeleteAccount() {
  return useMutation({ mutationFn: (body: JsonBody<'/api/auth/account/delete', 'post'>) => unwrap(client.POST('/api/auth/account/delete', { body })) });
}

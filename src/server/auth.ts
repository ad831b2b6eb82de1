import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  acceptInvitation,
  countAccounts,
  createAccount,
  createAccessToken,
  createInvitation,
  listAccessTokens,
  resolveAccessToken,
  resolveSession,
  revokeAccessToken,
  SESSION_ABSOLUTE_MS,
  SignInError,
  signIn,
  signOut,
  signOutEverywhere,
  TooManyAttemptsError,
  type AccountsDeps,
  type Principal,
} from '../services/accounts.js';
import { changePassword, checkPassword, deleteAccount, LAST_OWNER_CONFIRMATION, listSessions, signOutOtherSessions } from '../services/account-settings.js';
import type { ServiceContext } from '../services/context.js';
import { workspaceTimeZone } from '../services/workspace.js';
import { created, idParam, jsonBody, ok } from './routes/shared.js';

/**
 * Server mode: who is asking. A session cookie (set by signing in) or a personal
 * access token (`Authorization: Bearer wgl_…`) names an account; every route then
 * acts in that account's workspace, and only there. Without one, only the health
 * check, the API description, the vocabulary, signing in, accepting an invitation,
 * and what a share token opens (`/share/…`, `/feeds/…`) answer; the rest is 401.
 */

export interface AuthOptions {
  deps: AccountsDeps;
  /** Behind TLS (an https public URL): the cookie is `__Host-waggle`, Secure. */
  secure: boolean;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy you run). */
  trustProxy: boolean;
  /**
   * While there is no account: the one-time code (printed by `waggle serve`) that lets
   * a browser make the owner's account at /setup. Without it, whoever reached a new
   * server first would own it.
   */
  setupCode?: string | null;
}

interface RequestScope {
  principal: Principal | null;
  timeZone: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** A workspace id no account has: what a request without an account acts in, so that nothing is found. */
export const NO_WORKSPACE = '-no-workspace-';

/** The services' context for the request being answered: its account's workspace, or none. */
export function scopedContext(base: ServiceContext): () => ServiceContext {
  return () => {
    const current = scope.getStore();
    if (!current?.principal) return { ...base, workspaceId: NO_WORKSPACE };
    return { ...base, workspaceId: current.principal.account.workspaceId, timeZone: current.timeZone };
  };
}

export const cookieName = (secure: boolean) => (secure ? '__Host-waggle' : 'waggle_session');

const OPEN_API_PATHS = new Set(['/api/health', '/api/openapi.json', '/api/vocabulary', '/api/auth/sign-in', '/api/auth/status', '/api/auth/setup']);
const isOpen = (path: string) => !path.startsWith('/api/') || OPEN_API_PATHS.has(path) || /^\/api\/auth\/invitations\/[^/]+\/accept$/.test(path);

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').pop()?.trim();
    if (last) return last;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

export function authenticate(options: AuthOptions): MiddlewareHandler {
  return async (c, next) => {
    let principal: Principal | null = null;
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer) principal = await resolveAccessToken(options.deps, bearer);
    else {
      const cookie = getCookie(c, cookieName(options.secure));
      if (cookie) principal = await resolveSession(options.deps, cookie);
    }
    if (!principal && !isOpen(c.req.path)) {
      const message = bearer ? 'This access token is not valid (it may have been revoked)' : 'Sign in first';
      return c.json({ error: { code: 'unauthorized', message } }, 401);
    }
    const timeZone = principal ? await workspaceTimeZone(options.deps.db, principal.account.workspaceId, options.deps.defaultTimeZone) : options.deps.defaultTimeZone;
    await scope.run({ principal, timeZone }, () => next());
  };
}

function principalOf(): Principal {
  const principal = scope.getStore()?.principal;
  if (!principal) throw new Error('no account for this request');
  return principal;
}

/** The account signed in for the request being answered, and its time zone (server mode; routes behind authentication only). */
export function currentCaller(): { account: Principal['account']; via: Principal['via']; timeZone: string } {
  const store = scope.getStore();
  const principal = principalOf();
  return { account: principal.account, via: principal.via, timeZone: store?.timeZone ?? 'UTC' };
}

/** Minting credentials needs a signed-in person: a leaked token must not make itself new ones. */
function sessionOnly(c: Context) {
  return principalOf().via === 'session' ? null : c.json({ error: { code: 'forbidden', message: 'Sign in with your password to make tokens or invitations; an access token cannot' } }, 403);
}

const accountOutput = z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(['owner', 'member']), workspaceId: z.string(), createdAt: z.string() }).meta({ id: 'Account' });
const tokenOutput = z.object({ id: z.string(), label: z.string().nullable(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() }).meta({ id: 'AccessToken' });
const newAccountInput = z.object({ email: z.string().max(320), name: z.string().max(200), password: z.string().max(1024) }).strict();
const tags = ['Accounts'];
const statusOutput = z.object({ mode: z.enum(['local', 'server']), account: z.union([accountOutput, z.null()]).meta({ description: 'the account signed in, or null' }), needsOwner: z.boolean() }).meta({ id: 'AccountStatus' });

/** Locally there are no accounts: the app opens at once. The same route says so, so the web app asks one question either way. */
export function registerLocalStatusRoute(app: OpenAPIHono): void {
  app.openapi(
    createRoute({ method: 'get', path: '/api/auth/status', tags, summary: 'Local mode: no accounts; the app opens at once', responses: ok(statusOutput, 'The status') }),
    (c) => c.json({ mode: 'local' as const, account: null, needsOwner: false }, 200),
  );
}

export function registerAuthRoutes(app: OpenAPIHono, options: AuthOptions): void {
  const { deps } = options;
  const startSession = (c: Context, token: string) =>
    setCookie(c, cookieName(options.secure), token, { path: '/', httpOnly: true, secure: options.secure, sameSite: 'Lax', maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000) });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/sign-in',
      tags,
      summary: 'Sign in with email and password; sets the session cookie. Throttled per account and per address (429 with Retry-After).',
      request: jsonBody(z.object({ email: z.string().max(320), password: z.string().max(1024) }).strict()),
      responses: ok(z.object({ account: accountOutput, expiresAt: z.string() }), 'Signed in'),
    }),
    async (c) => {
      const input = c.req.valid('json');
      try {
        const signed = await signIn(deps, { ...input, address: clientAddress(c, options.trustProxy) });
        startSession(c, signed.token);
        return c.json({ account: signed.account, expiresAt: signed.expiresAt }, 200);
      } catch (error) {
        if (error instanceof TooManyAttemptsError) {
          c.header('Retry-After', String(error.retryAfterSeconds));
          return c.json({ error: { code: 'too_many_attempts', message: error.message } }, 429) as never;
        }
        if (error instanceof SignInError) return c.json({ error: { code: 'unauthorized', message: error.message } }, 401) as never;
        throw error;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/status',
      tags,
      summary: 'Server mode: whether this browser is signed in, and whether the owner\'s account is still to be made',
      responses: ok(statusOutput, 'The status'),
    }),
    async (c) => {
      const principal = scope.getStore()?.principal ?? null;
      return c.json({ mode: 'server' as const, account: principal?.account ?? null, needsOwner: (await countAccounts(deps.db)) === 0 }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/setup',
      tags,
      summary: 'Make the owner\'s account, once, with the code `waggle serve` printed; signs in',
      request: jsonBody(newAccountInput.extend({ code: z.string().max(200) }).strict()),
      responses: created(z.object({ account: accountOutput }), 'The owner\'s account'),
    }),
    async (c) => {
      const { code, ...input } = c.req.valid('json');
      const digest = (text: string) => createHash('sha256').update(text).digest();
      const expected = options.setupCode;
      if (!expected || !timingSafeEqual(digest(code.trim()), digest(expected)) || (await countAccounts(deps.db)) > 0) {
        return c.json({ error: { code: 'forbidden', message: 'That is not the setup code, or the owner\'s account exists already' } }, 403) as never;
      }
      const account = await createAccount(deps, input);
      options.setupCode = null;
      const signed = await signIn(deps, { email: account.email, password: input.password, address: clientAddress(c, options.trustProxy) });
      startSession(c, signed.token);
      return c.json({ account }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/auth/me', tags, summary: 'The account signed in', responses: ok(z.object({ account: accountOutput, via: z.enum(['session', 'token']) }), 'The account') }),
    (c) => {
      const p = principalOf();
      return c.json({ account: p.account, via: p.via }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/auth/sign-out', tags, summary: 'End this session', responses: ok(z.object({ signedOut: z.boolean() }), 'Signed out') }),
    async (c) => {
      const p = principalOf();
      if (p.via === 'session') await signOut(deps, p.credentialId);
      deleteCookie(c, cookieName(options.secure), { path: '/', secure: options.secure });
      return c.json({ signedOut: true }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/auth/sign-out-everywhere', tags, summary: 'End every session of this account (access tokens are revoked one by one)', responses: ok(z.object({ sessionsEnded: z.number() }), 'Signed out everywhere') }),
    async (c) => {
      const ended = await signOutEverywhere(deps, principalOf().account.id);
      deleteCookie(c, cookieName(options.secure), { path: '/', secure: options.secure });
      return c.json({ sessionsEnded: ended }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/api/auth/tokens', tags, summary: 'Your personal access tokens (never the tokens themselves)', responses: ok(z.array(tokenOutput), 'The tokens') }),
    async (c) => c.json(await listAccessTokens(deps.db, principalOf().account.id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/tokens',
      tags,
      summary: 'Make a personal access token for scripts and the CLI (Authorization: Bearer …); shown once',
      request: jsonBody(z.object({ label: z.string().max(200).nullable().optional() }).strict()),
      responses: created(z.object({ token: z.string(), accessToken: tokenOutput }), 'The token, shown once'),
    }),
    async (c) => {
      const refused = sessionOnly(c);
      if (refused) return refused as never;
      return c.json(await createAccessToken(deps, principalOf().account.id, c.req.valid('json').label ?? null), 201);
    },
  );

  app.openapi(
    createRoute({ method: 'delete', path: '/api/auth/tokens/{id}', tags, summary: 'Revoke a personal access token, at once', request: { params: idParam() }, responses: ok(z.object({ revoked: z.boolean() }), 'Revoked') }),
    async (c) => {
      await revokeAccessToken(deps, principalOf().account.id, c.req.valid('param').id);
      return c.json({ revoked: true }, 200);
    },
  );

  registerAccountSettingsRoutes(app, options);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/invitations',
      tags,
      summary: 'Invite someone (the owner only): a link for one account, valid seven days',
      request: jsonBody(z.object({}).strict()),
      responses: created(z.object({ path: z.string(), expiresAt: z.string() }), 'The invitation link, shown once'),
    }),
    async (c) => {
      const refused = sessionOnly(c);
      if (refused) return refused as never;
      const made = await createInvitation(deps, principalOf().account);
      return c.json({ path: `/invite/${made.token}`, expiresAt: made.expiresAt }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/invitations/{token}/accept',
      tags,
      summary: 'Make an account from an invitation (single use) and sign in',
      request: { params: z.object({ token: z.string().max(200) }), ...jsonBody(newAccountInput) },
      responses: created(z.object({ account: accountOutput }), 'The account'),
    }),
    async (c) => {
      const account = await acceptInvitation(deps, c.req.valid('param').token, c.req.valid('json'));
      const signed = await signIn(deps, { email: account.email, password: c.req.valid('json').password, address: clientAddress(c, options.trustProxy) });
      startSession(c, signed.token);
      return c.json({ account }, 201);
    },
  );
}

/** Too many wrong passwords: 429 with Retry-After, as signing in answers; any other error goes on to the error handler. */
function tooManyAttempts(c: Context, error: unknown): Response {
  if (!(error instanceof TooManyAttemptsError)) throw error;
  c.header('Retry-After', String(error.retryAfterSeconds));
  return c.json({ error: { code: 'too_many_attempts', message: error.message } }, 429);
}

const sessionOutput = z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), current: z.boolean() }).meta({ id: 'AccountSession' });

/** Account settings: the password, one's sessions, and deleting the account with its workspace. */
function registerAccountSettingsRoutes(app: OpenAPIHono, options: AuthOptions): void {
  const { deps } = options;
  const currentSessionId = () => {
    const p = principalOf();
    return p.via === 'session' ? p.credentialId : null;
  };

  app.openapi(
    createRoute({ method: 'get', path: '/api/auth/sessions', tags, summary: 'Your sessions still open (which browsers are signed in), newest first', responses: ok(z.array(sessionOutput), 'The sessions') }),
    async (c) => c.json(await listSessions(deps, principalOf().account.id, currentSessionId()), 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/api/auth/sign-out-others', tags, summary: 'End every session of this account but this one', request: jsonBody(z.object({}).strict()), responses: ok(z.object({ sessionsEnded: z.number() }), 'The other sessions ended') }),
    async (c) => {
      const current = currentSessionId();
      if (!current) return c.json({ error: { code: 'forbidden', message: 'Sign in with your password to end your other sessions' } }, 403) as never;
      return c.json({ sessionsEnded: await signOutOtherSessions(deps, principalOf().account.id, current) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password',
      tags,
      summary: 'Change your password (the current one required; the rules of signing up); every other session ends',
      request: jsonBody(z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }).strict()),
      responses: ok(z.object({ sessionsEnded: z.number() }), 'Changed'),
    }),
    async (c) => {
      const input = c.req.valid('json');
      try {
        return c.json(await changePassword(deps, principalOf().account.id, { ...input, keepSessionId: currentSessionId() }), 200);
      } catch (error) {
        return tooManyAttempts(c, error) as never;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/account/delete',
      tags,
      summary: `Delete your account and erase its whole workspace, with your password typed again. The owner's account needs "confirmLastOwner": "${LAST_OWNER_CONFIRMATION}".`,
      request: jsonBody(z.object({ password: z.string().max(1024), confirmLastOwner: z.string().max(100).optional() }).strict()),
      responses: ok(z.object({ deleted: z.boolean() }), 'Deleted and erased'),
    }),
    async (c) => {
      const input = c.req.valid('json');
      const account = principalOf().account;
      try {
        await checkPassword(deps, account.id, input.password, 'password');
      } catch (error) {
        return tooManyAttempts(c, error) as never;
      }
      await deleteAccount(deps, account, { lastOwner: input.confirmLastOwner?.trim().toLowerCase() === LAST_OWNER_CONFIRMATION });
      deleteCookie(c, cookieName(options.secure), { path: '/', secure: options.secure });
      return c.json({ deleted: true }, 200);
    },
  );
}

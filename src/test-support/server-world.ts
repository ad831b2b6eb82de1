import { beforeAll, expect } from 'vitest';
import { createApi, type Api } from '../server/app.js';
import { scopedContext } from '../server/auth.js';
import { createAccount, type Account, type AccountsDeps } from '../services/accounts.js';
import { randomIds } from '../services/context.js';
import type { Dialect } from './databases.js';
import { freshSession } from './fresh-session.js';

export const PUBLIC = 'https://waggle.example.org';
const HOST = 'waggle.example.org';

export interface CallInit {
  method?: string;
  body?: unknown;
  /** A body sent as it is, with its type (a photo upload), instead of JSON. */
  raw?: { type: string; bytes: Uint8Array };
  cookie?: string;
  token?: string;
  /** Where the request comes from (X-Forwarded-For, trusted behind the proxy): throttles count per address. */
  address?: string;
}

/** Server mode in-process for a suite: an https public URL, a clock the test moves, a fresh database of the given kind. */
export function serverWorld(kind: Dialect, start = '2026-11-22T10:00:00Z') {
  const clock = {
    at: Date.parse(start),
    now() {
      return new Date(this.at);
    },
  };
  const world = freshSession(kind, { clock, ids: 'random' });
  let api: Api | undefined;
  let deps: AccountsDeps | undefined;
  beforeAll(() => {
    deps = { db: world.session.ctx.db, clock, ids: randomIds, defaultTimeZone: 'UTC' };
    api = createApi(scopedContext(world.session.ctx), undefined, { edge: { port: 4747, publicUrl: PUBLIC }, auth: { deps, secure: true, trustProxy: true } });
  });
  const call = async (path: string, init: CallInit = {}) => {
    const headers: Record<string, string> = { host: HOST, 'x-forwarded-for': init.address ?? '203.0.113.7' };
    const method = init.method ?? 'GET';
    if (method !== 'GET') headers.origin = PUBLIC;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.raw) headers['content-type'] = init.raw.type;
    if (init.cookie) headers.cookie = `__Host-waggle=${init.cookie}`;
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const body = init.raw ? { body: init.raw.bytes as Uint8Array<ArrayBuffer> } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {};
    return api!.request(path, { method, headers, ...body });
  };
  /** A JSON call that must answer `status`. */
  const json = async <T = unknown>(status: number, path: string, init: CallInit = {}): Promise<T> => {
    const response = await call(path, init);
    const text = await response.text();
    expect(response.status, `${init.method ?? 'GET'} ${path}: ${text}`).toBe(status);
    return (text ? JSON.parse(text) : null) as T;
  };
  const signIn = async (who: { email: string; password: string }, address?: string): Promise<string> => {
    const response = await call('/api/auth/sign-in', { method: 'POST', body: { email: who.email, password: who.password }, ...(address ? { address } : {}) });
    expect(response.status, await response.clone().text()).toBe(200);
    return /__Host-waggle=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
  };
  const accountWithSession = async (who: { email: string; name: string; password: string }): Promise<{ account: Account; cookie: string }> => {
    const account = await createAccount(deps!, who);
    return { account, cookie: await signIn(who) };
  };
  return {
    clock,
    call,
    json,
    accountWithSession,
    signIn,
    get deps() {
      return deps!;
    },
    get api() {
      return api!;
    },
  };
}

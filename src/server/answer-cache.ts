import type { MiddlewareHandler } from 'hono';
import { today, type ServiceContext } from '../services/context.js';
import { currentDataVersion } from '../services/data-version.js';
import { bytesSent } from './gzip.js';

/**
 * The reads a page repeats (a page of people, a person, what is due, the plan), answered
 * once per version of the data and kept, zipped as sent, for the requests that ask the
 * same until anything is written. The version (storage/data-version.ts) changes with
 * every write through this server and every commit by another process (the CLI on the
 * same SQLite file) or another server (PostgreSQL), and it is read before the answer is
 * worked out, so a kept answer is never older than its version. The key holds the
 * workspace, today's date in its time zone (what is due moves at midnight), the whole
 * URL and whether the client takes gzip. Only successful JSON answers are kept, each at
 * most MAX_ENTRY_BYTES, and the whole at most MAX_BYTES, oldest used out first.
 */
const MAX_BYTES = 24 * 1024 * 1024;
const MAX_ENTRY_BYTES = 1024 * 1024;

/** GET routes whose answers follow from the workspace's data, today's date and the URL alone. */
const KEPT_PATHS = /^\/api\/(?:people|people\/[^/]+|due|plan|networks|networks\/[^/]+|goals|goals\/[^/]+)$/;

interface Kept {
  version: string;
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

export class AnswerCache {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  get(key: string, version: string): Kept | undefined {
    const hit = this.kept.get(key);
    if (!hit) return undefined;
    this.kept.delete(key);
    if (hit.version !== version) {
      this.bytes -= hit.body.byteLength;
      return undefined;
    }
    // Used again: to the back of the line (a Map keeps insertion order).
    this.kept.set(key, hit);
    return hit;
  }

  set(key: string, entry: Kept): void {
    if (entry.body.byteLength > MAX_ENTRY_BYTES) return;
    const old = this.kept.get(key);
    if (old) {
      this.bytes -= old.body.byteLength;
      this.kept.delete(key);
    }
    this.kept.set(key, entry);
    this.bytes += entry.body.byteLength;
    for (const [oldest, value] of this.kept) {
      if (this.bytes <= MAX_BYTES) break;
      this.kept.delete(oldest);
      this.bytes -= value.body.byteLength;
    }
  }

  get size(): number {
    return this.kept.size;
  }
}

export function keepAnswers(context: () => ServiceContext, cache = new AnswerCache()): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' || !KEPT_PATHS.test(c.req.path)) return next();
    const ctx = context();
    const url = new URL(c.req.url);
    const key = `${ctx.workspaceId}\u0000${today(ctx)}\u0000${ctx.timeZone}\u0000${url.pathname}${url.search}\u0000${c.req.header('accept-encoding') ?? ''}`;
    const version = await currentDataVersion(ctx);
    const hit = cache.get(key, version);
    if (hit) return c.body(hit.body as Uint8Array<ArrayBuffer>, hit.status as 200, Object.fromEntries(hit.headers));
    await next();
    const res = c.res;
    if (res.status !== 200 || !/^application\/json\s*(?:;|$)/i.test(res.headers.get('content-type') ?? '') || res.headers.has('set-cookie')) return;
    const body = bytesSent(res) ?? new Uint8Array(await res.clone().arrayBuffer());
    cache.set(key, { version, status: res.status, headers: [...res.headers], body });
  };
}

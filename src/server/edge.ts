import type { Context, MiddlewareHandler } from 'hono';

/**
 * The edge: what every request must show before it reaches a route, and what every
 * response carries. The server holds data about other people, so a web page on any
 * other origin must be able neither to read it nor to change it:
 *
 * - **Host**: only names of this server are accepted (127.0.0.1, localhost and [::1]
 *   on the port it listens on, and the public URL's host when one is configured), so
 *   a DNS-rebinding page (evil.example resolving to 127.0.0.1) is refused with 421.
 * - **Origin** on every state-changing request (POST, PUT, PATCH, DELETE): an
 *   `Origin` header must be this server's own origin (403 otherwise, `null` too);
 *   without one, `Sec-Fetch-Site` must be `same-origin`. A request with neither is
 *   not from a browser (browsers send `Origin` on every cross-origin request and on
 *   every POST): curl, scripts, the CLI. Those are allowed, since they could as well
 *   read the database file, or in server mode must carry a token.
 * - **API reads** from another site (`Sec-Fetch-Site: cross-site` or `same-site`,
 *   which another port of 127.0.0.1 is) are refused too.
 * - **Content types**: a body must be declared as one a route takes: JSON for every
 *   route but the import, which takes the declared upload types. Neither list holds
 *   a type a page may send across origins without a preflight (text/plain, forms,
 *   multipart), so a cross-site "simple" request is refused with 415.
 * - **Every response**: `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`,
 *   `frame-ancestors 'none'` in the CSP (a page's own CSP is kept and extended),
 *   and `Referrer-Policy: no-referrer` unless the route set one.
 */

export interface EdgeOptions {
  /** The port the server listens on; null (in-process use) accepts loopback names on any port. */
  port?: number | null;
  /** The public URL the server is reached at (server mode), whose host and origin are accepted too. */
  publicUrl?: string | null;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What the import takes: none of them a type a browser may send cross-site without asking first. */
export const IMPORT_CONTENT_TYPES = ['application/octet-stream', 'text/csv', 'text/vcard', 'text/x-vcard', 'application/json'] as const;
/** What every other body route takes. */
export const JSON_CONTENT_TYPES = ['application/json'] as const;

/**
 * What a photo upload takes: the image itself. Its real type is sniffed from the bytes,
 * never taken from here; a JSON body passes the edge only to be refused by that check
 * with its reason (and, like every route, to reach the sign-in check first).
 */
export const PHOTO_CONTENT_TYPES = ['application/octet-stream', 'image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/json'] as const;

export function acceptedContentTypes(path: string): readonly string[] {
  if (path === '/api/imports') return IMPORT_CONTENT_TYPES;
  return /^\/api\/people\/[^/]+\/photo$/.test(path) ? PHOTO_CONTENT_TYPES : JSON_CONTENT_TYPES;
}

/** A Host header (or URL host) split into a lower-case name and a port (null when not given). */
function splitHost(host: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), port: match[2] === undefined ? null : Number(match[2]) };
}

export class EdgePolicy {
  private readonly publicHost: { name: string; port: number | null } | null;
  readonly publicOrigin: string | null;

  constructor(private readonly options: EdgeOptions = {}) {
    const url = options.publicUrl ? new URL(options.publicUrl) : null;
    this.publicHost = url ? splitHost(url.host) : null;
    this.publicOrigin = url ? url.origin : null;
  }

  /** Whether a Host names this server. */
  hostAllowed(host: string): boolean {
    const parsed = splitHost(host);
    if (!parsed) return false;
    if (this.publicHost && parsed.name === this.publicHost.name && parsed.port === this.publicHost.port) return true;
    if (!LOOPBACK_NAMES.has(parsed.name)) return false;
    const port = this.options.port ?? null;
    if (port === null) return true;
    return parsed.port === port || (parsed.port === null && port === 80);
  }

  /** Whether an Origin header is this server's own origin. */
  originAllowed(origin: string): boolean {
    if (this.publicOrigin !== null && origin === this.publicOrigin) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.origin !== origin || url.protocol !== 'http:') return false;
    return this.hostAllowed(url.host) && LOOPBACK_NAMES.has(splitHost(url.host)!.name);
  }
}

function refuse(c: Context, status: 403 | 415 | 421, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

/** Refuses requests that do not come from this server's own pages or from a non-browser client. */
export function guardEdge(policy: EdgePolicy): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!policy.hostAllowed(host)) {
      return refuse(c, 421, 'wrong_host', `This server does not answer for the host "${host.slice(0, 100)}"; open it at its own address`);
    }
    const method = c.req.method.toUpperCase();
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site')?.toLowerCase();
    const crossSite = fetchSite === 'cross-site' || fetchSite === 'same-site';
    if (STATE_CHANGING.has(method)) {
      if (origin !== undefined ? !policy.originAllowed(origin) : fetchSite !== undefined && fetchSite !== 'same-origin') {
        return refuse(c, 403, 'wrong_origin', 'Changes are accepted only from Waggle\'s own pages, not from another site');
      }
      const type = c.req.header('content-type');
      const accepted = acceptedContentTypes(c.req.path);
      if (type !== undefined) {
        const essence = type.split(';')[0]!.trim().toLowerCase();
        if (!accepted.includes(essence)) {
          return refuse(c, 415, 'unsupported_media_type', `This request takes ${accepted.join(' or ')}, not ${essence.slice(0, 100) || 'an empty type'}`);
        }
      } else if (hasBody(c) || c.req.path === '/api/imports') {
        return refuse(c, 415, 'unsupported_media_type', `Say what the body is: Content-Type ${accepted.join(' or ')}`);
      }
    } else if (crossSite && c.req.path.startsWith('/api/')) {
      return refuse(c, 403, 'wrong_origin', 'The API answers Waggle\'s own pages only, not another site');
    }
    await next();
  };
}

function hasBody(c: Context): boolean {
  const length = c.req.header('content-length');
  if (length !== undefined) return Number(length) > 0;
  return c.req.header('transfer-encoding') !== undefined;
}

/** Adds the hardening headers to every response, keeping (and extending) a route's own CSP. */
export function hardenResponses(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    let headers = c.res.headers;
    try {
      headers.set('X-Content-Type-Options', 'nosniff');
    } catch {
      // A response with immutable headers (passed through from elsewhere): copy it.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      headers.set('X-Content-Type-Options', 'nosniff');
    }
    headers.set('X-Frame-Options', 'DENY');
    const csp = headers.get('Content-Security-Policy');
    if (!csp) headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    else if (!/frame-ancestors/i.test(csp)) headers.set('Content-Security-Policy', `${csp}; frame-ancestors 'none'`);
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'no-referrer');
  };
}

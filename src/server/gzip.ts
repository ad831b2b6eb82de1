import { promisify } from 'node:util';
import { gunzip, gzip, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler, TypedResponse } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { JSONParsed } from 'hono/utils/types';
import { compress } from 'hono/compress';

/** Below this many bytes an answer goes as it is: gzip's header and the work cost more than they save. */
export const GZIP_THRESHOLD_BYTES = 1024;
/** Up to this size a JSON answer is zipped at once (tens of microseconds); past it on the thread pool, not holding other requests up. */
const ZIP_INLINE_MAX_BYTES = 64 * 1024;
/**
 * A fast level: zlib's levels 1–3 match greedily, 4 and up lazily. A page of 50 people (32 KB of
 * JSON) zips to 2,887 bytes at 3 and 2,835 at 4, in 42 µs against 93; the due list (10 KB) to 1,487
 * and 1,456 bytes in 23 µs against 48: 2% more bytes for half the CPU, on the thread that answers.
 */
const LEVEL = 3;

const gzipAsync = promisify(gzip);

/**
 * zlib's options for an answer zipped at once: a window and hash table no larger than the
 * answer needs. At the defaults each call allocates about 260 KB of state (a 32 KB window
 * twice over, a 64 KB hash table, 64 KB for pending output), more than the answer, and in a
 * busy server that allocation, not the zipping, was most of gzip's time: a person's page
 * (2–4 KB of JSON) spent about 100 µs a request in zlib where the same call alone takes 15.
 * A window at least as large as the answer (and deflate's 262-byte lookahead) finds every
 * match the default one would, so the bytes come out no larger.
 */
export function inlineZipOptions(bytes: number): { level: number; windowBits: number; memLevel: number } {
  const windowBits = Math.min(15, Math.max(9, Math.ceil(Math.log2(bytes + 262))));
  return { level: LEVEL, windowBits, memLevel: Math.max(1, Math.min(8, windowBits - 6)) };
}
const gunzipAsync = promisify(gunzip);
const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/** A JSON answer's bytes zipped off the event loop, at the level every answer is zipped at: for an answer kept and sent many times (check-answers.ts). */
export const gzipForKeeping = async (json: Uint8Array): Promise<Uint8Array> => new Uint8Array(await gzipAsync(json, { level: LEVEL }));

/** The bytes each JSON answer was sent with (zipped or not), for whoever keeps answers (answer-cache.ts) without reading them again. */
const sentBytes = new WeakMap<Response, Uint8Array | string>();
export function bytesSent(res: Response): Uint8Array | undefined {
  const sent = sentBytes.get(res);
  return typeof sent === 'string' ? utf8.encode(sent) : sent;
}

/**
 * A JSON answer kept gzipped (the map's): sent as it is to a client that takes gzip, unzipped
 * (off the event loop) for one that does not.
 */
export async function gzippedJsonAnswer(c: Context, zipped: Uint8Array, more: Record<string, string> = {}): Promise<Response> {
  const headers = { ...more, 'content-type': 'application/json', vary: 'Accept-Encoding' };
  if (acceptsGzip(c.req.header('accept-encoding'))) return c.body(zipped as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'gzip' });
  const json = new Uint8Array(await gunzipAsync(zipped));
  return jsonBytesAnswer(c.body(json, 200, headers), json);
}

/**
 * A JSON answer's bytes as its route already holds them, so that zipping (or not) reads them
 * as they are instead of copying the answer out of its Response: the whole check's report is
 * tens of megabytes at 30,000 people, and the copy doubled what the server held while sending it.
 */
const routeBytes = new WeakMap<Response, Uint8Array>();
export function jsonBytesAnswer(res: Response, bytes: Uint8Array): Response {
  routeBytes.set(res, bytes);
  return res;
}

/**
 * A JSON answer as `c.json` sends it, typed as `c.json` types it (the route's answer is checked
 * against its schema all the same). Behind the zipping `c.json` keeps its text for it
 * (keepJsonText, below), so the answer is never read back out of its Response.
 */
export function jsonAnswer<T, S extends ContentfulStatusCode = 200>(c: Context, value: T, status?: S): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  return c.json(value, status ?? 200) as Response & TypedResponse<JSONParsed<T>, S, 'json'>;
}
const utf8 = new TextEncoder();

/**
 * Makes this request's `c.json` keep its answer's text for the zipping (gzipAnswers, below):
 * every route behind it, and the error answers. Hono's own `c.json` hands the adapter a string,
 * which the zipping could only read back by building a whole web Response and its stream around
 * it and reading that: on `GET /api/health` that was most of an answer's cost (10,000 answers a
 * second at 50 clients, 14,000 without it), and about 0.2 ms of each write's. The same answer as
 * Hono's: the same status and init, `{ 'Content-Type': 'application/json', ...headers }`, the
 * text as the body. Kept as the string it is (most such answers are small and go unzipped, and
 * a string is written to the socket as it is) and beside the request, not in a map of answers.
 */
function keepJsonText(c: Context): { res: Response | null; text: string } {
  const written: { res: Response | null; text: string } = { res: null, text: '' };
  const honoJson = c.json;
  const body = c.body;
  c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string | string[]>) => {
    const text = JSON.stringify(object);
    // Nothing to write (undefined, a function): Hono's own answer, a Response without a body.
    if (text === undefined) return honoJson(object as never, arg as never, headers);
    const res = body(text, arg as never, { 'Content-Type': 'application/json', ...headers });
    written.res = res;
    written.text = text;
    return res;
  }) as Context['json'];
  return written;
}

/**
 * A JSON answer streamed as it is written (the whole check's report, tens of MB at 30,000
 * people): zipped as it streams, like the answers that are not JSON, rather than read whole.
 */
const streamedAnswers = new WeakSet<Response>();
export function streamedJsonAnswer(res: Response): Response {
  streamedAnswers.add(res);
  return res;
}

/** Whether the client takes gzip (a q of 0 refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Statuses whose answers have no body, or a part of one, to zip. */
const UNZIPPED_STATUSES = new Set([101, 204, 206, 304]);

/**
 * Whether this answer is left as it is, whatever the client takes. Its body is not asked for:
 * the Node adapter's answers are light objects until then, and asking builds a whole web
 * Response with a stream around the bytes (a JSON answer's bytes are read below without it).
 */
function keptAsIs(c: Context): boolean {
  const res = c.res;
  return c.req.method === 'HEAD' || UNZIPPED_STATUSES.has(res.status) || res.headers.has('content-encoding') || noTransform.test(res.headers.get('cache-control') ?? '');
}

/**
 * Gzips answers for clients that ask. JSON answers (everything the API answers but a
 * stream or a file) are read whole and zipped in one call: Hono's compress middleware
 * pipes every answer through a CompressionStream, which cost more CPU than the query
 * behind a page of people, and zipped even a 49-byte health answer (c.json sets no
 * Content-Length for its threshold to see). Other types (an import's NDJSON progress,
 * exports) keep that middleware's streaming, so a stream still arrives as it is written.
 */
export function gzipAnswers(): MiddlewareHandler {
  const streaming = compress({ encoding: 'gzip', threshold: GZIP_THRESHOLD_BYTES });
  return async (c, next) => {
    const written = keepJsonText(c);
    await next();
    if (keptAsIs(c)) return;
    const contentType = c.res.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(?:;|$)/i.test(contentType) || streamedAnswers.has(c.res)) {
      // Not JSON: the streaming middleware's own decision, without running the route again.
      return streaming(c, async () => {});
    }
    const vary = c.res.headers.get('vary');
    const varyHeader = vary === null ? 'Accept-Encoding' : vary === '*' || /accept-encoding/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
    const body = (written.res === c.res ? written.text : routeBytes.get(c.res)) ?? new Uint8Array(await c.res.arrayBuffer());
    const headers = new Headers(c.res.headers);
    headers.set('vary', varyHeader);
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    let out: Uint8Array | string = body;
    if (size >= GZIP_THRESHOLD_BYTES && acceptsGzip(c.req.header('accept-encoding'))) {
      out = size <= ZIP_INLINE_MAX_BYTES ? gzipSync(body, inlineZipOptions(size)) : await gzipAsync(body, { level: LEVEL });
      headers.set('content-encoding', 'gzip');
    }
    headers.set('content-length', String(typeof out === 'string' ? size : out.byteLength));
    const status = c.res.status;
    // Unset first: setting over an answer copies the old one's headers and body stream into yet another.
    c.res = undefined;
    c.res = new Response(out, { status, headers });
    sentBytes.set(c.res, out);
  };
}

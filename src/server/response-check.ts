import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { z } from 'zod';
import { errorOutput } from '../contract/outputs.js';
import { noteResponseMismatch } from './response-mismatches.js';

/**
 * The response check: every answer the API gives is held against what its route declares in
 * the OpenAPI document, the document the web's types are generated from. A 2xx must be a
 * status the route declares, of a media type it declares, and a JSON body must parse with the
 * route's schema and hold no field the schema does not name (a schema that strips a key it
 * does not know has not said what is sent); each line of a stream (NDJSON) is held against the
 * line's schema; every 4xx and 5xx is the one error shape. A mismatch is answered 500 with what
 * was wrong (a stream is broken off), logged, and noted for the test run (response-mismatches.ts).
 *
 * It runs where tests run the API: `WAGGLE_CHECK_RESPONSES=1` (vitest.config.ts sets it, and
 * servers the tests spawn inherit it). Production never sets it: the check parses every answer twice.
 */

export const CHECK_RESPONSES_ENV = 'WAGGLE_CHECK_RESPONSES';

export function responseCheckWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[CHECK_RESPONSES_ENV] === '1';
}

interface MediaDeclaration {
  schema?: unknown;
  itemSchema?: unknown;
}
type DeclaredResponses = Record<string, { content?: Record<string, MediaDeclaration | undefined> } | undefined>;

/** The declared responses of every route, by method and the route's path as hono matches it (`/api/people/:id`). */
function declaredRoutes(app: OpenAPIHono): Map<string, DeclaredResponses> {
  const routes = new Map<string, DeclaredResponses>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { method, path, responses } = definition.route;
    // The same rewrite @hono/zod-openapi makes when it registers the route with hono.
    routes.set(`${method.toUpperCase()} ${path.replaceAll(/\/{(.+?)}/g, '/:$1')}`, responses as DeclaredResponses);
  }
  return routes;
}

/**
 * The check, as the outermost middleware of `app`, for every path under /api/ but `exempt`
 * (the OpenAPI document itself). Reads the routes when the first answer comes, once they are all declared.
 */
export function checkResponses(app: OpenAPIHono, exempt: readonly string[]): MiddlewareHandler {
  let routes: Map<string, DeclaredResponses> | undefined;
  return async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/api/') || exempt.includes(c.req.path)) return;
    routes ??= declaredRoutes(app);
    const answer = c.res;
    const where = `${c.req.method} ${c.req.path} answered ${answer.status}`;
    let problem: string | null;
    try {
      problem = await judge(c, answer, routes, where);
    } catch (error) {
      problem = `the check could not read the answer: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (problem === null) return;
    const described = `${where}: ${problem}`;
    report(described);
    // Unset first: hono copies the old answer's headers (its encoding, its length) onto a new one.
    c.res = undefined as never;
    c.res = new Response(JSON.stringify({ error: { code: 'response_mismatch', message: described } }), { status: 500, headers: { 'content-type': 'application/json' } });
  };
}

function report(described: string): void {
  noteResponseMismatch(described);
  console.error(`The response check: ${described}`);
}

/** The declared route a concrete path falls on, a route with fewer parameters first (`/api/people/cursor` before `/api/people/:id`). */
function routeAnswering(routes: Map<string, DeclaredResponses>, method: string, path: string): DeclaredResponses | undefined {
  let best: { responses: DeclaredResponses; parameters: number } | undefined;
  for (const [key, responses] of routes) {
    const [routeMethod, pattern] = key.split(' ') as [string, string];
    if (routeMethod !== method) continue;
    const wanted = pattern.split('/');
    const given = path.split('/');
    if (wanted.length !== given.length || !wanted.every((part, i) => part.startsWith(':') ? given[i] !== '' : part === given[i])) continue;
    const parameters = wanted.filter((part) => part.startsWith(':')).length;
    if (!best || parameters < best.parameters) best = { responses, parameters };
  }
  return best?.responses;
}

/** What is wrong with the answer, or null; a stream is checked as it passes (c.res is replaced with the checked stream). */
async function judge(c: Context, answer: Response, routes: Map<string, DeclaredResponses>, where: string): Promise<string | null> {
  const type = answer.headers.get('content-type')?.split(';')[0]!.trim().toLowerCase() ?? null;
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  if (answer.status >= 400) {
    if (type !== 'application/json') return `an error must be the JSON error shape, not ${type ?? 'a body without a type'}`;
    return strictly(errorOutput, await jsonOf(answer));
  }
  const path = routePath(c);
  // An answer a middleware gave from its keep (server/answer-cache.ts) never reached its route, so
  // hono names the middleware's path (`/api/*`): the route is then found from the path asked.
  const declared = routes.get(`${method} ${path}`) ?? routeAnswering(routes, method, c.req.path);
  if (!declared) return `no route declares ${method} ${path} in the OpenAPI document`;
  const response = declared[String(answer.status)];
  if (!response) return `the route declares ${Object.keys(declared).join(', ')}, not ${answer.status}`;
  if (!response.content) {
    const length = answer.body ? (await answer.clone().arrayBuffer()).byteLength : 0;
    return length === 0 ? null : `the route declares no body for ${answer.status}, yet ${length} bytes came`;
  }
  const media = type === null ? undefined : response.content[type];
  if (!media) return `the route declares ${Object.keys(response.content).join(', ')}, not ${type ?? 'a body without a type'}`;
  if (c.req.method === 'HEAD') return null;
  if (media.itemSchema instanceof z.ZodType) {
    if (answer.headers.has('content-encoding') || !answer.body) return 'a stream must come as it is, line by line';
    c.res = undefined as never;
    c.res = new Response(answer.body.pipeThrough(linesChecked(media.itemSchema, where)), answer);
    return null;
  }
  if (type === 'application/json') {
    if (!(media.schema instanceof z.ZodType)) return 'the route declares JSON without a zod schema to check it with';
    return strictly(media.schema, await jsonOf(answer));
  }
  return null;
}

/** The JSON body, unzipped when the answer was compressed for the client. */
async function jsonOf(answer: Response): Promise<unknown> {
  const copy = answer.clone();
  const body = copy.body && answer.headers.get('content-encoding') === 'gzip' ? copy.body.pipeThrough(new DecompressionStream('gzip')) : copy.body;
  return JSON.parse(await new Response(body).text()) as unknown;
}

/** zod's verdict, and every field sent that the schema did not keep (an object schema strips what it does not name). */
function strictly(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return `not what the schema says:\n${z.prettifyError(parsed.error)}`;
  const extra = unnamed(value, parsed.data, '');
  return extra.length === 0 ? null : `fields the schema does not name: ${extra.slice(0, 20).join(', ')}${extra.length > 20 ? ` and ${extra.length - 20} more` : ''}`;
}

function unnamed(sent: unknown, kept: unknown, path: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((item, i) => unnamed(item, kept[i], `${path}[${i}]`));
  if (!isRecord(sent) || !isRecord(kept)) return [];
  return Object.keys(sent).flatMap((key) => {
    const at = path ? `${path}.${key}` : key;
    return key in kept ? unnamed(sent[key], kept[key], at) : [at];
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Passes a stream through unchanged, holding each line against `schema`; breaks it off at the first that does not hold. */
function linesChecked(schema: z.ZodType, where: string): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  let pending = '';
  let line = 0;
  let broken = false;
  const check = (text: string, controller: TransformStreamDefaultController<Uint8Array>) => {
    line += 1;
    if (broken) return;
    let problem: string | null;
    try {
      problem = strictly(schema, JSON.parse(text));
    } catch {
      problem = 'not JSON';
    }
    if (problem === null) return;
    const described = `${where}, line ${line} of the stream: ${problem}`;
    report(described);
    broken = true;
    controller.error(new Error(`The response check: ${described}`));
  };
  return new TransformStream({
    transform(chunk, controller) {
      if (broken) return;
      controller.enqueue(chunk);
      pending += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const text = pending.slice(0, end);
        pending = pending.slice(end + 1);
        if (text.trim()) check(text, controller);
      }
    },
    flush(controller) {
      pending += decoder.decode();
      if (pending.trim()) check(pending, controller);
    },
  });
}

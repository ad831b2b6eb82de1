import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

/** The server's error body: `{ "error": { "code", "message", "field"? } }`. */
export type ErrorBody = components['schemas']['Error'];

/** An answer the API refused. `field` is where the server says the fault is (a JSON path: "name", "channels.emails.0"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Said on the window when the API answers 401 outside signing in: the session ended (expired, or signed out elsewhere). */
export const SIGNED_OUT_EVENT = 'waggle:signed-out';

/** Where a 401 is the answer to a form (a wrong password), not a sign that the session ended. */
const SIGN_IN_PATHS = /^\/api\/auth\/(sign-in|setup|status|invitations\/[^/]+\/accept)$/;

/** Tells the app the session ended when a 401 answers anything but a sign-in form. */
export function noteSignedOut(status: number, path: string): void {
  if (status === 401 && !SIGN_IN_PATHS.test(path)) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
}

function isErrorBody(body: unknown): body is { error: Partial<ErrorBody['error']> } {
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'object' && body.error !== null;
}

/** Whatever a refusal's body was (the server's error, HTML from a proxy, nothing), as an ApiError. */
export function apiErrorOf(status: number, body: unknown): ApiError {
  const error = isErrorBody(body) ? body.error : undefined;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  return new ApiError(status, text(error?.code) ?? 'error', text(error?.message) ?? `The server answered ${status}`, text(error?.field));
}

const watchSession: Middleware = {
  onResponse({ request, response }) {
    noteSignedOut(response.status, new URL(request.url).pathname);
  },
};

/**
 * The API, typed from its OpenAPI document (schema.d.ts, made by `npm run gen:api`): a path, its
 * parameters and its body are checked as the code is compiled, and the answer is typed from there.
 * Same origin, so the browser sends the session cookie and its own Origin, which the server's edge
 * guard checks on every change.
 */
export const client = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
client.use(watchSession);

type Success<D> = { data: D; error?: never; response: Response };
// `error` is the parsed body of a refusal: never undefined, so that its absence proves success.
type Answer = Success<unknown> | { data?: never; error: object | string; response: Response };
/** The data of the answer's success member alone (openapi-fetch's answer is a union of success and refusal). */
type DataOf<A> = A extends Success<infer D> ? D : never;

const succeeded = <A extends Answer>(answer: A): answer is A & Success<DataOf<A>> => answer.error === undefined && answer.response.ok;

/** The answer's data, or the refusal thrown as an ApiError. */
export async function unwrap<A extends Answer>(pending: Promise<A>): Promise<DataOf<A>> {
  const answer = await pending;
  if (!succeeded(answer)) throw apiErrorOf(answer.response.status, answer.error);
  return answer.data;
}

/** The JSON body a route takes, as the document says: `JsonBody<'/api/profile', 'patch'>`. */
export type JsonBody<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

// The shapes' names, from a module with no browser in it (the forms' pure helpers, which Node tests load, use them too).
export type { Schema } from './shapes.js';

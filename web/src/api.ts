/** The API, as the web app uses it. Errors carry the server's message, which names the field. */
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

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : {},
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (response.status === 401 && !SIGN_IN_PATHS.test(path)) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; field?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'error', error?.message ?? `The server answered ${response.status}`, error?.field);
  }
  return data as T;
}

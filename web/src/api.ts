import { apiErrorOf, noteSignedOut } from './api/client.js';

export { ApiError, SIGNED_OUT_EVENT } from './api/client.js';

/**
 * The API by a path written by hand, for the pages not yet on the typed client (api/client.ts):
 * the answer is whatever the caller says it is. New code uses `client` and the data layer.
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers: init.body !== undefined ? { 'content-type': 'application/json' } : {},
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  noteSignedOut(response.status, path);
  if (!response.ok) throw apiErrorOf(response.status, data);
  return data as T;
}

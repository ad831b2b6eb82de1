import { useCallback, useEffect, useState } from 'react';
import { api } from './api.js';

interface Settled<T> {
  /** Which request this answers: the path and the reload count. */
  key: string;
  data: T | null;
  error: string | null;
}

/**
 * Loads a path from the API; `reload` fetches it again after a change. The pages not yet on the
 * data layer (data/) use it. While a new path loads, the last answer stays on screen; a failure
 * keeps the last data and says why.
 */
export function useApi<T>(path: string | null): { data: T | null; error: string | null; loading: boolean; reload: () => void } {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [tick, setTick] = useState(0);
  const key = `${tick}|${path}`;
  useEffect(() => {
    if (path === null) return;
    let live = true;
    api<T>(path)
      .then((data) => live && setSettled({ key, data, error: null }))
      .catch((e: unknown) => live && setSettled((last) => ({ key, data: last?.data ?? null, error: e instanceof Error ? e.message : String(e) })));
    return () => {
      live = false;
    };
  }, [path, key]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: settled?.data ?? null, error: settled?.error ?? null, loading: path !== null && settled?.key !== key, reload };
}

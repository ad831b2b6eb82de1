import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { prefetchForRoute } from './prefetch-route.js';
import { createQueryClient } from './query-client.js';

/**
 * The cache of API answers for one session. It sits inside the account gate, which renders the app
 * only while someone is signed in: signing out unmounts it and its cache with it, so the next account
 * to sign in on this browser never sees the last one's people, not even for a moment.
 */
export function DataProvider({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation();
  // The first page's data is asked for as the cache is made, before anything renders.
  const [queries] = useState(() => {
    const made = createQueryClient();
    prefetchForRoute(made, pathname, search);
    return made;
  });
  // Each later page's as soon as the route changes, beside its script if that loads lazily.
  useEffect(() => prefetchForRoute(queries, pathname, search), [queries, pathname, search]);
  return <QueryClientProvider client={queries}>{children}</QueryClientProvider>;
}

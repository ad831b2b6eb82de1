import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from './query-client.js';

/**
 * The cache of API answers for one session. It sits inside the account gate, which renders the app
 * only while someone is signed in: signing out unmounts it and its cache with it, so the next account
 * to sign in on this browser never sees the last one's people, not even for a moment.
 */
export function DataProvider({ children }: { children: ReactNode }) {
  const [queries] = useState(createQueryClient);
  return <QueryClientProvider client={queries}>{children}</QueryClientProvider>;
}

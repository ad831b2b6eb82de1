import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import { queryKeys } from './keys.js';

/** The whole network check, for pages that show a part of it beside their own data (the goals' coverage). */
export function useCheckReport() {
  return useQuery({ queryKey: queryKeys.check.report(), queryFn: () => unwrap(client.GET('/api/check')) });
}

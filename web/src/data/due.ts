import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { queryKeys } from './keys.js';

type DueQuery = NonNullable<paths['/api/due']['get']['parameters']['query']>;

/** Who is due and which follow-ups, within the days asked (`within: 0` for the server's today alone). */
export function useDueReport(query: DueQuery) {
  return useQuery({ queryKey: queryKeys.due.report(query), queryFn: () => unwrap(client.GET('/api/due', { params: { query } })) });
}

/** Birthdays, anniversaries and named dates still to come this month. */
export function useDatesThisMonth() {
  return useQuery({ queryKey: queryKeys.dates.upcoming(), queryFn: () => unwrap(client.GET('/api/dates', { params: { query: { within: 'month' } } })) });
}

import { useMutation } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';

/** An outreach draft, written on the server and kept nowhere: nothing cached changes. */
export function useOutreachDraft() {
  return useMutation({ mutationFn: (body: JsonBody<'/api/drafts', 'post'>) => unwrap(client.POST('/api/drafts', { body })) });
}

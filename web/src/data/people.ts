import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type JsonBody } from '../api/client.js';
import type { paths } from '../api/schema.js';
import { invalidate, queryKeys, readsOfPeople, readsOfTheWholeMap } from './keys.js';

/** The people list's query, as the API's document says (filters, sort, paging). */
export type PeopleQuery = NonNullable<paths['/api/people']['get']['parameters']['query']>;
type PersonChange = JsonBody<'/api/people/{id}', 'patch'>;
type QuickAddBody = JsonBody<'/api/people/quick-add', 'post'>;
type IntroductionBody = JsonBody<'/api/introductions', 'post'>;
type PersonDates = JsonBody<'/api/people/{id}/dates', 'put'>['dates'];

const path = (id: string) => ({ params: { path: { id } } });

/** A page of people; the last page stays on screen while the next one loads (the pager does not jump). */
export function usePeople(query: PeopleQuery) {
  return useQuery({ ...peopleListQuery(query), placeholderData: keepPreviousData });
}

/** A page of people, for the list and for the prefetch as the People page's route is known (data/prefetch-route.ts). */
export function peopleListQuery(query: PeopleQuery) {
  return queryOptions({ queryKey: queryKeys.people.list(query), queryFn: () => unwrap(client.GET('/api/people', { params: { query } })) });
}

/** People whose name, organisation or details hold `needle`; nothing is asked below two letters. */
export function usePeopleSearch(needle: string, limit: number) {
  const query = { search: needle, limit };
  return useQuery({ queryKey: queryKeys.people.list(query), queryFn: () => unwrap(client.GET('/api/people', { params: { query } })), enabled: needle.length >= 2 });
}

/** One person with their goals, networks, ties and journal; nothing is asked while `id` is null. */
export function usePersonDetail(id: string | null) {
  return useQuery({ ...personDetailQuery(id ?? ''), enabled: id !== null });
}

/** A person's page's one request, for the page and for the prefetch as its route is known (data/prefetch-route.ts). */
export function personDetailQuery(id: string) {
  return queryOptions({ queryKey: queryKeys.people.detail(id), queryFn: () => unwrap(client.GET('/api/people/{id}', path(id))) });
}

/** Marks what a change to people makes stale: their lists and pages, who is due, the plan, the check and the map. */
function usePeopleChanged() {
  const queries = useQueryClient();
  return () => invalidate(queries, ...readsOfPeople);
}

/** Changes the fields given of one person (an edit sends only what changed: forms/patch.ts). */
export function useChangePerson() {
  const changed = usePeopleChanged();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: PersonChange }) => unwrap(client.PATCH('/api/people/{id}', { ...path(id), body })), onSuccess: changed });
}

/** Adds people, each linked to the goals and networks given: those networks' pages and the goals' coverage change too. */
export function useQuickAdd() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: QuickAddBody) => unwrap(client.POST('/api/people/quick-add', { body })),
    onSuccess: () => invalidate(queries, ...readsOfPeople, queryKeys.networks.all, queryKeys.goals.all),
  });
}

/** Removes a person with their links and follow-ups: the networks they were in and their dates go stale too. */
export function useRemovePerson(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(client.DELETE('/api/people/{id}', path(id))),
    onSuccess: () => {
      // Their own page is gone: dropped, not fetched again (it would answer 404).
      queries.removeQueries({ queryKey: queryKeys.people.detail(id) });
      return invalidate(queries, ...readsOfPeople, queryKeys.networks.all, queryKeys.dates.all);
    },
  });
}

/** The whole list of a person's dates, saved at once: their page and the dates coming round change. */
export function useSavePersonDates(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (dates: PersonDates) => unwrap(client.PUT('/api/people/{id}/dates', { ...path(id), body: { dates } })),
    onSuccess: () => invalidate(queries, queryKeys.people.detail(id), queryKeys.dates.all),
  });
}

/** A person's photo: the bytes as they are (the server reads the type from them), or none. Their page says whether there is one. */
export function usePersonPhoto(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) =>
      file
        ? // The document types a binary body as a string; the serializer hands the file's bytes to fetch untouched.
          unwrap(client.PUT('/api/people/{id}/photo', { ...path(id), body: '', bodySerializer: () => file, headers: { 'content-type': file.type || 'application/octet-stream' } }))
        : unwrap(client.DELETE('/api/people/{id}/photo', path(id))),
    onSuccess: () => invalidate(queries, queryKeys.people.detail(id)),
  });
}

/** Records that two people know each other: both pages, the check and the map (the lines between others) change. */
export function useRecordTie(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ otherId, strength }: { otherId: string; strength: number }) => unwrap(client.PUT('/api/people/{id}/ties/{otherId}', { params: { path: { id, otherId } }, body: { strength } })),
    onSuccess: () => invalidate(queries, queryKeys.people.details, ...readsOfTheWholeMap),
  });
}

/** Who introduced whom: the pages of the people in it, the check's give and take, and the map. */
export function useRecordIntroduction() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: IntroductionBody) => unwrap(client.POST('/api/introductions', { body })),
    onSuccess: () => invalidate(queries, queryKeys.people.details, ...readsOfTheWholeMap),
  });
}

export function useRemoveIntroduction() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/introductions/{id}', path(id))),
    onSuccess: () => invalidate(queries, queryKeys.people.details, ...readsOfTheWholeMap),
  });
}

/** Removes an exchange and its follow-ups: last contacts, who is due, the plan's progress, the networks' counts, the check and the map move. */
export function useRemoveExchange() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(client.DELETE('/api/exchanges/{id}', path(id))),
    onSuccess: () => invalidate(queries, ...readsOfPeople, queryKeys.networks.all),
  });
}

/** Closes a follow-up (done or dropped): the lists of what is due and the person's page show it no more. */
export function useCloseFollowUp() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'done' | 'drop' }) =>
      action === 'done' ? unwrap(client.POST('/api/follow-ups/{id}/done', path(id))) : unwrap(client.POST('/api/follow-ups/{id}/drop', path(id))),
    onSuccess: () => invalidate(queries, queryKeys.due.all, queryKeys.people.details),
  });
}

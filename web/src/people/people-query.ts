import type { PeopleQuery } from '../data/people.js';
import { oneOf, PERSON_CATEGORIES, STAGES } from '../vocabulary.js';

/** How many people a page of the People page shows. */
export const PAGE_SIZE = 50;
export const QUADRANTS = [
  ['maintain', 'maintain (strong, important)'],
  ['strengthen', 'strengthen (weak, important)'],
  ['overInvested', 'over-invested (strong, unimportant)'],
  ['letBe', 'let be (weak, unimportant)'],
] as const;
export const SORTS = [
  ['name', 'name'],
  ['next-contact', 'next contact, soonest'],
  ['importance', 'importance, highest'],
  ['strength', 'strength, highest'],
  ['last-exchange', 'last exchange, latest'],
  ['added', 'added, newest'],
] as const;
const DUE = ['due', 'overdue'] as const;
/** The URL parameters the page reads (each names a filter of the API, `goal` its `goalId`). */
export const FILTERS = ['category', 'stage', 'goal', 'quadrant', 'due', 'sort', 'unjudged'] as const;

/** Where the page's address says the list starts. */
export function pageOffset(params: URLSearchParams): number {
  return Number(params.get('offset') ?? 0);
}

/**
 * The page's address as the API's query: a cursor to go on from the last person shown, or an offset.
 * An address written by hand with a word the API does not know is read as no such filter. Read by the
 * page and by the prefetch that asks for the list as the route is known (data/prefetch-route.ts), so
 * both name the same query.
 */
export function peopleQuery(params: URLSearchParams): PeopleQuery {
  const cursor = params.get('cursor');
  return {
    limit: PAGE_SIZE,
    ...(cursor ? { cursor } : { offset: pageOffset(params) }),
    category: oneOf([...PERSON_CATEGORIES, 'none'], params.get('category')),
    stage: oneOf(STAGES, params.get('stage')),
    goalId: params.get('goal') || undefined,
    quadrant: oneOf(QUADRANTS.map(([q]) => q), params.get('quadrant')),
    due: oneOf(DUE, params.get('due')),
    sort: oneOf(SORTS.map(([s]) => s), params.get('sort')),
    unjudged: oneOf(['true'], params.get('unjudged')),
    search: params.get('q') || undefined,
  };
}

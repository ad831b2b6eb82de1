import { z } from 'zod';
import { QUADRANT_NAMES } from '../core/check/quadrants.js';
import type { QuadrantName } from '../core/check/types.js';
import { DEFAULT_DUE_WINDOW_DAYS } from '../core/due.js';
import { FOLLOW_UP_STATUSES, GOAL_STATUSES, NETWORK_KINDS, PERSON_CATEGORIES, STAGES } from '../core/vocabulary.js';
import { isoDate, oneOf, paging } from './fields.js';
import { personCursorParam } from './person-cursor.js';

/*
 * The filters of the list operations, once. The API reads them from the query
 * string; the CLI turns its flags into the same strings and parses them with the
 * same schema, so a bad value gets the same words on both edges; the services take
 * what the schema produces (plus a few narrowings only the server's own code uses).
 */

/** A yes/no in a query string: `true` or `false`, as the CLI sends its switches. */
const queryFlag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');

const sourceName = z.string().max(40, { error: 'must be at most 40 characters' });

export const PERSON_SORTS = ['name', 'strength', 'importance', 'next-contact', 'last-exchange', 'added'] as const;
export type PersonSort = (typeof PERSON_SORTS)[number];

export const DUE_CHOICES = ['overdue', 'due'] as const;

const quadrantNames = QUADRANT_NAMES as readonly QuadrantName[] as readonly [QuadrantName, ...QuadrantName[]];

/** `GET /api/people`, `waggle person list`. */
/** A search longer than any field worth finding by: refused with a 400, not looked up. */
export const MAX_SEARCH_LENGTH = 200;

export const personFilterQuery = z.object({
  search: z
    .string()
    .max(MAX_SEARCH_LENGTH, { error: `must be at most ${MAX_SEARCH_LENGTH} characters: search for a part of a name, organisation, place or word` })
    .optional()
    .meta({ description: 'text to find in name, organisation, role, location, tags, notes or contact details: a part of any of them, accents and case aside' }),
  category: oneOf([...PERSON_CATEGORIES, 'none']).optional().meta({ description: 'in this category (none: not categorised)' }),
  stage: oneOf(STAGES).optional(),
  tag: z.string().optional(),
  goalId: z.string().optional(),
  networkId: z.string().optional(),
  source: sourceName.optional().meta({ description: 'where they came from: manual, demo, linkedin, vcard, google, outlook' }),
  unjudged: queryFlag.optional().meta({ description: 'only people not judged yet: strength and importance both 0' }),
  quadrant: oneOf(quadrantNames).optional().meta({ description: 'strength × importance, judged against the active goals as the check does' }),
  due: oneOf(DUE_CHOICES).optional().meta({ description: `overdue, or due within the next ${DEFAULT_DUE_WINDOW_DAYS} days (overdue included)` }),
  sort: oneOf(PERSON_SORTS).optional().meta({ description: 'name (default); strength, importance, added, last-exchange: highest or latest first; next-contact: soonest first' }),
  ...paging,
  cursor: personCursorParam.optional(),
});

/** What the people service filters by: what a client may ask, and narrowings the server's own use cases add. */
export type PersonFilter = z.output<typeof personFilterQuery> & {
  /** Only these people. */
  ids?: string[];
  /** Only people whose next contact is on or before this date. */
  dueBy?: string;
  /** Only people whose next contact is on or after this date. */
  dueFrom?: string;
};

/** Which people `POST /api/people/bulk-edit` judges: a JSON body, so the switch is a real boolean. */
export const bulkPersonFilter = personFilterQuery.pick({ source: true, tag: true }).extend({ unjudged: z.boolean().optional() }).strict();

/** `GET /api/networks`, `waggle network list`. */
export const networkFilterQuery = z.object({ search: z.string().optional(), kind: oneOf(NETWORK_KINDS).optional(), goalId: z.string().optional(), ...paging });
export type NetworkFilter = z.output<typeof networkFilterQuery> & {
  /** Only these networks. */
  ids?: string[];
};

/** `GET /api/goals`, `waggle goal list`. */
export const goalFilterQuery = z.object({ status: oneOf(GOAL_STATUSES).optional(), ...paging });
export type GoalFilter = z.output<typeof goalFilterQuery>;

/** `GET /api/exchanges`, `waggle exchange list`. */
export const exchangeFilterQuery = z.object({ personId: z.string().optional(), networkId: z.string().optional(), from: isoDate.optional(), to: isoDate.optional(), ...paging });
export type ExchangeFilter = z.output<typeof exchangeFilterQuery>;

/** `GET /api/follow-ups`, `waggle follow-up list`: a status (open, done, dropped), never a follow-up's kind. */
export const followUpFilterQuery = z.object({ status: oneOf(FOLLOW_UP_STATUSES).optional(), personId: z.string().optional() });
export type FollowUpFilter = z.output<typeof followUpFilterQuery>;

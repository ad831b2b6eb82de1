import type { Context } from 'hono';
import { searchMoved, staysPlaced } from '../core/listing-placement.js';
import type { ReadFrom } from '../services/answer-reads.js';
import type { PeopleWritten } from '../services/people-writes.js';

/**
 * What a kept answer (answer-cache.ts) was worked out from, said by its route, so that a write to a
 * few people it does not touch (services/people-writes.ts) leaves it kept: the people whose rows or
 * whose own records (exchanges, dates, channels) it shows or refers to, and what else it reads, in
 * listingVersion's names (`people.stage`, `memberships`; storage/data-version.ts). A write to one
 * of `people`, or that writes anything in `reads`, has it worked out again. An answer whose route
 * says nothing depends on everything: any write has it worked out again.
 */
export type AnswerDependencies = ReadFrom;

const declared = new WeakMap<Request, AnswerDependencies>();

/** Said by a route as it answers: what its answer to this request depends on. */
export function answerDependsOn(c: Context, dependencies: AnswerDependencies): void {
  declared.set(c.req.raw, dependencies);
}

export function dependenciesOf(c: Context): AnswerDependencies | undefined {
  return declared.get(c.req.raw);
}

/** Whether a told write may change an answer with these dependencies: it wrote someone shown, something read, or moved someone into or across what is shown. */
export function touches(dependencies: AnswerDependencies | undefined, write: Pick<PeopleWritten, 'personIds' | 'written' | 'keys'>): boolean {
  if (!dependencies) return true;
  if (write.personIds.some((id) => dependencies.people.has(id)) || dependencies.reads.some((name) => write.written.has(name))) return true;
  const search = dependencies.search;
  if (search !== undefined && write.written.has('people.search_text') && write.personIds.some((id) => searchMoved(search, write.keys.get(id)))) return true;
  const placing = dependencies.placing;
  return placing !== undefined && write.personIds.some((id) => !staysPlaced(placing, write.keys.get(id)));
}

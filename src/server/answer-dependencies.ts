import type { Context } from 'hono';
import type { ReadFrom } from '../services/answer-reads.js';

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

/** Whether a told write to `personIds`, writing `written`, may change an answer with these dependencies. */
export function touches(dependencies: AnswerDependencies | undefined, personIds: readonly string[], written: ReadonlySet<string>): boolean {
  if (!dependencies) return true;
  return personIds.some((id) => dependencies.people.has(id)) || dependencies.reads.some((name) => written.has(name));
}

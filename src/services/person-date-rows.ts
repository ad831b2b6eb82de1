import type { PersonDate } from '../core/person-dates.js';
import { replacePersonDates } from '../storage/person-dates.js';
import type { ServiceContext } from './context.js';

/*
 * The rows of a person's dates that matter, apart from the rest of person-dates.ts so
 * that adding a person (people.ts) can write them in its own transaction without the
 * two modules importing each other.
 */

/** Writes a person's dates without checking the person (the caller has, inside its own transaction). */
export async function writeDates(ctx: ServiceContext, personId: string, dates: readonly PersonDate[]): Promise<void> {
  await replacePersonDates(ctx.db, personId, dates);
}

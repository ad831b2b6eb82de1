import { z } from 'zod';
import { PERSON_DATE_KINDS, personDateProblem, type PersonDate, type UpcomingDate } from '../core/person-dates.js';

/** Dates that matter on a person, as the API takes and gives them. */

const dayOfYearFields = {
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  year: z.number().int().min(1).max(9999).nullable(),
};

export const personDateSchema = z
  .object({
    kind: z.enum(PERSON_DATE_KINDS),
    label: z.string().trim().min(1).max(120).nullable(),
    ...dayOfYearFields,
  })
  .superRefine((date, ctx) => {
    const problem = personDateProblem(date);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  })
  .meta({ id: 'PersonDate' });

/** A person's dates: at most 50, one birthday and one anniversary. */
export const personDateList = z
  .array(personDateSchema)
  .max(50)
  .superRefine((dates, ctx) => {
    for (const kind of ['birthday', 'anniversary'] as const) {
      if (dates.filter((d) => d.kind === kind).length > 1) ctx.addIssue({ code: 'custom', message: `a person has at most one ${kind}` });
    }
  });

/** The whole list, replacing the person's dates (an empty list clears them). */
export const personDatesInput = z.object({ dates: personDateList });
export type PersonDatesInput = z.infer<typeof personDatesInput>;

export const personDatesOutput = z.object({ dates: z.array(personDateSchema) }).meta({ id: 'PersonDates' });

export const upcomingDateOutput = z
  .object({
    kind: z.enum(PERSON_DATE_KINDS),
    label: z.string().nullable(),
    ...dayOfYearFields,
    personId: z.string(),
    personName: z.string(),
    on: z.string(),
    daysAway: z.number().int(),
    years: z.number().int().nullable(),
  })
  .meta({ id: 'UpcomingDate' });

export const upcomingDatesOutput = z.object({ from: z.string(), until: z.string(), dates: z.array(upcomingDateOutput) }).meta({ id: 'UpcomingDates' });

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameDate: Same<z.infer<typeof personDateSchema>, PersonDate> = true;
const sameUpcoming: Same<z.infer<typeof upcomingDateOutput>, UpcomingDate> = true;
void sameDate;
void sameUpcoming;

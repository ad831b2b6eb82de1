import { z } from 'zod';
import { VOCABULARY } from '../core/vocabulary.js';

/** The API's answers about itself: that it is up, and the closed sets it speaks in. */

export const healthOutput = z.strictObject({ ok: z.literal(true), version: z.string() }).meta({ id: 'Health' });

type VocabularyShape = { [K in keyof typeof VOCABULARY]: z.ZodArray<z.ZodEnum<{ [W in (typeof VOCABULARY)[K][number]]: W }>> };
const lists = Object.fromEntries(Object.entries(VOCABULARY).map(([name, words]) => [name, z.array(z.enum(words as readonly string[] as [string, ...string[]]))])) as VocabularyShape;

export const vocabularyOutput = z
  .strictObject({
    ...lists,
    cadenceWords: z.record(z.string(), z.string()).meta({ description: 'the words a cadence may be given in, and the count and unit each means (monthly: 1m)' }),
  })
  .meta({ id: 'Vocabulary', description: 'Every closed set, in its order (src/core/vocabulary.ts)' });

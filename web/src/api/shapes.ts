import type { components } from './schema.js';

/** A shape the API's document names, as generated: `Schema<'Person'>`, `Schema<'PersonDetail'>`. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];

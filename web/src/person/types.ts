import type { components } from '../api/schema.js';

/** GET /api/people/{id}, as the API's document says. */
export type PersonDetail = components['schemas']['PersonDetail'];

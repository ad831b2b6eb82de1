// The shapes the API returns, as its OpenAPI document says (api/schema.d.ts, made by `npm run gen:api`).
import type { components } from './api/schema.js';

type Schemas = components['schemas'];

export type Person = Schemas['Person'];
export type Network = Schemas['Network'];
export type Goal = Schemas['Goal'];
export type Exchange = Schemas['Exchange'];
export type FollowUp = Schemas['FollowUp'];
export type PlanTarget = Schemas['PlanTarget'];
export type DueReport = Schemas['DueReport'];

// The check's report keeps the core's type: its totals are keyed by quadrant, which the document
// can only say as a string-keyed map (and the contract ties its schema to this type at compile time).
export type { CheckReport, Finding } from '../../src/core/check/types.js';

export interface Page<T> {
  items: T[];
  total: number;
}

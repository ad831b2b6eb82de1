// The shapes the API returns, shared with the server's core (types only: nothing runs).
export type { Exchange, FollowUp, Goal, Network, Person, PlanTarget } from '../../src/core/model.js';
export type { DueReport } from '../../src/core/due.js';
export type { CheckReport, Finding } from '../../src/core/check/types.js';

export interface Page<T> {
  items: T[];
  total: number;
}

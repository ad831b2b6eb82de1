import { afterEach, expect } from 'vitest';
import { takeResponseMismatches } from '../server/response-mismatches.js';

/*
 * Every test file runs with the response check on (vitest.config.ts sets WAGGLE_CHECK_RESPONSES=1):
 * an answer that is not what its route declares is answered 500, and, so that a test which does not
 * look at the status fails all the same, the test it happened in fails here.
 */
afterEach(() => {
  const mismatches = takeResponseMismatches();
  expect(mismatches, 'answers the API gave that are not what their routes declare (src/server/response-check.ts)').toEqual([]);
});

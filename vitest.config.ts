import { defineConfig } from 'vitest/config';

/** What both projects share. */
const shared = {
  // Every answer the API gives in a test is held against its route's schema (src/server/response-check.ts);
  // servers the tests spawn inherit the variable.
  env: { WAGGLE_CHECK_RESPONSES: '1' },
  setupFiles: ['src/test-support/response-check-setup.ts'],
  // Generous: the CLI and authorization-matrix tests spawn processes and run hundreds of requests, and a loaded 2-core machine stretches them 2–3×.
  testTimeout: 90_000,
  hookTimeout: 60_000,
};

/**
 * The src tests shuffled, when asked: `WAGGLE_TEST_SEED=random npm test` (or a number) runs the
 * tests of each file in another order, which is how a test that leans on what an earlier one
 * left is found. Not by default: vitest's order for a seed also depends on which files a worker
 * ran before, so a seed does not pin one order across runs, and the gate (`npm test`, CI) must
 * not go red by the luck of the draw. Replay an order with
 * `WAGGLE_TEST_SEED=N npx vitest run --project src FILE…` (the same files, the same seed).
 */
const seedAsked = process.env.WAGGLE_TEST_SEED;
const seed = seedAsked === 'random' ? Date.now() : Number(seedAsked);
const shuffled = seedAsked !== undefined && Number.isFinite(seed);
// Vitest prints a seed only when the root config shuffles, and a root shuffle reaches every
// project (the browser journeys too): say it here instead.
if (shuffled) console.log(`src tests shuffled with seed ${seed} (WAGGLE_TEST_SEED=${seed} runs this order again)`);

export default defineConfig({
  test: {
    // One PostgreSQL server for the whole run. Vitest always runs the root's global setup and
    // hands what it provides to every project; the projects do not extend the root (with
    // `extends: true` each would run it again and start a server of its own).
    globalSetup: ['src/test-support/global-setup.ts'],
    // Two cores: the CLI suite spawns real processes, so keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'src',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          // Each test sets up what it needs; shuffled when asked (above).
          ...(shuffled ? { sequence: { shuffle: true, seed } } : {}),
        },
      },
      {
        // The end-to-end tests in headless Chromium (after `npm run build`).
        test: {
          ...shared,
          name: 'web',
          include: ['web/**/*.test.ts'],
          // A journey in one browser goes on from the step before: the written order, always.
        },
      },
    ],
  },
});

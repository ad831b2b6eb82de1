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
        },
      },
      {
        // The end-to-end tests in headless Chromium (after `npm run build`).
        test: {
          ...shared,
          name: 'web',
          include: ['web/**/*.test.ts'],
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['src/test-support/global-setup.ts'],
    // Every answer the API gives in a test is held against its route's schema (src/server/response-check.ts);
    // servers the tests spawn inherit the variable.
    env: { WAGGLE_CHECK_RESPONSES: '1' },
    setupFiles: ['src/test-support/response-check-setup.ts'],
    // Two cores: the CLI suite spawns real processes, so keep parallelism modest.
    maxWorkers: 2,
    // Generous: the CLI and authorization-matrix tests spawn processes and run hundreds of requests, and a loaded 2-core machine stretches them 2–3×.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});

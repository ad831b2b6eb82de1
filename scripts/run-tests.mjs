// The whole test run: type-check, lint, build, then every vitest suite. Prints a
// closing line "N passed, N failed" that CI reads, counted from vitest's JSON report.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const step = (label, command, args) => {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
};

let failedSteps = 0;
if (!step('type-check (all code, and the core without Node types)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) failedSteps++;
if (!step('type-check the pure core', 'npx', ['tsc', '-p', 'src/core/tsconfig.json', '--noEmit'])) failedSteps++;
if (!step('type-check the web app', 'npx', ['tsc', '-p', 'web/tsconfig.json'])) failedSteps++;
if (!step('lint (with layer boundaries)', 'npx', ['eslint', '.'])) failedSteps++;
if (!step('build', 'npm', ['run', 'build'])) failedSteps++;

mkdirSync('.test-results', { recursive: true });

/** One vitest run, counted from its JSON report. */
const suites = (label, report, args) => {
  rmSync(report, { force: true });
  const ok = step(label, 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args]);
  let passed = 0;
  let failed = 0;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (json.numRuntimeErrorTests ?? 0);
    // A suite that failed to load has no tests to count; count it as a failure.
    failed += json.testResults.filter((r) => r.status === 'failed' && r.assertionResults.length === 0).length;
  } catch {
    failed += 1;
  }
  // Unhandled errors fail vitest's run without failing a test: count them too.
  if (!ok && failed === 0) failed += 1;
  return { passed, failed };
};

// The chaos run (kill -9 cycles, the malformed corpus) loads both cores for minutes; it
// runs on its own after the rest, so that it does not starve the browser tests' timing.
const CHAOS = 'test/chaos.test.ts';
const given = process.argv.slice(2);
const main = suites('tests', '.test-results/vitest.json', [...given, ...(given.length === 0 ? ['--exclude', CHAOS] : [])]);
const chaos = given.length === 0 ? suites('the short chaos run', '.test-results/vitest-chaos.json', [CHAOS]) : { passed: 0, failed: 0 };
const passed = main.passed + chaos.passed;
let failed = main.failed + chaos.failed;
failed += failedSteps;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);

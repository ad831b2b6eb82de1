#!/usr/bin/env node
// The `waggle` command. The TypeScript sources are compiled and bundled into
// dist/ on install (npm install runs the build).
import { endOnceWritten, main } from '../dist/bundle/main.js';

// `serve` keeps the process alive while it listens; every other command ends here.
process.exitCode = await main(process.argv.slice(2));
// A command that finished everything (`waggle check`) ends as soon as its output is written (src/cli/leave.ts).
endOnceWritten(process.exitCode);

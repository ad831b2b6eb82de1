#!/usr/bin/env node
// The `waggle` command. The TypeScript sources are compiled to dist/ on install.
import { main } from '../dist/cli/main.js';

// `serve` keeps the process alive while it listens; every other command ends here.
process.exitCode = await main(process.argv.slice(2));

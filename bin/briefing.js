#!/usr/bin/env node
// Entry point of the `briefing` command (the TypeScript is compiled to dist/ on install).
import { main } from '../dist/src/cli/cli.js';

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Entry point of the `briefing` command (the compiled TypeScript is in dist/).
import { main } from '../dist/src/cli/cli.js';

// A reader that stops early (`briefing export observations | head -1`) ends the command quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// Entry point of the `briefing` command (the compiled TypeScript is in dist/).

// A reader that stops early (`briefing export observations | head -1`) ends the command quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// A bare `briefing build` with nothing changed is answered before the command line parser loads.
const args = process.argv.slice(2);
const answered = args.length === 1 && args[0] === 'build' && (await import('../dist/src/cli/unchanged-build.js')).answerUnchangedBuild();
if (!answered) {
  const { main } = await import('../dist/src/cli/cli.js');
  process.exitCode = await main(args);
}

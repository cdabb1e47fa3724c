// `briefing build` when nothing the last build read or wrote has changed: its report, without the library or the parser.
import { buildPaths, type BuildPaths } from '../build/paths.js';
import { unchangedBuild, type StampedDocument } from '../build/stamp.js';
import { findProjectRoot } from '../project/discover.js';
import { readProject } from '../project/project.js';
import { say } from './cli-messages.js';

/** The report of an unchanged build, a line each; undefined when something changed and the build must compare. */
export function unchangedReport(paths: BuildPaths): { lines: string[]; documents: StampedDocument[] } | undefined {
  const unchanged = unchangedBuild(paths);
  if (!unchanged) return undefined;
  return {
    lines: [`${unchanged.length} documents: no file read or written by the last build has changed since`, ...unchanged.map((d) => `skipped ${d.key} edition ${d.edition}: unchanged`)],
    documents: unchanged,
  };
}

/**
 * A bare `briefing build` in a project whose last build is still current, answered before the command line parser
 * loads (it is a third of such a command's time). Anything uncertain goes the usual way: false.
 */
export function answerUnchangedBuild(): boolean {
  try {
    const root = findProjectRoot(process.cwd());
    if (!root) return false;
    const report = unchangedReport(buildPaths(readProject(root, {}), { docxCharts: 'native' }));
    if (!report) return false;
    process.stdout.write(`${[...report.lines, say('built', 0, report.documents.length)].join('\n')}\n`);
    return true;
  } catch {
    return false;
  }
}

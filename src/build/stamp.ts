// A build's stamp: the size and time of every file a build read and wrote. While none changed, the next build has
// nothing to do, and the command line says so without loading the library (as make decides by times).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { writeFilesAtomically } from '../write-atomic.js';
import type { BuildPaths } from './paths.js';

/** A document of the build the stamp was written after, as the next build would report it. */
export interface StampedDocument {
  key: string;
  edition: number;
  /** Its files, relative to the output folder. */
  files: string[];
}

interface Stamp {
  inputs: string;
  outputs: string;
  documents: StampedDocument[];
}

const stampFile = (paths: BuildPaths) => join(paths.outDir, '.build-stamp.json');

/** One line per file under each root (or the file itself): its name, size and modification time; dot files left out. */
function statLines(roots: (string | undefined)[]): string[] {
  const lines: string[] = [];
  const add = (file: string, root: string) => {
    const s = statSync(file);
    if (s.isFile()) lines.push(`${root}\t${relative(root, file)}\t${s.size}\t${s.mtimeMs}`);
  };
  for (const root of roots) {
    if (root === undefined || !existsSync(root)) {
      lines.push(`${root ?? ''}\tmissing`);
      continue;
    }
    if (!statSync(root).isDirectory()) {
      add(root, root);
      continue;
    }
    for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!basename(name).startsWith('.')) add(join(root, name), root);
    }
  }
  return lines;
}

const digest = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');

/** What a build reads: data, templates, fonts, code, style, its settings file, and the settings that change its bytes. */
export function inputsStamp(paths: BuildPaths): string {
  const settings = [`docx charts ${paths.docxCharts ?? 'native'}`, `date ${process.env.SOURCE_DATE_EPOCH ?? ''}`];
  return digest([...settings, ...statLines([paths.manifest, paths.stylesFile, paths.dataDir, paths.templatesDir, paths.fontsDir, paths.codeDir])]);
}

/** What a build writes: the edition state and the output folder. */
function outputsStamp(paths: BuildPaths): string {
  return digest(statLines([paths.state, paths.outDir]));
}

/** Written after a build whose inputs, taken before it read them, were `inputs`. */
export function writeStamp(paths: BuildPaths, inputs: string, documents: StampedDocument[]): void {
  const stamp: Stamp = { inputs, outputs: outputsStamp(paths), documents };
  writeFilesAtomically([{ path: stampFile(paths), data: Buffer.from(`${JSON.stringify(stamp, null, 1)}\n`) }]);
}

/** The documents of the last build when no file it read or wrote has changed since; undefined otherwise. */
export function unchangedBuild(paths: BuildPaths): StampedDocument[] | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(paths), 'utf8')) as Stamp;
    if (stamp.inputs !== inputsStamp(paths) || stamp.outputs !== outputsStamp(paths)) return undefined;
    return stamp.documents;
  } catch {
    // No stamp yet, or one that cannot be read: the build decides by content.
    return undefined;
  }
}

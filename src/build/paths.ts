// Where a build reads and writes, for a project: light enough for the command line to find before loading the library.
import type { Project } from '../project/project.js';
import { BUNDLED } from '../project/bundled.js';
import type { DocxCharts } from '../output-options.js';

export interface BuildPaths {
  manifest: string;
  state: string;
  outDir: string;
  dataDir: string;
  templatesDir: string;
  fontsDir: string;
  /** The compiled code, fingerprinted as the tool's version. */
  codeDir: string;
  /** The project's style settings, when it has them. */
  stylesFile?: string;
  /** How DOCX files show charts (a render setting; changing it makes an update). */
  docxCharts?: DocxCharts;
}

export interface BuildPathOptions {
  /** The settings file whose documents are built; default: the project's briefing.yaml. */
  manifest?: string;
  state?: string;
  outDir?: string;
  docxCharts?: DocxCharts;
}

/** Where a build reads and writes, for a project. */
export function buildPaths(project: Project, options: BuildPathOptions = {}): BuildPaths {
  return {
    manifest: options.manifest ?? project.settingsFile,
    state: options.state ?? project.stateFile,
    outDir: options.outDir ?? project.outDir,
    dataDir: project.dataDir,
    templatesDir: project.templatesDir,
    fontsDir: project.fontsDir,
    codeDir: BUNDLED.code,
    ...(project.stylesFile ? { stylesFile: project.stylesFile } : {}),
    ...(options.docxCharts ? { docxCharts: options.docxCharts } : {}),
  };
}

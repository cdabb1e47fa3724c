// A project with its data, fonts and style loaded: what every command that reads the data works on.
import { loadDataset } from '../data/load.js';
import { loadFonts } from '../fonts/fonts.js';
import type { Workspace } from '../pipeline.js';
import { familiesOf } from '../render/style.js';
import type { Project } from './project.js';
import { loadStyle } from './style-settings.js';

/** A project with its data and fonts loaded. */
export interface LoadedProject extends Project {
  workspace: Workspace;
}

/** Loads a resolved project's data and fonts. */
export function withWorkspace(project: Project): LoadedProject {
  const style = loadStyle(project.stylesFile);
  return { ...project, workspace: { data: loadDataset(project.dataDir), fonts: loadFonts(project.fontsDir, familiesOf(style)), templatesDir: project.templatesDir, style } };
}

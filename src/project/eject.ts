// `briefing eject templates`: copies the bundled templates into the project, where they then win over the bundled ones.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../write-atomic.js';
import { BUNDLED } from './bundled.js';
import type { Project } from './project.js';

export class EjectExistsError extends Error {}

/** Copies every bundled template file into <project>/templates; refuses, writing nothing, when that folder exists. */
export function ejectTemplates(project: Project): string {
  const target = join(project.root, 'templates');
  if (existsSync(target)) throw new EjectExistsError(target);
  const files = readdirSync(BUNDLED.templates, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(BUNDLED.templates, f)).isFile())
    .map((f) => ({ path: join(target, f), data: readFileSync(join(BUNDLED.templates, f)) }));
  writeFilesAtomically(files);
  return target;
}

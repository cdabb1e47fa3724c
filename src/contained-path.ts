// Paths made from data (ids, file names) must stay inside the folder they are meant for.
import { isAbsolute, relative, resolve } from 'node:path';
import { fail } from './diagnostics.js';

/** True when `path` is `folder` itself or lies below it (both resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The resolved path of `name` in the output folder; fails if it would land outside it. */
export function outputPath(outDir: string, name: string): string {
  const path = resolve(outDir, name);
  if (path === resolve(outDir) || !isInside(outDir, path)) fail('outputOutsideFolder', undefined, name, outDir);
  return path;
}

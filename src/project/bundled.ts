// Where the files shipped with briefing stand: templates, fonts, the example data, schemas, the compiled code.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's own folder (the checkout, or where npm installed it). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const BUNDLED = {
  templates: join(PACKAGE_ROOT, 'templates'),
  fonts: join(PACKAGE_ROOT, 'fonts'),
  data: join(PACKAGE_ROOT, 'data'),
  schemas: join(PACKAGE_ROOT, 'schemas'),
  /** The compiled code, fingerprinted by the build as the tool's version. */
  code: join(PACKAGE_ROOT, 'dist', 'src'),
} as const;

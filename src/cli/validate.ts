// The `validate` command's checks beyond loading: every string of every data file against the font's character map.
import type { Diagnostic } from '../diagnostics.js';
import { checkGlyphs } from '../fonts/fonts.js';
import type { Workspace } from '../pipeline.js';

export function validateDataset(ws: Workspace): Diagnostic[] {
  return checkGlyphs(ws.fonts, ws.data.texts);
}

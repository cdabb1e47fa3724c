// The draft an import produces: observations and projects in the data format, plus what a reviewer needs to check them.
import type { Catalogue } from './catalogue.js';

/** One value read from the report. `indicator` is a catalogue id, or a proposed id when `proposed` is set. */
export interface DraftObservation {
  district: string;
  year: number;
  indicator: string;
  kind: 'target' | 'result' | 'base' | 'fyp_target';
  /** The value exactly as printed, qualifier words and unit included. */
  text: string;
  flags: string[];
  doc: string;
  line: number;
  /** The last line of a value whose text runs on from `line` to another line; the quote stands on the lines read as one. */
  lineEnd?: number;
  /** The passage on `line` (to `lineEnd`) holding `text`; empty when the cell is the text itself. */
  quote: string;
  note: string;
  /** The report's own table or box (表1, 专栏3), empty for prose. */
  table: string;
  /** The indicator's name as printed. */
  name: string;
  /** The unit printed with the name (header or unit column), if any. */
  unit: string;
  /** 预期性 or 约束性 as printed, if the table says. */
  nature: string;
  proposed: boolean;
}

export interface DraftProject {
  district: string;
  year: number;
  sector: string;
  status: string;
  zh: string;
  doc: string;
  line: number;
  /** The last line of a name that runs on from `line` to another line (a page break inside a list). */
  lineEnd?: number;
  table: string;
  /** Construction period as printed (2023—2025), if any. */
  period: string;
  /** Total investment as printed (12.5亿元), if any. */
  investment: string;
}

/** A name the catalogue lacks, proposed as a new indicator for review. */
export interface ProposedIndicator {
  id: string;
  zh: string;
  unit: string;
  line: number;
}

export interface Draft {
  observations: DraftObservation[];
  projects: DraftProject[];
  proposed: ProposedIndicator[];
}

/** What every reader of the report knows: who published it, which year it reviews, and the catalogue. */
export interface ImportContext {
  district: string;
  doc: string;
  /** The year the report reviews: its results are of this year, its plan targets of the next. */
  year: number;
  lines: string[];
  catalogue: Catalogue;
}

// Reads project lists (专栏 boxes, project tables, "竣工A、B等项目" in prose) into draft projects.
import type { DraftProject, ImportContext } from './draft.js';
import { headingContext, isFiveYearPlan, type Context } from './heading-context.js';
import { lineAt, passages, type Passage } from './passages.js';
import { columnRows } from './project-columns.js';
import { labelPhase, listsIn, type Phase } from './project-phrases.js';
import { sectorOf } from './project-sector.js';
import { findTables, squash } from './tables.js';

const STATUS: Record<Phase, [string, string]> = {
  complete: ['completed', 'planned_complete'],
  start: ['started', 'planned_start'],
  continue: ['in_progress', 'planned_continue'],
};

const BOX = /^\s*专栏\s*(\d+)\s*(.*)$/;
/** What ends a box printed without table marks: the next caption or heading ("第三节", "一、", "（四）", "11."). */
const ENDS_BOX = /^\s*(?:(?:专栏|表)\s*\d|第[一二三四五六七八九十]+[篇章节]|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．])/;

/** A passage to read for projects: the box it stands in, and the label and phase of a list standing by itself. */
interface Source {
  passage: Passage;
  box: string;
  inBox: boolean;
  /** A box's project column under its row's label ("新材料"), or a table cell beside its row's label ("竣工项目"). */
  list?: { label: string; phase: Phase };
}

/** The passages of the report: the project columns of its 专栏 tables, then its paragraphs; each with the box it stands in. */
function sources(lines: string[]): Source[] {
  const boxOf = new Map<number, string>();
  const projectBox = new Set<number>();
  const skip = new Set<number>();
  const out: Source[] = [];
  lines.forEach((line, index) => {
    const caption = BOX.exec(line);
    if (!caption || line.startsWith('\t')) return;
    const box = `专栏${caption[1]}`;
    let end = index + 1;
    while (end < lines.length && !ENDS_BOX.test(lines[end]!)) end++;
    for (let l = index + 1; l <= end; l++) boxOf.set(l, box);
    if (/项目|工程/.test(caption[2]!)) for (let l = index + 1; l <= end; l++) projectBox.add(l);
    const table = columnRows(lines, index);
    for (const row of table?.rows ?? []) out.push({ passage: row.projects, box, inBox: true, list: { label: row.label, phase: 'continue' } });
    for (let l = index + 1; table && l <= table.end; l++) skip.add(l);
  });
  for (const passage of passages(lines, skip)) {
    const line = passage.parts[0]!.line;
    const source: Source = { passage, box: boxOf.get(line) ?? '', inBox: projectBox.has(line) };
    // A table row's cell after a label saying what becomes of the projects ("\t竣工项目" then "\tA、B等项目。").
    const before = lines[line - 2];
    const label = before?.startsWith('\t') && lines[line - 1]!.startsWith('\t') ? squash(before) : '';
    const phase = label.length <= 8 ? labelPhase(label) : undefined;
    out.push(phase ? { ...source, list: { label, phase } } : source);
  }
  return out.sort((a, b) => a.passage.parts[0]!.line - b.passage.parts[0]!.line);
}

/** Every project list of the report; the year is the table's or else the section's, the status from the list's verb. */
export function readProjects(ctx: ImportContext): DraftProject[] {
  const tableOf = new Map<number, { label: string; year?: number }>();
  for (const t of findTables(ctx.lines)) {
    const year = Number(/(20\d\d)年/.exec(t.caption)?.[1] ?? 0) || undefined;
    for (let l = t.captionLine; l < t.end; l++) tableOf.set(l, { label: t.label, ...(year ? { year } : {}) });
  }
  // The year below each line, and the label of the table row it stands under ("\t重大项目").
  const fiveYearPlan = isFiveYearPlan(ctx.lines);
  const yearAt: number[] = [];
  const rowLabelAt: string[] = [];
  let context: Context = { year: ctx.year, kind: 'result' };
  let rowLabel = '';
  ctx.lines.forEach((raw) => {
    context = headingContext(raw, ctx, fiveYearPlan, context);
    if (raw.startsWith('\t') && squash(raw).length <= 8 && !/\d/.test(raw)) rowLabel = raw.trim();
    yearAt.push(context.year);
    rowLabelAt.push(rowLabel);
  });
  const out: DraftProject[] = [];
  // A project named twice in a year (with or without its 项目) is drafted from the list saying its status most surely:
  // a box's label "开工重点项目" over "…等项目加快建设" in prose, a verb over a box's default; else the first. Two labels
  // with two statuses both stand (a project in a box's 开工 list and its 竣工 list: started and completed in the year).
  const seen = new Map<string, { index: number; weight: number; status: string }>();
  for (const { passage, box, inBox, list: given } of sources(ctx.lines)) {
    const first = passage.parts[0]!.line;
    if (BOX.test(passage.text) || /^表\d/.test(passage.text)) continue;
    const table = tableOf.get(first);
    const year = table?.year ?? yearAt[first - 1]!;
    for (const list of listsIn(passage.text, inBox, given)) {
      for (const { name, at, phase } of list.names) {
        const key = `${year}|${name.replace(/[“”]/g, '').replace(/(?:工程)?(?:项目)?$/, '')}`;
        const status = STATUS[phase][year > ctx.year ? 1 : 0];
        const earlier = seen.get(key);
        if (earlier && (earlier.weight > list.weight || (earlier.weight === list.weight && (list.weight < 2 || earlier.status === status)))) continue;
        const line = lineAt(passage, at);
        const lineEnd = lineAt(passage, Math.max(at, passage.text.indexOf(name, at)) + name.length - 1);
        const project: DraftProject = {
          district: ctx.district,
          year,
          sector: sectorOf(list.label, rowLabelAt[first - 1]!, name),
          status,
          zh: name,
          doc: ctx.doc,
          line,
          ...(lineEnd > line ? { lineEnd } : {}),
          table: table?.label ?? box,
          period: '',
          investment: '',
        };
        if (earlier && earlier.weight < list.weight) out[earlier.index] = project;
        else out.push(project);
        if (!earlier || earlier.weight < list.weight) seen.set(key, { index: earlier?.index ?? out.length - 1, weight: list.weight, status });
      }
    }
  }
  return out;
}

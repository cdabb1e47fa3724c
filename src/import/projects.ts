// Reads project lists (专栏 boxes, project tables, "竣工A、B等项目" in prose) into draft projects.
import type { DraftProject, ImportContext } from './draft.js';
import { findTables, squash } from './tables.js';

type Phase = 'complete' | 'start' | 'continue';

const PHASE_WORDS: [RegExp, Phase][] = [
  [/竣工|建成|完工|投产|投用/, 'complete'],
  [/开工|新开工|启动/, 'start'],
  [/加快|推进|续建|在建|实施|建设/, 'continue'],
];
const VERB = '(竣工投产|竣工|建成投用|建成|完工|开工建设|新开工|开工|加快推进|加快建设|推进|续建)';
const SECTORS: [RegExp, string][] = [
  [/生态|环保|污水|治理|修复|垃圾|固废|流域|库岸|雨污|黑臭/, 'environment'],
  [/水利|水库|供水|水厂|水网|灌区|提灌/, 'water'],
  [/光伏|电网|输变电|千伏|燃气|天然气|充电|储能|风电|热电|能源项目|^能源$/, 'energy'],
  [/民生|社会|教育|学校|小学|中学|幼儿园|医院|卫生|医疗|养老|托育|文化|体育|图书馆|博物馆|党校|安置|保障性/, 'social'],
  [/农业|乡村|粮|茶|果|蔬|畜|养殖|种植|田园|渔/, 'agriculture'],
  [/服务业|商贸|物流|旅游|文旅|酒店|商业|金融|总部|会展|市场|电商/, 'services'],
  [/产业|工业|制造|生产|基地|新材料|园区|技改|产能|生物医药/, 'industry'],
  [/交通|公路|高铁|铁路|高速|大道|道路|路网|港口|港区|码头|大桥|桥梁|隧道|机场|枢纽|连接道|干道|路(?:段|工程)?$/, 'transport'],
  [/城建|城市|城中村|老旧小区|旧城|棚户|片区|公园|停车/, 'urban'],
];

function sectorOf(...texts: string[]): string {
  for (const text of texts) for (const [pattern, sector] of SECTORS) if (pattern.test(text)) return sector;
  return 'industry';
}

function phaseOf(text: string): Phase | undefined {
  return PHASE_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

const STATUS: Record<Phase, [string, string]> = {
  complete: ['completed', 'planned_complete'],
  start: ['started', 'planned_start'],
  continue: ['in_progress', 'planned_continue'],
};

/** Splits a list of names on 、 and ； outside brackets, dropping list words (等, 项目 endings stay). */
function splitNames(list: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of list) {
    if ('（(【“'.includes(c)) depth++;
    if ('）)】”'.includes(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、；;'.includes(c)) {
      names.push(current);
      current = '';
    } else current += c;
  }
  names.push(current);
  return names.map((n) => n.replace(/^(?:\[bookmark:[^\]]*\])?\s*/, '').replace(/[。.]$/, '').trim()).filter((n) => squash(n).length >= 2 && !/^\d+$/.test(n));
}

/** Project names of one passage, each with its phase. */
function listsIn(text: string): { names: string[]; phase: Phase; label: string }[] {
  const out: { names: string[]; phase: Phase; label: string }[] = [];
  // "开工重点项目：A；B；C" — a labelled list in a box.
  const labelled = /^\s*([^：:。，]{2,20})[：:](.+)$/.exec(text);
  if (labelled && /[；;]|项目/.test(labelled[2]!) && !/\d+%|亿元[，。]/.test(labelled[2]!)) {
    const phase = phaseOf(labelled[1]!) ?? 'continue';
    out.push({ names: splitNames(labelled[2]!.replace(/等(?:\d+个)?项目.*$/, '')), phase, label: labelled[1]! });
    return out;
  }
  for (const sentence of text.split(/[。；;]/)) {
    // "竣工A、B等项目" and "A、B等项目竣工" / "A、B等19个项目开工建设".
    const before = new RegExp(`${VERB}([^，。]*?)等(?:\\d+个)?(?:重点)?项目`, 'g');
    for (const m of sentence.matchAll(before)) out.push({ names: splitNames(m[2]!), phase: phaseOf(m[1]!)!, label: '' });
    const after = new RegExp(`(?:^|[，,：:])([^，,：:]*?)等(?:\\d+个)?(?:重点)?项目(?:全面|顺利|主体)?${VERB}`, 'g');
    for (const m of sentence.matchAll(after)) {
      if (new RegExp(VERB).test(m[1]!.slice(0, 4))) continue;
      out.push({ names: splitNames(m[1]!.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)?[^。]{0,8}。/, '')), phase: phaseOf(m[2]!)!, label: '' });
    }
  }
  return out;
}

/** Every project list of the report; the year is the table's or else the section's, the status from the list's verb. */
export function readProjects(ctx: ImportContext): DraftProject[] {
  const tableOf = new Map<number, { label: string; year?: number }>();
  for (const t of findTables(ctx.lines)) {
    const year = Number(/(20\d\d)年/.exec(t.caption)?.[1] ?? 0) || undefined;
    for (let l = t.captionLine; l < t.end; l++) tableOf.set(l, { label: t.label, ...(year ? { year } : {}) });
  }
  const out: DraftProject[] = [];
  const seen = new Set<string>();
  let sectionYear = ctx.year;
  let sectionLabel = '';
  ctx.lines.forEach((raw, index) => {
    const line = raw.trim();
    const heading = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节篇])(.*)$/.exec(line);
    if (heading && squash(line).length < 40) sectionYear = Number(/(20\d\d)年/.exec(line)?.[1] ?? sectionYear);
    const table = tableOf.get(index + 1);
    const rowLabel = raw.startsWith('\t') && squash(line).length <= 8 && !/\d/.test(line) ? line : undefined;
    if (rowLabel) sectionLabel = rowLabel;
    if (!/项目|[：:].*[；;]/.test(line) || /^(?:表|专栏)\s*\d+/.test(line)) return;
    const year = table?.year ?? sectionYear;
    for (const list of listsIn(line)) {
      for (const name of list.names) {
        const key = `${year}|${name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          district: ctx.district,
          year,
          sector: sectorOf(list.label, sectionLabel, name),
          status: STATUS[list.phase][year > ctx.year ? 1 : 0],
          zh: name,
          doc: ctx.doc,
          line: index + 1,
          table: table?.label ?? '',
          period: '',
          investment: '',
        });
      }
    }
  });
  return out;
}

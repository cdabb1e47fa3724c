// Reading rules for project lists: the verbs telling what becomes of a project, before or after its names, and the list words around them.
import { cleanName, namesAProject, splitNames, type Named } from './project-names.js';

export type Phase = 'complete' | 'start' | 'continue';

export interface ProjectList {
  names: (Named & { phase: Phase })[];
  /** The list's label ("开工重点项目", "生态环境治理"), if one stands before it. */
  label: string;
  /** How surely the list says its names' status: 2 its label says it (开工重点项目), 1 a verb, 0 only a box's default. */
  weight: number;
}

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');
const VERBS: Record<Phase, string[]> = {
  complete: ['投产达产', '完工投产', '完工投用', '竣工投产', '竣工投用', '竣工通车', '竣工', '建成投产', '建成投用', '建成投运', '建成通车', '建成开放', '建成', '完工', '投产', '投用', '完成', '开园迎客', '开园', '开业', '贯通'],
  start: ['开工建设', '新开工', '开工', '启动建设', '启动', '新建', '动工'],
  continue: ['加快建设', '加快推进', '加快实施', '加速推进', '提速推进', '有序推进', '规划建设', '推进', '续建', '实施', '建设'],
};
/** Verbs said of much besides projects ("建设教育强区"): one of them after a name is not taken for the name's own verb. */
const WEAK = new Set(['建成', '完成', '启动', '新建', '推进', '实施', '建设']);
/** Verbs said only of a place opening: what opens is a project, whatever its name ends with ("童乐家家开园迎客"). */
const OPENING = new Set(['开园迎客', '开园', '开业']);
const VERB = byLength(Object.values(VERBS).flat());
const phaseOf = (verb: string): Phase => (Object.keys(VERBS) as Phase[]).find((p) => VERBS[p].includes(verb))!;

/** Words before a verb saying how or when ("力争开工", "配套建成"); after a list, how far ("主体完工", "顺利开工"). */
const BEFORE = '(?:力争|确保|争取|全面|重点|配套|适时|逐步|着力|大力|推动|计划|尽快|及时|全力|同步|积极)*';
const AFTER = '(?:全面|顺利|主体|加速|基本|焕新|即将|已|正式|全线|尽快|相继|陆续)*';
const VERB_FIRST = new RegExp(`^${BEFORE}(${VERB})(.+)$`);
/** Words before a list whose verb comes after it ("确保萤石智能制造基地完工投产", "加快生物医药产业园三期建设"). */
const URGING = '(?:提速|加快|力促|力争|确保|推动|支持|全力|尽快)*';
const VERB_LAST = new RegExp(`^${URGING}(.+?)${AFTER}(${VERB})$`);
const CLAIMED = new RegExp(`(${VERB})?(?:国内|全国|全市|全区)首(?:个|条|套|座|家|台)(.+?)(?:${AFTER}(${VERB}|实现产业化))?$`);
/** A list's closing word: 等项目, 等19个项目, 等总投资亿元以上项目20个以上, 等6个老旧小区改造, 等创新平台. */
const LIST_WORD = /(?<![高平同中初上头])等(?!级)(\d+(?:个|项|座|条|所))?([^、；;等]{0,14}?)(?:项目(?:\d+个(?:以上)?)?)?(?:建设)?$/;
/** Work not yet building: 前期工作, 论证, 规划 — a list of those is not of projects. */
const NOT_YET = /前期|论证|规划|研究/;
/** The end of a list naming what is done to all its names: "…迁建工作", "…主体工程", "…建设"; "…前期工作并及时开工". */
const SHARED_TAIL = /(?:前期工作)?并(?:及时|同步)?(竣工|建成|投用|投产|开工)$|迁建工作$|主体工程$|建设$/;

/** Splits on `marks` outside brackets and quotes, keeping each piece's offset. */
function pieces(text: string, marks: string, from = 0): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i] ?? marks[0]!;
    if ('（(【“'.includes(c)) depth++;
    else if ('）)】”'.includes(c)) depth = Math.max(0, depth - 1);
    else if ((depth === 0 || i === text.length) && marks.includes(c)) {
      if (i > start) out.push({ text: text.slice(start, i), at: from + start });
      start = i + 1;
    }
  }
  return out;
}

/**
 * The names of a list, and whether a list word closes it; undefined when the word says they are not projects. A
 * list without one loses what follows its last name and is said of all of them ("A、B主体工程", "…迁建工作").
 */
function listNames(list: string, at: number, verbFirst: boolean): { names: Named[]; marked: boolean } | undefined {
  const word = LIST_WORD.exec(list);
  if (word) {
    const [, count, kind = ''] = word;
    const project = kind === '' || /项目$|工程$/.test(kind) || /项目/.test(word[0]);
    // "分水、甘宁…等休闲农业和乡村旅游": a list of a kind of thing is of projects only with their count, or after a verb of
    // building when the kind is a thing built ("等创新平台", "等公共文化设施", not "等片区开发").
    if (!project && !count && !(verbFirst && (namesAProject(kind) || /设施$/.test(kind)))) return undefined;
    if (NOT_YET.test(kind)) return undefined;
    return { names: splitNames(list.slice(0, word.index), at), marked: true };
  }
  const tail = SHARED_TAIL.exec(list);
  const names = splitNames(tail && !/[、；;]$/.test(list.slice(0, tail.index)) ? list.slice(0, tail.index) : list, at);
  return { names, marked: false };
}

/**
 * The names of a list without a list word that can stand alone: outside a project box, each must read as one
 * project's name, ending in what is built or done ("…中心", "…改造"), neither counted ("11座污水处理厂扩容改造"),
 * nor a list itself ("…基地等重大项目抓争取"), nor described ("有条件的镇乡…").
 */
function unmarked<T extends Named>(names: T[], anyName: boolean): T[] {
  const alone = (name: string) => !/^\d+[个座家栋艘项条所]/.test(name) && !/等[^、]{0,12}项目/.test(name);
  return names.filter((n) => alone(n.name) && (anyName || (namesAProject(n.name) && !n.name.includes('的'))));
}

/** The project list of one clause, if it is one: "竣工A、B等项目", "A、B等项目开工建设", "开工建设A", "A建成投用". */
function clauseList(clause: string, at: number, inBox: boolean): ProjectList['names'] | undefined {
  const first = VERB_FIRST.exec(clause);
  if (first) {
    const [, verb, list] = first as unknown as [string, string, string];
    const tail = SHARED_TAIL.exec(list);
    if (/前期工作$/.test(list) && !tail) return undefined;
    const phase = tail?.[1] ? phaseOf(tail[1]) : phaseOf(verb);
    const read = listNames(list, at + clause.length - list.length, true);
    if (!read) return undefined;
    const names = read.names.map((n) => ({ ...n, phase }));
    return read.marked ? names : unmarked(names, inBox);
  }
  const last = VERB_LAST.exec(clause);
  if (last) {
    const [, subject, verb] = last as unknown as [string, string, string];
    if (/前期工作$/.test(subject)) return undefined;
    const read = listNames(subject, at + clause.indexOf(subject), false);
    if (!read) return undefined;
    if (read.marked) return read.names.map((n) => ({ ...n, phase: phaseOf(verb) }));
    // "渝万高铁加快建设、渝宜高铁顺利开工": each name with its own verb.
    const names = read.names.map((n) => {
      const own = VERB_LAST.exec(n.name);
      if (!own || own[1]!.length < 3 || WEAK.has(own[2]!)) return { ...n, phase: phaseOf(verb) };
      return { name: own[1]!, at: n.at + n.name.indexOf(own[1]!), phase: phaseOf(own[2]!) };
    });
    return unmarked(names, inBox || OPENING.has(verb));
  }
  // "华峰化工建成国内首套…装置", "建峰化工国内首套…装置实现产业化": what a company built first in the country is a project.
  const claimed = CLAIMED.exec(clause);
  const claimVerb = claimed?.[1] ?? claimed?.[3];
  const name = claimed && claimVerb ? cleanName({ name: claimed[2]!, at: at + clause.indexOf(claimed[2]!) }) : undefined;
  return name ? [{ ...name, phase: claimVerb === '实现产业化' ? 'complete' : phaseOf(claimVerb!) }] : undefined;
}

/** A label before a list ("开工重点项目：", "一、生态环境治理：", "城市交通衔接:横向:"), numbering left off. */
const LABEL = /^((?:(?:[一二三四五六七八九十]+、)?[^：:，,。、；;[\]]{1,20}[：:])+)/;
const labelText = (label: string) => label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, '').split(/[：:]/).filter(Boolean).pop() ?? '';

/** Words of a label saying what becomes of the projects it lists ("开工重点项目", "续建项目"; not the 建设 of "经济圈建设"). */
const LABEL_PHASES: [RegExp, Phase][] = [
  [/竣工|建成|完工|投产|投用/, 'complete'],
  [/开工|启动/, 'start'],
  [/续建|在建/, 'continue'],
];

/** What becomes of the projects a label lists, if the label says; "continue" for a label naming projects. */
export function labelPhase(label: string): Phase | undefined {
  return LABEL_PHASES.find(([words]) => words.test(label))?.[1] ?? (/项目|工程/.test(label) ? 'continue' : undefined);
}

/**
 * The project lists of a passage. A labelled list with no verb ("开工重点项目：A；B") is read as names when the label
 * says what becomes of them or names projects, or when the passage stands in a project box (`inBox`); so is a list
 * given its label and phase (`list`: a box's project column, a table cell beside its row's label). Names separated
 * by ； are taken whole, 、 and 等 in them included ("10千伏刘柏线等线路迁改工程").
 */
export function listsIn(text: string, inBox: boolean, list?: { label: string; phase: Phase }): ProjectList[] {
  const out: ProjectList[] = [];
  let label = list?.label ?? '';
  /** The phase of names a list gives without a verb, and its weight (2 when its label says it). */
  const labelled = (text: string, phase: Phase) => ({ phase, weight: LABEL_PHASES.some(([words]) => words.test(text)) ? 2 : 0 });
  let plain = list && labelled(list.label, list.phase);
  for (const statement of pieces(text, '。！？!?')) {
    let body = statement.text;
    let at = statement.at;
    const head = LABEL.exec(body);
    if (head) {
      label = labelText(head[1]!);
      body = body.slice(head[0].length);
      at += head[0].length;
      const phase = labelPhase(head[1]!) ?? (inBox ? 'continue' : undefined);
      plain = phase && labelled(head[1]!, phase);
    } else if (/^（[一二三四五六七八九十]+）[^，,]{1,8}$/.test(body)) {
      // "（一）道路桥梁": a heading inside the passage names what follows.
      label = body.replace(/^（[一二三四五六七八九十]+）/, '');
      continue;
    }
    const items = pieces(body, '；;', at);
    if (plain && items.length > 1 && !clauseList(items[0]!.text, items[0]!.at, inBox)) {
      const names = items.map((item) => cleanName({ name: item.text, at: item.at })).filter((n) => n !== undefined);
      out.push({ names: names.map((n) => ({ ...n, phase: plain!.phase })), label, weight: plain.weight });
      continue;
    }
    for (const [index, item] of items.entries()) {
      // "…(三横);纵向:实施…": a label may open each part of a statement.
      const own = index > 0 ? LABEL.exec(item.text) : null;
      if (own) label = labelText(own[1]!);
      const part = own ? { text: item.text.slice(own[0].length), at: item.at + own[0].length } : item;
      // A list after a verb may run on over commas to its list word ("加快实施A,B迁建一、二期,C迁建等项目").
      let open: { phase: Phase; names: Named[] } | undefined;
      for (const clause of pieces(part.text, '，,', part.at)) {
        const names = clauseList(clause.text, clause.at, inBox);
        if (names) {
          plain = undefined;
          if (names.length) out.push({ names, label, weight: 1 });
          open = names.length && VERB_FIRST.test(clause.text) && !LIST_WORD.test(clause.text) ? { phase: names[0]!.phase, names: [] } : undefined;
        } else if (plain && !/\d+(?:\.\d+)?(?:%|亿元|万元)/.test(clause.text)) {
          const read = listNames(clause.text, clause.at, false);
          if (read?.names.length) out.push({ names: read.names.map((n) => ({ ...n, phase: plain!.phase })), label, weight: plain.weight });
        } else if (open) {
          const read = listNames(clause.text, clause.at, true);
          open.names.push(...unmarked(read?.names ?? [], false));
          if (read?.marked) out.push({ names: open.names.map((n) => ({ ...n, phase: open!.phase })), label, weight: 1 });
          if (!read || read.marked) open = undefined;
        }
      }
    }
  }
  return out;
}

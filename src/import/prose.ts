// Reads targets and results written in prose ("地区生产总值增长6%左右", "完成固定资产投资276.2亿元") into draft observations.
import type { Catalogue, CatalogueEntry } from './catalogue.js';
import type { DraftObservation, ImportContext } from './draft.js';
import { HEADING, headingContext, isFiveYearPlan, type Context } from './heading-context.js';
import { squash } from './tables.js';

/** A printed form of an indicator's name, and whether it names the rate (growth) or the level. */
interface Surface {
  text: string;
  entries: CatalogueEntry[];
}

interface Found {
  start: number;
  /** A statement said of a rate (正增长, 与经济增长保持同步). */
  growth?: boolean;
  end: number;
  prefix: string;
  number: string;
  unit: string;
  suffix: string;
  text: string;
}

/** Words between a name and its value that say how it is reported, not what. */
const LINK_WORDS = [
  '同比', '分别', '累计', '全年', '年均', '达到', '达', '为', '完成', '实现', '增长', '增加', '下降', '降低', '降至', '降到', '提高', '提升', '增至', '增到', '提高到', '提升至', '提高至',
  '增速', '拓展至', '拓展到', '动态', '保持在', '保持', '稳定在', '稳定', '控制在', '力争', '预计', '总量', '规模', '总额', '再', '新增', '净增', '突破', '超过', '超', '在', '到', '至', '了', '近', '约', '共', '已', '的', '基数',
].sort((a, b) => b.length - a.length);
/** Words between a name and its statement ("国控断面水质连续4年稳定为Ⅱ类", "节能减排降碳等约束性指标完成…"). */
const LINK_PHRASES = ['连续\\d+年', '等(?:约束性|预期性)?指标'];
const LINKS = new RegExp(`^(?:${[...LINK_PHRASES, ...LINK_WORDS].join('|')})*$`);
/** Qualitative values as printed: targets and results that are statements, not numbers. */
const STATEMENT = /正增长|与(?:经济|GDP|地区生产总值)增长(?:保持)?同步|动态清零|稳定(?:为|在|保持)?(?:优|(?:I{1,3}|IV|V)类)|完成(?:市上|市级|市|上级)下达(?:的)?任务|上级下达任务/g;
const GROWTH_WORD = /增长|增速|增幅|下降|降低/;
/** A name that is itself a rate ("地区生产总值年均增长"). */
const GROWTH_NAME = /(增速|增长率|增长|增幅)$/;
const CHANGE_WORD = /增长|增加|下降|降低|减少|提高|提升/;
/** Words ending a subject that is a part of the district (towns, parks, river banks), not the district. */
const SUB_AREA = /(镇乡|(?<!城)镇|(?<!城)乡|两岸|沿线|经开区|开发区|园区|片区|新区|景区|港区)$/;
/** What may stand right before a name without making it a narrower indicator: the district, the year, reporting words. */
const FREE_BEFORE_NAME = new RegExp(`(?:${[
  '全区', '区级', '本区', '[区县市]', '全年', '全口径', '其中', '[年月]', '年末', '年底', '预计', '累计', '共', '合计', '同比', '力争', '确保', '以及', '和', '及', '与', '全体', '当年', '等', '新', '规划', '认真', '城乡', '农村',
  '\\d[个项家户名所条座]', '实现', '完成', '达到', '达', '新增', '带动', '打造', '上榜', '上线', '上屏', '培育', '改造', '建成', '建设', '创建', '办理', '实施', '开展', '引育', '新建',
  '整治', '推进', '推动', '加快', '引进', '招引', '签约', '开工', '竣工', '投用', '认定', '入选', '突破', '保持', '稳定', '控制', '降低', '提高', '提升', '增加', '减少', '落实', '争取', '储备', '谋划',
].join('|')})$`);
const RESPECTIVELY = /分别|(?<![年人平])均(?=增长|下降|提高|提升|达|为|保持|稳定|超过|在)/;
const SENTENCE_END = /[。；;！？!?]/;
const CLAUSE_END = /[，,：:。；;！？!?]/;

/** A name as prose prints it: width-normalised, no spaces, no parenthesised qualifier. */
const surfaceKey = (name: string) => squash(name.normalize('NFKC')).replace(/\([^()]*\)$/, '');

/** Names and aliases of the catalogue as they can stand in prose, longest first. */
export function proseSurfaces(catalogue: Catalogue): Surface[] {
  const byText = new Map<string, CatalogueEntry[]>();
  const add = (text: string, entry: CatalogueEntry) => {
    const t = surfaceKey(text);
    if (t.length < 2) return;
    // The short forms reports use: GDP for 地区生产总值, 国企 for 国有企业.
    for (const variant of new Set([t, t.replace(/地区生产总值/g, 'GDP'), t.replace(/国有企业/g, '国企')])) {
      const list = byText.get(variant) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byText.set(variant, list);
    }
  };
  for (const entry of catalogue.entries) {
    for (const name of entry.names) {
      add(name, entry);
      const base = name.replace(/(增速|增长率|增长|增幅|降幅|下降率)$/, '');
      if (base !== name) add(base, entry);
    }
  }
  // A count or an area is printed without the word saying so ("问题销号76个" for 问题销号数, "厂房12万平方米" for 厂房面积),
  // where no other name is printed so.
  for (const entry of catalogue.entries) {
    for (const name of entry.names) {
      const bare = surfaceKey(name).replace(entry.measure === 'count' ? /(入选数|个数|(?<![人户总指量])数)$/ : /面积$/, '');
      if (bare !== surfaceKey(name) && bare.length >= 4 && !byText.has(bare)) byText.set(bare, [entry]);
    }
  }
  return [...byText.entries()].map(([text, entries]) => ({ text, entries })).sort((a, b) => b.text.length - a.text.length);
}

function valuePattern(units: readonly string[]): RegExp {
  const unitAlternatives = ['个百分点', ...units.filter((u) => u !== '无')].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  return new RegExp(`(突破|超过|超|不低于|不少于|不超过|低于|近|约|逾)?(\\d+(?:\\.\\d+)?)(${unitAlternatives})(左右|以上|以内|以下|余)?`, 'g');
}

/** Every value with a unit in a sentence; a year ("2024年") is not a value, nor a number inside a name ("收入10万元以上的村占比"). */
function valuesIn(sentence: string, pattern: RegExp, surfaces: Surface[]): Found[] {
  const out: Found[] = [];
  const inNames = numberedNames(sentence, surfaces);
  for (const m of sentence.matchAll(pattern)) {
    const [text, prefix = '', number, unit, suffix = ''] = m;
    if (inNames.some(([from, to]) => m.index < to && m.index + text.length > from)) continue;
    // A year is not a value, nor an ordinal ("全区第7户百亿级企业"), nor a number run on from a word ("PM2.5"), unless that word ends a name ("核心KPI660个").
    const left = sentence[m.index - 1] ?? '';
    if (unit === '年' || /[\d.第]/.test(left) || (/[A-Za-z]/.test(left) && !surfaces.some((s) => sentence.slice(0, m.index).endsWith(s.text)))) continue;
    // Every bound word is kept with its number: the value parser reads 近 and 约 as about, 逾 as more than.
    out.push({ start: m.index, end: m.index + text.length, prefix, number: number!, unit: unit!, suffix, text });
  }
  for (const m of sentence.matchAll(STATEMENT)) {
    // 正增长 and 与经济增长同步 are said of a rate; the others of a state, an indicator without a unit.
    const growth = /增长|同步/.test(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, prefix: '', number: '', unit: growth ? '%' : '无', suffix: '', text: m[0], growth });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Where in a sentence the names holding a number stand ("集体经济经营性收入10万元以上的村占比"), as [start, end) pairs. */
function numberedNames(sentence: string, surfaces: Surface[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const s of surfaces) {
    if (!/\d/.test(s.text)) continue;
    for (let at = sentence.indexOf(s.text); at >= 0; at = sentence.indexOf(s.text, at + 1)) spans.push([at, at + s.text.length]);
  }
  return spans;
}

/**
 * The entry of `surface` a value of `unit` can be, the rate when the words between say so. A name
 * printed only for the level ("接待旅客量") has the rate its catalogue name has ("接待游客量增速").
 */
function choose(surface: Surface, unit: string, growth: boolean, surfaces: Surface[]): CatalogueEntry | undefined {
  const unitOf = (e: CatalogueEntry) => e.unit === unit || (unit === '个百分点' && e.unit === '%');
  const texts = surfaceTexts(surfaces);
  const rates = [...surface.entries, ...surface.entries.flatMap((e) => (e.measure === 'growth' ? [] : texts.get(surfaceKey(e.zh))?.entries ?? []))];
  const rate = rates.find((e) => e.measure === 'growth' && unitOf(e));
  const level = surface.entries.find((e) => e.measure !== 'growth' && unitOf(e));
  return growth ? rate ?? level : level ?? (surface.entries.some((e) => e.measure === 'growth' && surface.text === squash(e.zh)) ? rate : undefined);
}

/** Prose values, line by line, skipping the lines `skip` (tables already read). */
export function readProse(ctx: ImportContext, skip: Set<number>): DraftObservation[] {
  const fiveYearPlan = isFiveYearPlan(ctx.lines);
  const surfaces = proseSurfaces(ctx.catalogue);
  const pattern = valuePattern(ctx.catalogue.units);
  const out: DraftObservation[] = [];
  let context: Context = { year: ctx.year, kind: 'result' };
  let townSection = false;
  const flat = (i: number) => comparable(ctx.lines[i]!).text;
  for (let index = 0; index < ctx.lines.length; index++) {
    const raw = ctx.lines[index]!;
    context = headingContext(raw, ctx, fiveYearPlan, context);
    // Under a town's or subdistrict's own heading ("龙驹镇"), values are the town's, up to the next section.
    if (HEADING.test(raw) || /^\s*第[一二三四五六七八九十]+[篇章节]/.test(raw)) townSection = false;
    else if (/^\p{Script=Han}{1,6}(镇|乡|街道)$/u.test(raw.trim())) townSection = true;
    if (skip.has(index + 1) || townSection) continue;
    // A paragraph broken over lines (a page break: "铁路营业里程预" … "计达到285公里"): read as one, each value at its own line.
    const parts = [{ start: 0, lineNo: index + 1, ...comparable(raw) }];
    let text = parts[0]!.text;
    for (let next = continuation(ctx.lines, index, skip); next !== undefined; next = continuation(ctx.lines, index, skip)) {
      parts.push({ start: text.length, lineNo: next + 1, ...comparable(ctx.lines[next]!) });
      text += flat(next);
      index = next;
    }
    if (!/\d/.test(text) && text.search(STATEMENT) < 0) continue;
    let offset = 0;
    for (const sentence of text.split(new RegExp(`(?<=${SENTENCE_END.source})`))) {
      const base = offset;
      const locate = (at: number) => {
        const part = [...parts].reverse().find((p) => p.start <= base + at)!;
        return { ...part, from: part.start - base };
      };
      out.push(...sentenceValues(sentence, locate, surfaces, pattern, context, ctx));
      offset += sentence.length;
    }
  }
  return out;
}

/** The line continuing line `index`'s paragraph after a break (blank lines between), if it does not end there. */
function continuation(lines: string[], index: number, skip: Set<number>): number | undefined {
  const line = lines[index]!.trim();
  if (line.length < 20 || line.startsWith('\t') || /[。；;！？!?：:]$/.test(line)) return undefined;
  let next = index + 1;
  while (next < lines.length && next <= index + 2 && lines[next]!.trim() === '') next++;
  const text = lines[next]?.trim();
  if (!text || next > index + 2 || skip.has(next + 1) || lines[next]!.startsWith('\t') || HEADING.test(lines[next]!) || /^(表|专栏)\s*\d/.test(text)) return undefined;
  return next;
}

/** Where a sentence's character stands: its line's number and text. */
type Locate = (at: number) => { lineNo: number; /** Where the line starts in the sentence (negative: before it). */ from: number } & Comparable;

/** The passage from `start` to `end` of a sentence as printed, over as many lines as it runs (spaces dropped). */
function printedOver(locate: Locate, start: number, end: number): string {
  let out = '';
  for (let at = start; at < end; ) {
    const line = locate(at);
    const to = Math.min(end, line.from + line.text.length);
    out += line.raw.slice(line.map[at - line.from], line.map[to - 1 - line.from]! + 1);
    at = to;
  }
  return out.replace(/\s+/g, '');
}

/** A line as the readers compare it (width-normalised, no spaces), with where each of its characters stands in the line as printed. */
interface Comparable {
  text: string;
  raw: string;
  /** Index in `raw` of each character of `text`. */
  map: number[];
}

function comparable(raw: string): Comparable {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    const n = c.normalize('NFKC').replace(/\s+/g, '');
    text += n;
    for (let k = 0; k < n.length; k++) map.push(i);
  }
  return { text, raw, map };
}

/** The passage as printed (full-width marks kept, spaces dropped) for a piece of a comparable line, if it stands there. */
function printed(line: Comparable, piece: string): string | undefined {
  const at = line.text.indexOf(piece);
  if (at < 0 || !piece) return undefined;
  return line.raw.slice(line.map[at], line.map[at + piece.length - 1]! + 1).replace(/\s+/g, '');
}

function sentenceValues(
  sentence: string, locate: Locate, surfaces: Surface[], pattern: RegExp, context: Context, ctx: ImportContext,
): DraftObservation[] {
  const out: DraftObservation[] = [];
  const values = valuesIn(sentence, pattern, surfaces);
  const emit = (surface: Surface | undefined, value: Found, growth: boolean, quoteStart: number) => {
    const entry = surface && choose(surface, value.unit, growth || !!value.growth || GROWTH_NAME.test(surface.text), surfaces);
    if (entry) out.push(observation(entry, value, surface, sentence, quoteStart, locate, context, ctx));
  };
  /** The names of the values read so far in this sentence, in order. */
  const named: Surface[] = [];
  let previous: { surface: Surface; end: number; quoteStart: number } | undefined;
  let subArea = false;
  for (let v = 0; v < values.length; v++) {
    const value = values[v]!;
    const from = Math.max(previous?.end ?? 0, v > 0 ? values[v - 1]!.end : 0, lastIndexOf(sentence, CLAUSE_END, value.start) + 1);
    const before = sentence.slice(from, value.start);
    // "A、B、C分别增长9%、6%、5%": the names in order, the values in order.
    // "A、B均下降11.8%": one value for every name.
    const listed = RESPECTIVELY.test(before) || /[、和]/.test(before) ? respectively(sentence, values, v, surfaces) : undefined;
    if (listed) {
      listed.names.forEach((surface, k) => emit(surface, values[v + (listed.same ? 0 : k)]!, GROWTH_WORD.test(listed.gap), listed.clauseStart));
      if (!listed.same) v += listed.names.length - 1;
      previous = undefined;
      continue;
    }
    // "接待旅客量4318万人次、旅游总花费368亿元，分别增长10.9%、10.2%": the rates of the values just named.
    const chained = chainLength(sentence, values, v);
    if (/分别/.test(before) && LINKS.test(before) && chained > 1 && named.length >= chained) {
      // "…51户、科技型企业306户，总量分别达256户、2302户": the totals of the things just named, where the catalogue has them.
      const totals = /总量|累计|总数/.test(before);
      named.slice(-chained).forEach((surface, k) => emit(totals ? totalOf(surface, surfaces) : surface, values[v + k]!, GROWTH_WORD.test(before), from));
      v += chained - 1;
      previous = undefined;
      continue;
    }
    let name: { surface: Surface; gap: string } | undefined = nameBefore(before, surfaces, (s, gap) => !!choose(s, value.unit, GROWTH_WORD.test(gap) || !!value.growth || GROWTH_NAME.test(s.text), surfaces));
    // A part of the district as subject ("场镇常住人口达到1万人，地区生产总值达8亿元"): its clauses that name no other subject follow it.
    const read = name as ReturnType<typeof nameBefore>;
    if (read) {
      if (read.subArea || (subArea && read.subject === '')) {
        subArea = true;
        previous = undefined;
        continue;
      }
      subArea = false;
    }
    let quoteStart = from;
    const link = before.replace(/^[、和及]/, '');
    if (!name && previous && LINKS.test(link)) {
      const texts = surfaceTexts(surfaces);
      // "新增智能工厂14个，总量达94个": the total is an indicator of its own, if the catalogue has it.
      if (/总量|累计|总数/.test(link)) {
        const total = totalOf(previous.surface, surfaces);
        if (total) name = { surface: total, gap: link };
      } else {
        // "空气质量优良天数达321天、同比增加16天": the change, when the catalogue names it; otherwise a change is not read.
        const rate = !CHANGE_WORD.test(before) || value.unit === '%';
        const change = rate ? undefined : texts.get(`${previous.surface.text}${link}`) ?? texts.get(`${previous.surface.text}${link.replace(/^同比/, '')}`);
        if (change) name = { surface: change, gap: '' };
        // "…达108.9亿元、增长55.5%": the rate of the value just named.
        else if (rate) name = { surface: previous.surface, gap: before };
      }
      if (name) quoteStart = previous.quoteStart;
    }
    // "8项重点民生实事": the name right after the value.
    const fitsAfter = (s: Surface) => !!choose(s, value.unit, GROWTH_NAME.test(s.text), surfaces);
    if (!name) name = nameAfter(sentence.slice(value.end), surfaces, fitsAfter);
    // The names a report shortens or reorders: said once before and its value after ("龙头港货运量再翻一番、突破1000万吨"),
    // shortened to its last words ("粮食喜获丰收、产量超45万吨"), or printed after its value in other order ("7项工作获市政府督查激励").
    const fits = (s: Surface, gap: string) => !!choose(s, value.unit, GROWTH_WORD.test(gap) || !!value.growth || GROWTH_NAME.test(s.text), surfaces);
    // Not in a list of values ("…营业额分别同比增长13.3%、10.5%"): its names are read in order or not at all.
    if (!name && chained === 1 && !RESPECTIVELY.test(before)) {
      name = saidBefore(before, surfaces, fits) ?? elliptical(sentence.slice(0, value.start), from, surfaces, fits) ?? reordered(sentence.slice(value.end), surfaces, fitsAfter);
    }
    if (!name) {
      previous = undefined;
      continue;
    }
    emit(name.surface, value, GROWTH_WORD.test(name.gap), quoteStart);
    named.push(name.surface);
    previous = { surface: name.surface, end: value.end, quoteStart };
  }
  return out;
}

/** The catalogue's total of what a name counts ("新增智能工厂" → "智能工厂总数"), if it has one. */
function totalOf(surface: Surface, surfaces: Surface[]): Surface | undefined {
  const texts = surfaceTexts(surfaces);
  const base = surface.text.replace(/^新增/, '');
  return texts.get(`${base}总数`) ?? texts.get(`${base}总量`) ?? texts.get(`累计${base}`);
}

const textMaps = new WeakMap<Surface[], Map<string, Surface>>();
/** The surfaces by their text. */
function surfaceTexts(surfaces: Surface[]): Map<string, Surface> {
  let map = textMaps.get(surfaces);
  if (!map) textMaps.set(surfaces, (map = new Map(surfaces.map((s) => [s.text, s]))));
  return map;
}

/** How many values from `v` on are chained by 、 ("9%、6%、5%"). */
function chainLength(sentence: string, values: Found[], v: number): number {
  let count = 1;
  while (values[v + count] && sentence.slice(values[v + count - 1]!.end, values[v + count]!.start) === '、') count++;
  return count;
}

/** The subject of the part before a 、, named at its start, when that part says no value of it: "龙头港货运量再翻一番、突破1000万吨". */
function saidBefore(before: string, surfaces: Surface[], fits: (surface: Surface, gap: string) => boolean): { surface: Surface; gap: string } | undefined {
  const part = /^(?:全区|全年|力争|确保)*([^、]+)、$/.exec(before)?.[1];
  if (!part || /\d/.test(part)) return undefined;
  // The part says something of its subject ("再翻一番"): a bare name ("66项重点改革项目、10项…") is the last value's.
  const surface = surfaces.find((s) => part.startsWith(s.text) && part.length > s.text.length && fits(s, ''));
  return surface ? { surface, gap: '' } : undefined;
}

/** How many characters of `piece` stand in `text`, in runs of two or more (a piece of one character: itself). */
function coveredIn(piece: string, text: string): number {
  let covered = 0;
  for (let i = 0; i < piece.length; ) {
    let run = 0;
    for (let j = piece.length; j >= i + Math.min(2, piece.length); j--) {
      if (text.includes(piece.slice(i, j))) {
        run = j - i;
        break;
      }
    }
    covered += run;
    i += run || 1;
  }
  return covered;
}

const LINK_TAIL = new RegExp(`(?:${[...LINK_PHRASES, ...LINK_WORDS].join('|')})*$`);

/**
 * A name the report shortens to its last words, the rest standing earlier in the sentence: "粮食喜获丰收、产量超45万吨"
 * (粮食产量), "89个区级重点项目完成投资275亿元、完成率达125%" (区级重点项目投资完成率), "新签约项目138个…，其中百亿级项目1个"
 * (新签约百亿级项目). The printed words stand in the name in order and end it; the name's other words stand earlier in the
 * sentence, in runs of two characters or more: those inside the printed words all, those before them all but one character
 * (two when four are found). The name with the fewest characters missing and the most found, if only one is.
 */
function elliptical(head: string, from: number, surfaces: Surface[], fits: (surface: Surface, gap: string) => boolean): { surface: Surface; gap: string } | undefined {
  const clause = head.slice(from);
  // The reporting words end the clause; a name may end in one too ("总规模"), so every split is tried, the longest words first.
  for (let cut = clause.length - LINK_TAIL.exec(clause)![0].length; cut <= clause.length; cut++) {
    if (!LINKS.test(clause.slice(cut))) continue;
    const words = clause.slice(0, cut).replace(/^.*[、等]/, '').replace(/^(?:其中|全区|力争|确保)+/, '');
    const found = shortened(words, head.slice(0, from + cut - words.length), clause.slice(cut), surfaces, fits);
    if (found) return found;
  }
  return undefined;
}

/** The name `words` shorten, the rest of it standing in `antecedent`; see elliptical. */
function shortened(words: string, antecedent: string, gap: string, surfaces: Surface[], fits: (surface: Surface, gap: string) => boolean): { surface: Surface; gap: string } | undefined {
  if (words.length < 2 || !/\p{Script=Han}/u.test(words)) return undefined;
  const found: { surface: Surface; unmatched: number; covered: number }[] = [];
  for (const surface of surfaces) {
    const name = surface.text;
    if (name.length <= words.length || name[name.length - 1] !== words[words.length - 1] || !fits(surface, gap)) continue;
    for (const pieces of leftOut(name, words)) {
      const [lead = '', ...inner] = pieces;
      // A number of the name is printed, never taken from elsewhere ("50亿级项目" is not "100亿元以上项目").
      if (/\d/.test(pieces.join(''))) continue;
      // Words left out inside the printed name ("新签约[招商]项目") stand earlier in the sentence; only its head may be missing in part.
      if (inner.some((piece) => coveredIn(piece, antecedent) < piece.length)) continue;
      const missing = pieces.join('').length;
      const covered = missing - lead.length + coveredIn(lead, antecedent);
      const unmatched = missing - covered;
      if (unmatched <= 1 || (unmatched === 2 && covered >= 4)) {
        found.push({ surface, unmatched, covered });
        break;
      }
    }
  }
  found.sort((a, b) => a.unmatched - b.unmatched || b.covered - a.covered);
  const [first, second] = found;
  if (!first || (second && second.unmatched === first.unmatched && second.covered === first.covered && !second.surface.entries.some((e) => first.surface.entries.includes(e)))) return undefined;
  return { surface: first.surface, gap };
}

/**
 * What is left of `name` when the printed `words` stand in it in order and end it, as pieces: the head before the first
 * word, then each run between words. Aligned from the start and from the end ("百亿级项目" in "百亿级区级重点项目" leaves "区级重点"
 * one way, "级区" and "重点" the other); none when the words do not stand in the name.
 */
function leftOut(name: string, words: string): string[][] {
  const fromStart: number[] = [];
  for (let k = 0, i = -1; k < words.length; k++) {
    i = name.indexOf(words[k]!, i + 1);
    if (i < 0) return [];
    fromStart.push(i);
  }
  const fromEnd: number[] = [];
  for (let k = words.length - 1, i = name.length; k >= 0; k--) {
    i = name.lastIndexOf(words[k]!, i - 1);
    fromEnd.unshift(i);
  }
  // The words end the name: nothing is left after the last.
  const pieces = [fromStart, fromEnd].map((at) => [...name].map((c, n) => (at.includes(n) ? '|' : c)).join('').split('|'));
  return pieces.filter((p) => p[p.length - 1] === '').map((p) => p.slice(0, -1));
}

/** Characters of `a` that `b` has too, each counted as often as both have it. */
function sharedCharacters(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const c of b) counts.set(c, (counts.get(c) ?? 0) + 1);
  let shared = 0;
  for (const c of a) {
    const n = counts.get(c) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(c, n - 1);
    }
  }
  return shared;
}

/**
 * A name printed after its value in words of another order: "7项工作获市政府督查激励" (获市政府督查激励工作), "6个老旧小区改造完成"
 * (改造老旧小区), "80%事项实现“一网通办”" ("一网通办"事项占比). The words up to the clause's end begin with two characters of the
 * name and share with it at least four fifths of the name's characters and seven tenths of their own.
 */
function reordered(after: string, surfaces: Surface[], fits: (surface: Surface) => boolean): { surface: Surface; gap: string } | undefined {
  const words = after.slice(0, after.search(/[，,：:。；;！？!?\d]|$/)).replace(/\([^()]*\)/g, '');
  if (words.length < 4) return undefined;
  let best: { surface: Surface; score: number } | undefined;
  for (const surface of surfaces) {
    const name = surface.text;
    if (name.length < 4 || !name.includes(words.slice(0, 2)) || !fits(surface)) continue;
    const shared = sharedCharacters(name, words);
    if (shared < 0.8 * name.length || shared < 0.7 * words.length) continue;
    const score = shared / name.length + shared / words.length;
    if (!best || score > best.score) best = { surface, score };
  }
  return best && { surface: best.surface, gap: '' };
}

/** A catalogue name that starts right after a value: "8项重点民生实事". */
function nameAfter(after: string, surfaces: Surface[], fits: (surface: Surface) => boolean): { surface: Surface; gap: string } | undefined {
  const surface = surfaces.find((s) => after.startsWith(s.text) && fits(s));
  return surface ? { surface, gap: '' } : undefined;
}

function lastIndexOf(s: string, pattern: RegExp, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (pattern.test(s[i]!)) return i;
  return -1;
}

/**
 * The catalogue name ending nearest before a value, with only reporting words between. A name
 * qualified by the noun before it yields to a longer name that takes that noun in ("制造业规上企业亩均税收|增长",
 * not "税收增长").
 */
function nameBefore(
  before: string, surfaces: Surface[], fits: (surface: Surface, gap: string) => boolean = () => true,
): { surface: Surface; gap: string; subject: string; subArea: boolean } | undefined {
  const found: { surface: Surface; at: number; end: number }[] = [];
  for (const surface of surfaces) {
    const at = before.lastIndexOf(surface.text);
    if (at < 0) continue;
    const end = at + surface.text.length;
    // A name whose indicators cannot take the value ("全区居民人均可支配收入" of a rate, before "51868元") yields to one that can.
    if (!LINKS.test(before.slice(end)) || !fits(surface, before.slice(end))) continue;
    found.push({ surface, at, end });
  }
  found.sort((a, b) => b.end - a.end || a.at - b.at);
  let qualified = Infinity;
  for (const best of found) {
    if (best.at >= qualified) continue;
    const subject = before.slice(0, best.at);
    // "11个重点镇乡地区生产总值", "长江两岸森林覆盖率": a part of the district, not the district's indicator.
    // "工业税收", "制造业中长期贷款余额": a name qualified by the noun before it is another indicator.
    if (/\p{Script=Han}$/u.test(subject) && !FREE_BEFORE_NAME.test(subject) && !SUB_AREA.test(subject)) {
      qualified = best.at;
      continue;
    }
    return { surface: best.surface, gap: before.slice(best.end), subject, subArea: SUB_AREA.test(subject) };
  }
  return undefined;
}

/** Where the reporting words after an unmarked list of names begin ("…和产量|稳定在"), as a match of no width. */
function unmarkedList(before: string): { index: number; 0: string; unmarked: true } | undefined {
  const m = /(?:保持在|稳定在|分别为|分别达|达到|达|为|增长|提高到|提升至|控制在)+$/.exec(before);
  return m && m.index > 0 ? { index: m.index, 0: '', unmarked: true } : undefined;
}

/** Names listed with 、 before 分别 matched to the values listed after it. */
function respectively(sentence: string, values: Found[], v: number, surfaces: Surface[]) {
  const clauseStart = lastIndexOf(sentence, CLAUSE_END, values[v]!.start) + 1;
  const before = sentence.slice(clauseStart, values[v]!.start);
  // Without 分别 ("粮食播种面积和产量稳定在139万亩、45万吨以上"), the names end where the reporting words begin, and every name must be known.
  const word = RESPECTIVELY.exec(before) ?? unmarkedList(before);
  if (!word) return undefined;
  const at = word.index;
  const same = word[0] === '均';
  const gap = before.slice(at + word[0].length);
  if (at <= 0 || !LINKS.test(gap)) return undefined;
  let names = before.slice(0, at).split(/[、和及]|(?<=[”"])(?=[“"])/).map((n) => n.replace(/^(全区|全年|其中|确保|力争|实现)+/, ''));
  // … and the words before the first of them are its topic ("政务服务“一窗综办”"), not its name.
  if (names.length > 1 && /^[“"]/.test(names[1]!)) names[0] = names[0]!.replace(/^[^“"]+(?=[“"])/, '');
  // "“一窗综办”“一件事一次办”事项": quoted names side by side are listed too.
  // "城乡居民人均可支配收入分别增长4.9%、5.2%": town and country.
  if (names.length === 1 && !same && names[0]!.startsWith('城乡')) names = ['城镇', '农村'].map((w) => `${w}${names[0]!.slice(2)}`);
  const byText = surfaceTexts(surfaces);
  // "城乡居民基本养老保险、基本医疗保险参保率": the first name's head and the last name's tail belong to every name.
  const [first = '', last = ''] = [names[0], names[names.length - 1]];
  const shared = (name: string) => {
    // A short head is a word's part when the names end alike ("批发业销售额、零售业销售额"), a shared qualifier when not ("粮食播种面积、产量").
    const alike = first.slice(-2) === name.slice(-2);
    for (let k = 0; k < first.length; k = k === 0 && alike ? 3 : k + 1) {
      for (let j = last.length; j > 0; j--) {
        const found = byText.get(`${first.slice(0, k)}${name}${j < last.length ? last.slice(j) : ''}`);
        if (found && (k > 0 || j < last.length)) return found;
      }
    }
    return undefined;
  };
  const list = names.map((name) => byText.get(name) ?? surfaces.find((s) => name.endsWith(s.text) && LINKS.test(name.slice(0, name.length - s.text.length))) ?? shared(name));
  if (names.length < 2 || list.every((s) => !s) || (!same && chainLength(sentence, values, v) !== names.length)) return undefined;
  if ('unmarked' in word && list.some((s) => !s)) return undefined;
  return { names: list, gap, clauseStart, same };
}

function observation(
  entry: CatalogueEntry, value: Found, surface: Surface, sentence: string, quoteStart: number, locate: Locate, context: Context, ctx: ImportContext,
): DraftObservation {
  const head = sentence.slice(0, value.start);
  const named = yearBefore(head);
  let year = named ?? context.year;
  let kind: DraftObservation['kind'] = named === undefined ? context.kind : named > ctx.year ? (context.kind === 'result' ? 'target' : context.kind) : 'result';
  const subject = sentence.slice(quoteStart, value.start);
  // "2024年计划建设项目362个": what was planned for the year, among its results.
  if (kind === 'result' && /计划/.test(subject) && !/完成|执行|实现/.test(subject)) kind = 'target';
  // "规划地区生产总值年均增长6%左右": a five-year average is the five-year plan's target, for the plan's last year.
  if (kind === 'target' && entry.names.some((n) => /年均/.test(n))) {
    kind = 'fyp_target';
    year = Math.ceil(year / 5) * 5;
  }
  const quote = sentence.slice(quoteStart, value.end);
  const where = locate(value.start);
  const lineNo = where.lineNo;
  const last = locate(value.end - 1).lineNo;
  // A value running on to another line ("…达到 258" | "公里"): the lines it stands on, quoted from the start of the first.
  const over = last !== lineNo ? { lineEnd: last, text: printedOver(locate, value.start, value.end), quote: printedOver(locate, Math.max(quoteStart, where.from), value.end) } : undefined;
  return {
    district: ctx.district,
    year,
    indicator: entry.id,
    kind,
    text: over?.text ?? printed(where, value.text) ?? value.text,
    flags: ['draft', ...(/预计/.test(head) ? ['estimate'] : [])],
    doc: ctx.doc,
    line: lineNo,
    ...(over ? { lineEnd: over.lineEnd } : {}),
    quote: over?.quote ?? printed(where, quote) ?? printed(where, value.text) ?? value.text,
    note: '',
    table: '',
    name: surface.text,
    unit: value.unit === '个百分点' ? '百分点' : value.unit,
    nature: '',
    proposed: false,
  };
}

/** The year a sentence names for its value ("2023年全区…"), not a year compared against ("较2020年"). */
function yearBefore(head: string): number | undefined {
  let year: number | undefined;
  for (const m of head.matchAll(/(?<![较比与从自于至到])(20\d\d)年(?!以来|起|底前|前)/g)) year = Number(m[1]);
  return year;
}

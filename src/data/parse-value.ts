// Reads a value as published ("7左右", "市级暂未反馈", "较2023年提升0.3个百分点以上") into its parsed form.

/**
 * How a published number is qualified. Bounds follow the PRC Civil Code, art. 1259:
 * 以上, 以下, 以内 include the number itself; 超过 (超, 突破, 余, ＞) does not. 约 and 近 are
 * approximate (about); ＜ is strictly below (`below` with `strict`).
 */
export const QUALIFIERS = ['exact', 'about', 'at_least', 'above', 'at_most', 'below', 'positive', 'pending', 'qualitative'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export interface ParsedValue {
  qualifier: Qualifier;
  /** The number exactly as published (a decimal string, never re-rounded). */
  number?: string;
  /** A unit written in the text itself ("82.9亿元"), if any. */
  unit?: string;
  /** Set for a strict upper bound (＜, <): the number itself is excluded. */
  strict?: true;
  /** The parts of a ratio or structure ("9.8:38.5:51.7", 三次产业结构); the value is then qualitative, not a number. */
  ratio?: string[];
  /** Set when the value is a change against another year's level, in percentage points. */
  change?: { baseYear: number; baseIsEstimate: boolean };
}

export type ParseOutcome = { ok: true; value: ParsedValue } | { ok: false };

const NUMBER = String.raw`([-−]?\d+(?:\.\d+)?)`;
const PREFIXES: Record<string, Qualifier> = {
  不低于: 'at_least', 不少于: 'at_least', '≥': 'at_least', '⩾': 'at_least', 突破: 'above', 超过: 'above', 超: 'above', '>': 'above', 低于: 'below', 不超过: 'at_most',
  '≤': 'at_most', '⩽': 'at_most', '<': 'below', 逾: 'above', 约: 'about', 近: 'about',
};
const SUFFIXES: Record<string, Qualifier> = { 左右: 'about', 以上: 'at_least', 以内: 'at_most', 以下: 'below', 余: 'above', 多: 'above' };
/** "9.8:38.5:51.7": two or more numbers joined by colons. */
const RATIO = new RegExp(String.raw`^(\d+(?:\.\d+)?)((?::\d+(?:\.\d+)?)+)$`);
const PENDING = /暂未反馈|待反馈|暂无数据/;
const CHANGE = new RegExp(String.raw`^较(\d{4})年(预计完成情况)?(?:提升|提高|增加)${NUMBER}个百分点(以上|左右)?$`);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Parses a published value; `units` are the unit ids a number may be followed by. */
export function parseValue(text: string, units: readonly string[]): ParseOutcome {
  // Full-width forms (＜, ：, ５) read as their ASCII forms; 余 between the number and its unit ("30余万人") as after it.
  const t = text.trim().replace(/\s+/g, '').replace(/[＜＞：０-９．]/g, (c) => c.normalize('NFKC')).replace(/∶/g, ':');
  if (PENDING.test(t)) return { ok: true, value: { qualifier: 'pending' } };
  if (t === '正增长' || t === '实现正增长') return { ok: true, value: { qualifier: 'positive' } };

  const change = CHANGE.exec(t);
  if (change) {
    const [, year, estimate, number, suffix] = change;
    return {
      ok: true,
      value: {
        qualifier: suffix ? SUFFIXES[suffix]! : 'exact',
        number,
        unit: '百分点',
        change: { baseYear: Number(year), baseIsEstimate: Boolean(estimate) },
      },
    };
  }

  const ratio = RATIO.exec(t);
  if (ratio) return { ok: true, value: { qualifier: 'qualitative', ratio: t.split(':') } };

  const unitAlternatives = [...units, '百分点'].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const prefixAlternatives = Object.keys(PREFIXES).sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const suffixAlternatives = Object.keys(SUFFIXES).join('|');
  const plain = new RegExp(`^(${prefixAlternatives})?${NUMBER}(余|多)?(${unitAlternatives})?(${suffixAlternatives})?$`).exec(t);
  if (plain) {
    const [, prefix, number, more, unit, after] = plain;
    const suffix = more && after ? undefined : more ?? after;
    if ((more && after) || (prefix && suffix)) return { ok: false };
    const qualifier = prefix ? PREFIXES[prefix]! : suffix ? SUFFIXES[suffix]! : 'exact';
    return { ok: true, value: { qualifier, number: number!.replace('−', '-'), ...(unit ? { unit } : {}), ...(prefix === '<' ? { strict: true as const } : {}) } };
  }
  // Text with no Arabic digits is a qualitative statement ("稳定保持II类", "上级下达任务").
  if (!/\d/.test(t)) return { ok: true, value: { qualifier: 'qualitative' } };
  return { ok: false };
}

// Writes a parsed value in Chinese or English, keeping every published digit.
import type { Lang, Unit } from '../data/types.js';
import type { PublishedValue } from '../analyse/published.js';

/** Moves the decimal point of a decimal string by `shift` places (exact; no floating point). */
export function shiftDecimal(value: string, shift: number): string {
  const [int = '0', frac = ''] = value.split('.');
  let digits = int + frac;
  let point = int.length + shift;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Groups thousands in the integer part: 45286 → 45,286. */
export function groupThousands(value: string): string {
  const [int = '', frac] = value.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** English form of a number in a myriad unit (万, 亿): 276.2亿元 → "27.62 billion yuan", 2.6万人 → "26,000 people". */
function englishScaled(number: string, unitEn: string): string | undefined {
  const scale = /^(10,000|100 million) (.+)$/.exec(unitEn);
  if (!scale) return undefined;
  const power = scale[1] === '10,000' ? 4 : 8;
  const noun = scale[2]!;
  const exponent = (number.replace('-', '').split('.')[0] ?? '').length - 1 + power;
  const [word, wordPower] = exponent >= 9 ? ['billion', 9] : exponent >= 6 ? ['million', 6] : ['', 0];
  const scaled = groupThousands(shiftDecimal(number, power - wordPower));
  return word ? `${scaled} ${word} ${noun}` : `${scaled} ${noun}`;
}

const EN_WORDS = { about: 'about ', at_least: 'at least ', above: 'over ', at_most: 'at most ', below: 'at most ' } as const;

export interface FormatOptions {
  /** Write the unit after the number ("82.9亿元", "8.29 billion yuan"); tables give it in the row label instead. */
  withUnit?: boolean;
}

/** A published value in one language: Chinese as published, English translated with every digit kept. */
export function formatPublished(p: PublishedValue, lang: Lang, options: FormatOptions = {}): string {
  const v = p.value;
  const unit = p.unit;
  if (lang === 'zh') {
    // As published, the unit written once a row: in the row label (the number without it, "17.3%" as "17.3",
    // "1000万美元以上" as "1000以上"), or beside the number where the source left it to a column header.
    const text = p.text.trim();
    if (!options.withUnit) return p.unitInText && !v.change && unit?.zh ? text.replace(unit.zh, '') : text;
    if (v.number === undefined || p.unitInText || v.change || !unit?.zh) return text;
    // The unit goes before a trailing qualifier: 7%左右, 10%以上.
    const qualified = /^(.*\d)(左右|以上|以下|以内)$/.exec(text);
    return qualified ? `${qualified[1]}${unit.zh}${qualified[2]}` : `${text}${unit.zh}`;
  }
  if (v.qualifier === 'pending') return 'not yet reported by the city';
  if (v.qualifier === 'qualitative') return p.english ?? p.text;
  if (v.qualifier === 'positive') return 'positive growth';
  const number = v.number!;
  // ＜ excludes the number itself: "below", not "at most".
  const q = v.qualifier === 'exact' ? '' : v.strict ? 'below ' : EN_WORDS[v.qualifier];
  if (v.change) return `up ${q}${number} percentage points on ${v.change.baseIsEstimate ? `the ${v.change.baseYear} estimate` : v.change.baseYear}`;
  const percent = unit?.id === '%';
  if (!options.withUnit || !unit || !unit.en) return `${q}${percent && options.withUnit ? `${number}%` : groupThousands(number)}`;
  if (percent) return `${q}${number}%`;
  const scaled = englishScaled(number, unit.en);
  return `${q}${scaled ?? `${groupThousands(number)} ${unit.en}`}`;
}

/** A unit as a row label suffix: "（%）" / " (%)"; empty for unitless indicators. */
export function unitSuffix(unit: Unit | undefined, lang: Lang): string {
  const text = unit ? unit[lang] : '';
  if (!text) return '';
  return lang === 'zh' ? `（${text}）` : ` (${text})`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** An ISO date (yyyy-mm-dd or yyyy-mm) as readers write it: 2025年1月13日 / 13 January 2025. */
export function formatDate(iso: string, lang: Lang): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (!year || !month) return iso;
  if (lang === 'zh') return `${year}年${month}月${day ? `${day}日` : ''}`;
  return `${day ? `${day} ` : ''}${MONTHS[month - 1]} ${year}`;
}

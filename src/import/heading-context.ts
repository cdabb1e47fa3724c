// The year and kind of what a report says below a heading: results of the reviewed year, targets of a later one.
import type { DraftObservation, ImportContext } from './draft.js';
import { squash } from './tables.js';

export interface Context {
  year: number;
  kind: DraftObservation['kind'];
}

const CN_DIGITS: Record<string, string> = { '〇': '0', '○': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
/** Whether the report is a five-year plan (its title says so): its plan is of the plan's last year. */
export const isFiveYearPlan = (lines: string[]) => lines.slice(0, 12).some((l) => /五年规划/.test(l));

export const HEADING = /^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[篇章节]\s)/;

/** The context below `line` if it is a heading ("二、2025年主要任务", "第三章 …" of a five-year plan), else `current`. */
export function headingContext(line: string, ctx: ImportContext, fiveYearPlan: boolean, current: Context): Context {
  if (!HEADING.test(line) || squash(line).length > 40) return current;
  const t = line.replace(/[〇○零一二三四五六七八九]{4}年/g, (y) => [...y.slice(0, 4)].map((c) => CN_DIGITS[c]).join('') + '年');
  const year = Number(/(20\d\d)年/.exec(t)?.[1] ?? 0);
  const planKind = fiveYearPlan ? 'fyp_target' : 'target';
  if (year) return { year, kind: year > ctx.year ? planKind : 'result' };
  if (/十三五|成就|回顾|执行情况/.test(t)) return { year: ctx.year, kind: 'result' };
  if (fiveYearPlan && /^\s*第/.test(t)) return { year: ctx.year + 5, kind: planKind };
  return current;
}


// Ranks published values only where what was published decides the order: exact numbers, "about" values and bounds.
import type { ParsedValue } from '../data/parse-value.js';

/** The numbers a published value allows: from low to high, each end included or not (±Infinity: no bound). */
export interface PossibleRange {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

/** Avoids 6.5 − 0.1 = 6.3999… deciding an order. */
const tidy = (x: number) => Math.round(x * 1e9) / 1e9;

/** One unit of the last published digit: "about" allows that much either way (6.5左右: 6.4 to 6.6; 7左右: 6 to 8). */
export function aboutMargin(number: string): number {
  return 10 ** -(number.split('.')[1]?.length ?? 0);
}

/**
 * The numbers a value allows, or undefined where it gives none to compare: pending, qualitative,
 * or a change in percentage points on another year (not the level itself).
 * 突破/超过 n excludes n; 以下 and 低于 are both read as "at most n", the wider reading.
 */
export function possibleRange(v: ParsedValue): PossibleRange | undefined {
  if (v.change) return undefined;
  if (v.qualifier === 'positive') return { low: 0, high: Infinity, lowOpen: true, highOpen: true };
  if (v.number === undefined) return undefined;
  const n = Number(v.number);
  switch (v.qualifier) {
    case 'exact': return { low: n, high: n, lowOpen: false, highOpen: false };
    case 'about': {
      const m = aboutMargin(v.number);
      return { low: tidy(n - m), high: tidy(n + m), lowOpen: false, highOpen: false };
    }
    case 'at_least': return { low: n, high: Infinity, lowOpen: false, highOpen: true };
    case 'above': return { low: n, high: Infinity, lowOpen: true, highOpen: true };
    case 'at_most':
    case 'below': return { low: -Infinity, high: n, lowOpen: true, highOpen: Boolean(v.strict) };
    default: return undefined;
  }
}

type Certainty = 'yes' | 'no' | 'open';

/** Whether every number a allows is greater than every number b allows, none is, or it depends. */
function greater(a: PossibleRange, b: PossibleRange): Certainty {
  if (a.low > b.high || (a.low === b.high && (a.lowOpen || b.highOpen))) return 'yes';
  if (a.high <= b.low) return 'no';
  return 'open';
}

export interface RankResult {
  /** 1 is best; equal exact values share a rank ("1, 2, 2, 4"); undefined where the order is open. */
  rank?: number;
  /** The other values that may or may not be better: why there is no rank. */
  openWith: number[];
}

/**
 * Standard competition ranking by the good direction, decided for each value on its own: a value
 * gets its rank only when, for every other value, whether that one is better is certain. Values
 * without a range (undefined) are left out; fewer than two values with a range: no ranks at all.
 */
export function rankRanges(ranges: (PossibleRange | undefined)[], direction: 'up' | 'down'): (RankResult | undefined)[] {
  const present = ranges.filter((r) => r !== undefined).length;
  return ranges.map((own, i) => {
    if (!own || present < 2) return undefined;
    let better = 0;
    const openWith: number[] = [];
    ranges.forEach((other, j) => {
      if (!other || j === i) return;
      const certainty = direction === 'up' ? greater(other, own) : greater(own, other);
      if (certainty === 'yes') better++;
      if (certainty === 'open') openWith.push(j);
    });
    return openWith.length === 0 ? { rank: better + 1, openWith } : { openWith };
  });
}

// The rule table: a result against its target gives met, not met, pending, qualitative or not comparable.
import type { Indicator, Observation } from '../data/types.js';
import type { ParsedValue } from '../data/parse-value.js';

/** A statement in comparable form: width-normalised (Ⅱ and II alike), no spaces. */
const statement = (text: string) => text.normalize('NFKC').replace(/[\s\u3000]+/g, '');

export const STATUSES = ['met', 'not_met', 'pending', 'qualitative', 'not_comparable'] as const;
export type TargetStatus = (typeof STATUSES)[number];

/** How far from an "about" (左右) target a result may fall on the wrong side and still count as met. */
export const ABOUT_TOLERANCE = 0.05;

export interface Evaluation {
  status: TargetStatus;
  /** Why, as a rule id (documented in docs/target-rules.md). */
  rule: string;
}

/** A closed (or half-open, via ±Infinity) interval of numbers. */
interface Range {
  lo: number;
  hi: number;
  loOpen?: boolean;
  hiOpen?: boolean;
}

/** The numbers a published result may stand for. */
function resultRange(v: ParsedValue): Range {
  const x = Number(v.number);
  switch (v.qualifier) {
    case 'at_least': return { lo: x, hi: Infinity };
    case 'above': return { lo: x, hi: Infinity, loOpen: true };
    case 'at_most':
    case 'below': return { lo: -Infinity, hi: x, ...(v.strict ? { hiOpen: true } : {}) };
    case 'positive': return { lo: 0, hi: Infinity, loOpen: true };
    default: return { lo: x, hi: x };
  }
}

/** The results that meet a target, given the indicator's good direction; undefined when it takes a human reading. */
function acceptedRange(v: ParsedValue, direction: Indicator['direction']): Range | undefined {
  const t = Number(v.number);
  switch (v.qualifier) {
    case 'at_least': return { lo: t, hi: Infinity };
    case 'above': return { lo: t, hi: Infinity, loOpen: true };
    case 'at_most':
    case 'below': return { lo: -Infinity, hi: t, ...(v.strict ? { hiOpen: true } : {}) };
    case 'positive': return { lo: 0, hi: Infinity, loOpen: true };
    case 'exact':
      if (direction === 'up') return { lo: t, hi: Infinity };
      if (direction === 'down') return { lo: -Infinity, hi: t };
      return undefined;
    case 'about': {
      const slack = Math.abs(t) * ABOUT_TOLERANCE;
      if (direction === 'up') return { lo: t - slack, hi: Infinity };
      if (direction === 'down') return { lo: -Infinity, hi: t + slack };
      return { lo: t - slack, hi: t + slack };
    }
    default: return undefined;
  }
}

/** Every number in `inner` lies in `outer`. */
function contains(outer: Range, inner: Range): boolean {
  const lowOk = inner.lo > outer.lo || (inner.lo === outer.lo && (!outer.loOpen || Boolean(inner.loOpen)));
  const highOk = inner.hi < outer.hi || (inner.hi === outer.hi && (!outer.hiOpen || Boolean(inner.hiOpen)));
  return lowOk && highOk;
}

/** No number lies in both. */
function disjoint(a: Range, b: Range): boolean {
  const touch = (hi: number, hiOpen: boolean | undefined, lo: number, loOpen: boolean | undefined) => hi < lo || (hi === lo && Boolean(hiOpen || loOpen));
  return touch(a.hi, a.hiOpen, b.lo, b.loOpen) || touch(b.hi, b.hiOpen, a.lo, a.loOpen);
}

/** Evaluates a result against its target for one indicator. */
export function evaluateTarget(indicator: Indicator, target: Observation | undefined, result: Observation | undefined): Evaluation {
  if (!target) return { status: 'not_comparable', rule: 'no-target' };
  if (!result || result.value.qualifier === 'pending') return { status: 'pending', rule: 'result-pending' };
  // A result (or target) measured on a changed definition (口径调整) cannot be held against the target.
  if (result.flags.includes('definition_changed') || target.flags.includes('definition_changed')) return { status: 'not_comparable', rule: 'definition-changed' };
  const t = target.value;
  const r = result.value;
  // A result that states exactly what the target states ("稳定保持II类" for "稳定保持Ⅱ类") meets it; a ratio is read by a person.
  if (t.qualifier === 'qualitative' && r.qualifier === 'qualitative' && !t.ratio && !r.ratio && statement(target.text) === statement(result.text)) {
    return { status: 'met', rule: 'same-statement' };
  }
  if (t.qualifier === 'qualitative' || r.qualifier === 'qualitative') return { status: 'qualitative', rule: 'qualitative' };
  if (Boolean(t.change) !== Boolean(r.change)) return { status: 'not_comparable', rule: 'change-vs-level' };
  if (t.change && r.change && (t.change.baseYear !== r.change.baseYear || result.flags.includes('base_revised'))) {
    return { status: 'not_comparable', rule: 'different-base' };
  }
  if ((t.unit ?? indicator.unit) !== (r.unit ?? indicator.unit)) return { status: 'not_comparable', rule: 'different-unit' };
  const accept = acceptedRange(t, indicator.direction);
  if (!accept) return { status: 'qualitative', rule: 'no-direction' };
  const got = resultRange(r);
  // Met when every number the result may stand for meets the target; not met when none does.
  if (contains(accept, got)) return { status: 'met', rule: `${t.qualifier}-${indicator.direction}` };
  if (disjoint(accept, got)) return { status: 'not_met', rule: `${t.qualifier}-${indicator.direction}` };
  return { status: 'not_comparable', rule: 'bound-vs-bound' };
}

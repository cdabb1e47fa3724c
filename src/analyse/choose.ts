// Picks the observation documents use for a key, keeping the others as alternates.
import type { Dataset, Observation, ObservationKind } from '../data/types.js';
import { valueKey } from '../data/load.js';

export interface Chosen {
  used: Observation;
  /** Other published values for the same key: agreeing ones corroborate, differing ones conflict. */
  others: Observation[];
  conflict: boolean;
}

export function observationsFor(data: Dataset, district: string, year: number, kind: ObservationKind): Map<string, Chosen> {
  const groups = new Map<string, Observation[]>();
  for (const o of data.observations) {
    if (o.district !== district || o.year !== year || o.kind !== kind) continue;
    groups.set(o.indicator, [...(groups.get(o.indicator) ?? []), o]);
  }
  const chosen = new Map<string, Chosen>();
  for (const [indicator, group] of groups) {
    const used = group.find((o) => o.flags.includes('preferred')) ?? group.find((o) => o.flags.includes('revised')) ?? group[0]!;
    const others = group.filter((o) => o !== used);
    chosen.set(indicator, { used, others, conflict: others.some((o) => valueKey(o) !== valueKey(used)) });
  }
  return chosen;
}

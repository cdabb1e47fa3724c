// Where a chart's value axis stops so that a few very large values do not flatten the others.

/**
 * Values far above the rest (each more than twice the next largest) would flatten every other bar:
 * the axis stops above the rest and those bars run to its end, their value written inside.
 */
export function axisCut(values: number[]): { cap: number; outliers: number[] } | undefined {
  const sorted = [...values].sort((a, b) => b - a);
  const outliers: number[] = [];
  while (sorted.length > 2 && sorted[1]! > 0 && sorted[0]! > 2 * sorted[1]!) outliers.push(sorted.shift()!);
  if (outliers.length === 0) return undefined;
  const step = 10 ** Math.floor(Math.log10(sorted[0]! * 1.2));
  return { cap: Math.ceil((sorted[0]! * 1.2) / step) * step, outliers };
}

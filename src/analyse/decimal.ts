// Exact arithmetic on published decimal strings ("6.8" − "7" = "-0.2"), never through floating point.

const scaleOf = (s: string) => (s.split('.')[1] ?? '').length;
const toScaled = (s: string, scale: number) => {
  const negative = /^[-−]/.test(s);
  const [int = '0', frac = ''] = s.replace(/^[-−]/, '').split('.');
  const n = BigInt(int + frac.padEnd(scale, '0'));
  return negative ? -n : n;
};

/** a − b, exactly, written without trailing zeros. */
export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const d = toScaled(a, scale) - toScaled(b, scale);
  const negative = d < 0n;
  const digits = (negative ? -d : d).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** The absolute value of a decimal string. */
export const absDecimal = (s: string) => s.replace(/^[-−]/, '');

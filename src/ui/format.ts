import { format } from 'd3';

const sig4 = format('.4~g');
const grouped = format(',d');

/** Numbers for reading: 4 significant digits, a true minus sign, no raw floats (docs/architecture.md#numbers-on-screen). */
export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return '∞';
  if (v === Number.NEGATIVE_INFINITY) return '−∞';
  return sig4(v);
}

const sig2 = format('.2~g');

/** Standard errors and tolerances: two significant digits are all they carry. */
export function formatError(v: number): string {
  return sig2(v);
}

export function formatCount(v: number): string {
  return grouped(Math.round(v));
}

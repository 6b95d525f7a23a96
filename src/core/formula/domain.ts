import { readNumber } from '../numbers';
import type { Domain } from '../targets/types';
import { type DomainProblem, domainMessage } from './problems';

/** A malformed plot box for a formula target ("domain" in the URL and the CLI); `problem` is its code, `message` its English. */
export class DomainError extends Error {
  readonly problem: DomainProblem;

  constructor(problem: DomainProblem) {
    super(domainMessage(problem));
    this.name = 'DomainError';
    this.problem = problem;
  }
}

/**
 * The largest |bound| a box may have. The engine computes in float32 (max ≈ 3.4e38), where a box
 * of ±1e39 is ±∞ and one of ±1e308 squares to ∞ in the first log density; ±1e6 leaves room for
 * x² and x·y terms and is far wider than any density a learner types.
 */
export const MAX_DOMAIN_BOUND = 1e6;
/**
 * A range must be wider than this fraction of its largest |bound| (and than MIN_WIDTH): narrower,
 * and float32 cannot tell the grid's points apart (its resolution is ~1e-7 of the value).
 */
const MIN_RELATIVE_WIDTH = 1e-4;
const MIN_WIDTH = 1e-6;

function parseNumber(raw: string, label: string): number {
  if (raw === '') throw new DomainError({ code: 'missing', label });
  const r = readNumber(raw, { name: label, min: -MAX_DOMAIN_BOUND, max: MAX_DOMAIN_BOUND });
  if (!r.ok) throw new DomainError({ code: 'bad-number', label, max: MAX_DOMAIN_BOUND, detail: r.message });
  return r.value;
}

function range(lo: number, hi: number, axis: 'x' | 'y'): [number, number] {
  if (!(lo < hi)) throw new DomainError({ code: 'order', axis, lo, hi });
  const big = Math.max(Math.abs(lo), Math.abs(hi));
  if (big > MAX_DOMAIN_BOUND) throw new DomainError({ code: 'outside', axis, lo, hi, max: MAX_DOMAIN_BOUND });
  const need = Math.max(MIN_WIDTH, MIN_RELATIVE_WIDTH * big);
  if (hi - lo < need) throw new DomainError({ code: 'narrow', axis, lo, hi, need: Number(need.toPrecision(2)) });
  return [lo, hi];
}

/**
 * Parses "xmin,xmax" (1D) or "xmin,xmax,ymin,ymax" (2D). In 2D, "xmin,xmax" alone gives the
 * square box, which is what most people want for a 2D density. Throws DomainError.
 */
export function parseDomain(text: string, dim: 1 | 2): Domain {
  // Spaces around the commas are list layout ("-6, 6" as the editor's label shows), not part of
  // a number; the numbers themselves are read strictly.
  const parts = text.trim().split(/\s*,\s*/);
  if (text.trim() === '') {
    throw new DomainError({ code: 'empty', dim });
  }
  const allowed = dim === 1 ? [2] : [2, 4];
  if (!allowed.includes(parts.length)) {
    throw new DomainError({ code: 'count', dim, got: parts.length });
  }
  const labels = ['xmin', 'xmax', 'ymin', 'ymax'];
  const v = parts.map((p, i) => parseNumber(p, labels[i]));
  const x = range(v[0], v[1], 'x');
  if (dim === 1) return { x };
  return { x, y: parts.length === 4 ? range(v[2], v[3], 'y') : [x[0], x[1]] };
}

/** The inverse of parseDomain, for the URL: "-6,6" or "-6,6,-4,4". */
export function formatDomain(domain: Domain): string {
  const v = domain.y ? [...domain.x, ...domain.y] : [...domain.x];
  return v.map(String).join(',');
}

/** Checks a Domain value built in code (not parsed from text) against the formula's dimension. */
export function validateDomain(domain: Domain, dim: 1 | 2): Domain {
  const finite = (r: readonly [number, number], axis: 'x' | 'y'): [number, number] => {
    if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) throw new DomainError({ code: 'not-finite', axis });
    return range(r[0], r[1], axis);
  };
  const x = finite(domain.x, 'x');
  if (dim === 1) return { x };
  if (!domain.y) throw new DomainError({ code: 'needs-y' });
  return { x, y: finite(domain.y, 'y') };
}

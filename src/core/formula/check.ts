import { type Grid, makeGrid } from '../exact/grid';
import { quadratureLogZ } from '../exact/quadrature';
import type { Domain } from '../targets/types';
import { type Expr, inferDim } from './ast';
import { formulaDim } from './dimension';
import { validateDomain } from './domain';
import { type Point, evaluator, whyNonFinite } from './evaluate';
import { parseFormula } from './parser';
import { type EdgeFix, type FormulaIssue, issueMessage } from './problems';

/** What is wrong with a formula as a density on its domain, before anyone fits it. */
export interface FormulaReport {
  readonly ok: boolean;
  /** One sentence each, for the learner; empty when ok. */
  readonly problems: string[];
  /** The same problems as codes, for the page to word in its language (problems[i] is issues[i] in English). */
  readonly issues: FormulaIssue[];
  /** The fatal ones as codes (fatal[i] is fatalIssues[i] in English). */
  readonly fatalIssues: FormulaIssue[];
  /**
   * The problems that make the formula unusable as a target (a subset of `problems`): undefined
   * on much of the box, +∞ or float32 overflow, or zero everywhere. A fit of it would only produce
   * NaN, so the editor does not apply it and the link and CLI readers refuse it. Mass on the edge
   * is only a caveat: the fit works, its read-outs miss the tails.
   */
  readonly fatal: string[];
  readonly dim: 1 | 2;
  /** Fraction of grid points where log p̃ is NaN or ±∞. */
  readonly invalidFraction: number;
  /** Fraction of p's mass (on the grid) on the domain's outer ring; null when p̃ cannot be normalised. */
  readonly edgeMass: number | null;
}

/** Above these, the run's log Z / KL read-outs mislead (thresholds from issue 3). */
export const MAX_INVALID_FRACTION = 0.05;
export const MAX_EDGE_MASS = 0.01;
/** Share of the grid from which a kind of undefined value is worth its own sentence. */
const NOTABLE = 0.01;
/** The engine computes in float32: larger log p̃ values become +∞ there. */
const FLOAT32_MAX = 3.4028234663852886e38;

function num(v: number, scale: number): string {
  // Grid nodes like −1 + 600·h land a rounding error away from 0; print those as 0.
  const snapped = Math.abs(v) < 1e-9 * scale ? 0 : v;
  return String(Number(snapped.toPrecision(4))).replace('-', '−');
}

interface Sample {
  readonly at: Point;
  readonly label: string;
}

/** Evaluates log p̃ on the engine's grid, in float64, in plain JS rather than tfjs. */
function sampleGrid(ast: Expr, domain: Domain, dim: 1 | 2) {
  const grid = makeGrid(domain, dim);
  const scale = Math.max(Math.abs(domain.x[0]), Math.abs(domain.x[1]), ...(domain.y ?? [0]).map(Math.abs));
  const f = evaluator(ast);
  // Grid order is row-major, y outer (grid.ts), so k = j·nx + i.
  const values = new Float64Array(grid.nx * grid.ny);
  for (let j = 0; j < grid.ny; j++) for (let i = 0; i < grid.nx; i++) values[j * grid.nx + i] = f(grid.xs[i], grid.ys[j]);
  const point = (k: number): Sample => {
    const x = grid.xs[k % grid.nx];
    if (dim === 1) return { at: { x }, label: `(x=${num(x, scale)})` };
    const y = grid.ys[Math.floor(k / grid.nx)];
    return { at: { x, y }, label: `(x=${num(x, scale)}, y=${num(y, scale)})` };
  };
  return { grid, values, point };
}

/** The check behind checkFormulaTarget, for an already parsed formula. */
export function checkFormula(ast: Expr, domainIn: Domain, dimIn?: 1 | 2, src = 'the formula'): FormulaReport {
  const source = { ast, src: src.trim().replace(/\s+/g, ' ') };
  const dim = formulaDim(ast, dimIn ?? inferDim(ast));
  const domain = validateDomain(domainIn, dim);
  const { grid, values, point } = sampleGrid(ast, domain, dim);
  const n = values.length;
  const kinds = { nan: [] as number[], negInf: [] as number[], posInf: [] as number[], overflow: [] as number[] };
  for (let k = 0; k < n; k++) {
    const v = values[k];
    if (Number.isNaN(v)) kinds.nan.push(k);
    else if (v === -Infinity) kinds.negInf.push(k);
    else if (v === Infinity) kinds.posInf.push(k);
    else if (v > FLOAT32_MAX) kinds.overflow.push(k);
  }
  const fatal: FormulaIssue[] = [];
  const invalidFraction = (kinds.nan.length + kinds.negInf.length + kinds.posInf.length) / n;
  const undefinedRegion = invalidFraction > MAX_INVALID_FRACTION;
  if (undefinedRegion) {
    // Each kind is named only where it covers a visible part of the box: a lone log(0) at x = 0
    // next to a NaN half-plane is noise.
    if (kinds.nan.length > NOTABLE * n) {
      const s = point(kinds.nan[0]);
      fatal.push({ code: 'nan-region', share: kinds.nan.length / n, at: s.label, why: whyNonFinite(ast, s.at) });
    }
    if (kinds.negInf.length > NOTABLE * n) {
      const s = point(kinds.negInf[0]);
      fatal.push({ code: 'zero-region', share: kinds.negInf.length / n, at: s.label, why: whyNonFinite(ast, s.at) });
    }
  }
  if (kinds.posInf.length > 0) {
    const s = point(kinds.posInf[0]);
    fatal.push({ code: 'infinite', points: kinds.posInf.length, at: s.label, why: whyNonFinite(ast, s.at) });
  }
  if (kinds.overflow.length > 0) {
    const s = point(kinds.overflow[0]);
    fatal.push({ code: 'overflow', points: kinds.overflow.length, at: s.label });
  }
  const problems = [...fatal];
  let edgeMass: number | null = null;
  if (kinds.posInf.length === 0 && kinds.overflow.length === 0) {
    const clean = values.map((v) => (Number.isNaN(v) ? -Infinity : v));
    const { logZ, edgeMass: em } = quadratureLogZ(clean, grid);
    if (logZ === -Infinity) {
      fatal.push({ code: 'zero-everywhere' });
      problems.push(fatal[fatal.length - 1]);
    } else {
      edgeMass = em;
      if (em > MAX_EDGE_MASS) problems.push({ code: 'edge-mass', mass: em, fix: edgeFix(clean, grid, undefinedRegion ? null : source) });
    }
  }
  return {
    ok: problems.length === 0,
    problems: problems.map(issueMessage),
    fatal: fatal.map(issueMessage),
    issues: problems,
    fatalIssues: fatal,
    dim,
    invalidFraction,
    edgeMass,
  };
}

/** "−x^2" or "−(x + 1)": the formula with its sign flipped, as the user would type it. */
function negated(ast: Expr, src: string): string {
  const bare = ast.kind === 'call' || ast.kind === 'variable' || ast.kind === 'constant' || (ast.kind === 'binary' && ast.op === '^');
  return bare ? `−${src}` : `−(${src})`;
}

/**
 * The edge-mass caveat's likeliest fix: a flipped sign when −log p̃ would sit well inside the box
 * (x^2 for −x^2), else a bigger box. `source` is null when the sign hint is off (the formula is
 * undefined on much of the box, so flipping it would not help).
 */
function edgeFix(logp: Float64Array, grid: Grid, source: { ast: Expr; src: string } | null): EdgeFix {
  if (source) {
    const flipped = quadratureLogZ(
      logp.map((v) => -v),
      grid,
    );
    if (Number.isFinite(flipped.logZ) && flipped.edgeMass <= MAX_EDGE_MASS) {
      return { kind: 'sign', negated: negated(source.ast, source.src) };
    }
  }
  let best = 0;
  for (let k = 1; k < logp.length; k++) if (logp[k] > logp[best]) best = k;
  return grid.edge[best] ? { kind: 'peak-on-edge' } : { kind: 'widen' };
}

/**
 * Checks a typed formula as a density on a domain, in plain JS on the engine's quadrature grid:
 * undefined regions (> 5 % NaN/±∞), +∞ or float32 overflow, and mass on the edge (> 1 %).
 * Throws FormulaError when the formula does not parse, DomainError when the domain is malformed.
 */
export function checkFormulaTarget(expr: string, domain: Domain, dim?: 1 | 2): FormulaReport {
  return checkFormula(parseFormula(expr), domain, dim, expr);
}

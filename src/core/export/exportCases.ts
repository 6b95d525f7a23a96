// Test-only: the targets, parameter values and points the export tests hold the exported densities
// to (imported by *.test.ts files only, never by the app).
import { makeFormulaTarget } from '../formula/formulaDensity';
import { defaultParams } from '../params';
import { uniformStream } from '../random';
import { targetSpecs } from '../targets/resolveSpec';
import type { TargetSpec } from '../targets/types';

export interface ExportCase {
  readonly name: string;
  readonly target: TargetSpec;
  readonly params: Record<string, number>;
}

/** A few typed formulas covering every function of the formula language and its operators. */
export const FORMULAS: readonly { source: string; domain: string }[] = [
  { source: '-(x^2 + y^2)/2', domain: '-6,6,-6,6' },
  { source: 'logsumexp(normal_lpdf(x, -2, 0.8) + normal_lpdf(y, 1, 1), normal_lpdf(x, 2, 0.6) + normal_lpdf(y, -1, 0.6))', domain: '-6,6,-6,6' },
  { source: '-x^2/2 + log(sigmoid(3*x)) - softplus(x - 4)', domain: '-6,6' },
  { source: '-abs(x - 1)^1.5 - 2^-y^2 + sin(x)*cos(y) - tanh(x*y)/4 + min(x, y) - max(x, 0)^2/10', domain: '-3,3,-3,3' },
  { source: '-sqrt(1 + x^2) + log1p(exp(-y^2)) - expm1(0.1*x^2) + tan(0.1*y) + pow(e, -x^2) - pi*y^2/4', domain: '-3,3,-3,3' },
  { source: '-(-x)^2/2 - -(y)*0.5 - (x - (y - 1)) * 0.1 - x/(2*(1 + y^2))', domain: '-4,4,-4,4' },
];

/** Every catalogue target at its defaults and at parameters drawn across its sliders, and the formulas. */
export function exportCases(): ExportCase[] {
  const u = uniformStream(7);
  const cases: ExportCase[] = [];
  for (const t of targetSpecs) {
    cases.push({ name: `${t.id} (defaults)`, target: t, params: defaultParams(t.params) });
    if (t.params.length === 0) continue;
    const drawn = Object.fromEntries(
      t.params.map((s) => {
        const v = s.min + (s.max - s.min) * u();
        return [s.name, s.integer ? Math.round(v) : v];
      }),
    );
    cases.push({ name: `${t.id} (drawn)`, target: t, params: drawn });
  }
  for (const [i, f] of FORMULAS.entries()) {
    const [x0, x1, y0, y1] = f.domain.split(',').map(Number);
    const domain = y0 === undefined ? { x: [x0, x1] as const } : { x: [x0, x1] as const, y: [y0, y1] as const };
    cases.push({ name: `formula ${i + 1}`, target: makeFormulaTarget(f.source, domain), params: {} });
  }
  return cases;
}

/** n points [n·dim] drawn uniformly from the case's plot box, and the app's log p̃ there (float64). */
export function pointsAndLogp(c: ExportCase, n: number, seed: number): { points: number[][]; logp: number[] } {
  const u = uniformStream(seed);
  const box = c.target.domain(c.params);
  const d = c.target.dim;
  const flat = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    flat[i * d] = box.x[0] + (box.x[1] - box.x[0]) * u();
    if (d === 2 && box.y) flat[i * d + 1] = box.y[0] + (box.y[1] - box.y[0]) * u();
  }
  const logp = new Float64Array(n);
  const grad = new Float64Array(n * d);
  if (!c.target.logDensityGrad) throw new Error(`${c.name} has no plain-JS log density`);
  c.target.logDensityGrad(flat, n, c.params, logp, grad);
  const points = Array.from({ length: n }, (_, i) => Array.from(flat.subarray(i * d, (i + 1) * d)));
  return { points, logp: Array.from(logp) };
}

import { describe, expect, test } from 'vitest';
import { NormalStream } from '../random';
import { findTarget } from '../targets/registry';
import { crossCheckFamily, crossCheckTrajectory } from '../testing/fastCrossCheck';
import { tf } from '../tf';
import { svgdFast } from './svgdFast';

const PARAMS: Record<string, Record<string, number>> = {
  'correlated-gaussian': { rho: 0.7, sd1: 1.3, sd2: 0.6 },
  banana: { a: 1.7, b: 0.3 },
  'bimodal-1d': { weight: 0.3, separation: 2.5 },
};

describe('SVGD and the point mass step in plain JS as on the tfjs path', () => {
  for (const target of Object.keys(PARAMS)) {
    test(`svgd on ${target}`, () => {
      crossCheckFamily({ family: 'svgd', target, targetParams: PARAMS[target] });
      crossCheckTrajectory({ family: 'svgd', target, targetParams: PARAMS[target] });
    });
    test(`point-mass on ${target}`, () => {
      crossCheckFamily({
        family: 'point-mass',
        target,
        targetParams: PARAMS[target],
        perturb: (q) => tf.tidy(() => q.variables[0].assign(tf.tensor1d(q.dim === 2 ? [0.4, -0.7] : [0.4]))),
      });
      crossCheckTrajectory({ family: 'point-mass', target, targetParams: PARAMS[target] });
    });
  }
});

/** −φ in float64 straight from the tfjs code's formula: median over all n² sorted distances. */
function steinReference(x: Float64Array, n: number, d: number, gradLogP: Float64Array): Float64Array {
  const dist = Array.from({ length: n * n }, (_, k) => {
    const [i, j] = [Math.floor(k / n), k % n];
    let s = 0;
    for (let a = 0; a < d; a++) s += (x[i * d + a] - x[j * d + a]) ** 2;
    return s;
  });
  const sorted = [...dist].sort((a, b) => a - b);
  const m = n * n;
  const med = m % 2 === 1 ? sorted[(m - 1) / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
  const h2 = Math.max(med / (2 * Math.log(n + 1)), 1e-8);
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < d; a++) {
      let phi = 0;
      for (let j = 0; j < n; j++) {
        const k = Math.exp(-dist[i * n + j] / (2 * h2));
        phi += k * gradLogP[j * d + a] + (k * (x[i * d + a] - x[j * d + a])) / h2;
      }
      out[i * d + a] = -phi / n;
    }
  }
  return out;
}

test('the SVGD fast direction is the float64 Stein direction, median by selection equal to the sorted one', () => {
  const target = findTarget('banana');
  if (!target?.logDensityGrad) throw new Error('banana has a plain-JS density');
  for (const n of [10, 11, 12, 100, 101]) {
    const fast = svgdFast(2, { particles: n });
    if (!fast) throw new Error('svgd has a fast path');
    const x = Float64Array.from(new NormalStream(n).fill(new Float32Array(n * 2)), (v) => 1.5 * v);
    // repeated particles: ties in the distances must not upset the selection
    x.set(x.subarray(0, 4), 4);
    const ft = { dim: 2, logDensityGrad: target.logDensityGrad, params: PARAMS.banana };
    const g = new Float64Array(n * 2);
    expect(fast.gradient(x, new Float32Array(0), 0, ft, g)).toBeNaN();
    const gradLogP = new Float64Array(n * 2);
    target.logDensityGrad(x, n, PARAMS.banana, new Float64Array(n), gradLogP);
    const want = steinReference(x, n, 2, gradLogP);
    for (let i = 0; i < want.length; i++) expect(Math.abs(g[i] - want[i])).toBeLessThan(1e-12 * (1 + Math.abs(want[i])));
    expect(Array.from(fast.sample(x, new Float32Array(0), 3))).toEqual(Array.from(x));
  }
});

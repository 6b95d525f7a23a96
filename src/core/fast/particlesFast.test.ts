import { describe, expect, test } from 'vitest';
import { laplaceApproxMaker } from '../families/laplaceApprox.make';
import { NormalStream } from '../random';
import { findTargetSpec } from '../targets/resolveSpec';
import { crossCheckFamily, crossCheckTrajectory } from '../testing/fastCrossCheck';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { laplaceApproxFast } from './laplaceApproxFast';
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
  const target = findTargetSpec('banana');
  if (!target?.logDensityGrad) throw new Error('banana has a plain-JS density');
  for (const n of [10, 11, 12, 100, 101]) {
    const fast = svgdFast(2, { particles: n }, { scale: 1 });
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

describe('the Laplace approximation in plain JS matches the tfjs family (attached: the run reads its moments and params)', () => {
  const starts: Record<string, number[][]> = {
    banana: [[0.4, -0.7], [0, -3.5], [1.5, 1]],
    'correlated-gaussian': [[0.4, -0.7]],
    'bimodal-1d': [[0.4], [0], [2.2]],
  };
  for (const targetId of Object.keys(PARAMS)) {
    test(`laplace-approx on ${targetId}`, () => {
      const target = findTargetSpec(targetId);
      if (!target?.logDensityGrad) throw new Error('a target with a plain-JS density');
      const d = target.dim;
      const scale = 0.8;
      const n = 64;
      const eps = new NormalStream(9).fill(new Float32Array(n * d));
      const pts = new NormalStream(4).fill(new Float32Array(n * d)).map((v) => 1.5 * v);
      for (const mu of starts[targetId]) {
        const q = laplaceApproxMaker.create(tf, d, { mean: mu, scale }, {});
        const fast = laplaceApproxFast(d, scale);
        const theta = Float64Array.from(mu);
        const both = (what: string) => {
          const tfDraws = tf.tidy(() => q.sample(tf.tensor2d(eps, [n, d])).dataSync());
          const batch = fast.sampleWithLogQ?.(theta, eps, n);
          if (!batch || !q.logQ || !fast.logQ) throw new Error('laplace has a density');
          const logQ = q.logQ;
          expectClose(batch.z, tfDraws, 1e-4, `${what} draws`);
          expectClose(batch.logq, tf.tidy(() => logQ(tf.tensor2d(tfDraws, [n, d]) as Tensor2D).dataSync()), 1e-3, `${what} log q at draws`);
          expectClose(fast.logQ(theta, pts, n), tf.tidy(() => logQ(tf.tensor2d(pts, [n, d]) as Tensor2D).dataSync()), 1e-3, `${what} log q on points`);
          expectClose(fast.moments?.(theta).cov.flat() ?? [], q.moments().cov.flat(), 1e-3, `${what} covariance`);
        };
        both(`before a step at ${mu}`);
        const ft = { dim: d, logDensityGrad: target.logDensityGrad, params: PARAMS[targetId] };
        const grad = new Float64Array(d);
        const loss = fast.gradient(theta, eps, n, ft, grad);
        const ctx = { tf, target, params: PARAMS[targetId], eps: tf.tensor2d(eps, [n, d]) };
        const { value, grads } = tf.variableGrads(() => (q.ownLoss as NonNullable<typeof q.ownLoss>)(ctx), q.variables);
        expect(Math.abs(loss - value.dataSync()[0])).toBeLessThan(1e-4 * (1 + Math.abs(loss)));
        expectClose(grad, grads[q.variables[0].name].dataSync(), 1e-3, `gradient at ${mu}`);
        tf.dispose([value, ctx.eps, ...Object.values(grads)]);
        both(`at ${mu} on ${targetId} (floored ${(q.params().flooredEigenvalues as number[])[0]})`);
        q.dispose();
      }
    });
  }
});

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = rel * (1 + Math.abs(expected[i]));
    if (!(Math.abs(actual[i] - expected[i]) <= tol)) throw new Error(`${what}[${i}]: fast ${actual[i]} vs tfjs ${expected[i]}`);
  }
}

import { describe, expect, it } from 'vitest';
import { cuboFromLogWeights, elboFromLogWeights, iwaeFromLogWeights, logMeanExp, renyiFromLogWeights } from '../exact/bounds';
import { fullRankGaussianMaker } from '../families/fullRankGaussian.make';
import { meanFieldGaussianMaker } from '../families/meanFieldGaussian.make';
import type { VariationalFamily } from '../families/types';
import { correlatedGaussian as correlatedGaussianInfo } from '../targets/correlatedGaussian';
import { gaussianKl, meanAndStdErr, solve } from '../testing/independentMath';
import { objectiveContext } from '../testing/objectiveContext';
import { tf } from '../tf';
import { cuboLoss } from './cubo.loss';
import { iwaeLoss } from './iwae.loss';
import { normalEps, setVariables } from './objectiveFixtures';
import { renyiLoss } from './renyi.loss';
import { reverseKlLoss } from './reverseKl.loss';
import { targetSpec } from '../targets/resolveSpec';

const correlatedGaussian = targetSpec(correlatedGaussianInfo);

/**
 * Public check 5 (docs/testing.md) on the correlated Gaussian (ρ = 0.5, unit variances; log Z = 0
 * on ℝ²): IWAE-K increases with K toward log Z; ELBO ≤ log Z ≤ CUBO₂; every bound is log Z at q = p.
 */
const params = { rho: 0.5, sd1: 1, sd2: 1 };
const SIGMA = [
  [1, 0.5],
  [0.5, 1],
];
const LOG_Z = 0;
// A fixed, non-optimal q = N(m, s²I): wide enough that E_q[w⁴] is finite (4Σ⁻¹ − 3S⁻¹ ≻ 0), so the CUBO estimate has finite variance.
const Q_MEAN = [0.4, -0.3];
const Q_SD = 1.2;
const N = 200_000;

/** Independent closed form: log ∫ N(x; 0, Σ)² / N(x; m, S) dx for d = 2 (completing the square with A = 2Σ⁻¹ − S⁻¹). */
function exactCubo(m: number[], S: number[][]): number {
  const inv = (M: number[][]) => [0, 1].map((j) => solve(M, [j === 0 ? 1 : 0, j === 1 ? 1 : 0]).x);
  const logDet = (M: number[][]) => Math.log(M[0][0] * M[1][1] - M[0][1] * M[1][0]);
  const Si = inv(S);
  const A = [0, 1].map((i) => [0, 1].map((j) => 2 * inv(SIGMA)[i][j] - Si[i][j]));
  const b = [0, 1].map((i) => Si[i][0] * m[0] + Si[i][1] * m[1]);
  const Ainv = inv(A);
  const bAb = [0, 1].reduce((s, i) => s + b[i] * (Ainv[i][0] * b[0] + Ainv[i][1] * b[1]), 0);
  const mSm = m[0] * b[0] + m[1] * b[1];
  return 0.5 * (-logDet(SIGMA) + 0.5 * logDet(S) - 0.5 * logDet(A) + 0.5 * bAb + 0.5 * mSm);
}

function logWeights(q: VariationalFamily, seed: number, n = N): Float64Array {
  const logw = tf.tidy(() => {
    const z = q.sample(normalEps(n, 2, seed));
    return tf.sub(correlatedGaussian.logDensity(tf, z, params), q.logQ!(z)).dataSync();
  });
  return Float64Array.from(logw);
}

/** The K-sample bound's group values log (1/K) Σₖ wₖ, for its standard error. */
function iwaeGroups(logw: Float64Array, K: number): { mean: number; stdErr: number } {
  const groups = Math.floor(logw.length / K);
  return meanAndStdErr(Array.from({ length: groups }, (_, g) => logMeanExp(logw, g * K, (g + 1) * K)));
}

function offQ(): VariationalFamily {
  return meanFieldGaussianMaker.create(tf, 2, { mean: Q_MEAN, scale: Q_SD }, {});
}

describe('public check 5: bounds on log Z from the importance weights of a fixed q', () => {
  it('the independent closed form for CUBO₂ is right at q = p (0) and positive elsewhere', () => {
    expect(exactCubo([0, 0], SIGMA)).toBeCloseTo(0, 12);
    expect(exactCubo(Q_MEAN, [[Q_SD ** 2, 0], [0, Q_SD ** 2]])).toBeGreaterThan(0);
  });

  it('ELBO < IWAE-5 < IWAE-50 ≤ log Z ≤ CUBO₂, each beyond its Monte Carlo error', () => {
    const q = offQ();
    const logw = logWeights(q, 11);
    const elbo = elboFromLogWeights(logw);
    const [k1, k5, k50] = [1, 5, 50].map((K) => iwaeGroups(logw, K));
    const cuboValue = cuboFromLogWeights(logw);
    const S = [[Q_SD ** 2, 0], [0, Q_SD ** 2]];
    console.info(`check 5 (N = ${N}): ELBO ${elbo.value.toFixed(4)} ± ${elbo.stdErr.toFixed(4)}, IWAE-5 ${k5.mean.toFixed(4)} ± ${k5.stdErr.toFixed(4)}, IWAE-50 ${k50.mean.toFixed(4)} ± ${k50.stdErr.toFixed(4)}, log Z ${LOG_Z}, CUBO₂ ${cuboValue.toFixed(4)} (exact ${exactCubo(Q_MEAN, S).toFixed(4)}), exact ELBO ${(-gaussianKl(Q_MEAN, S, [0, 0], SIGMA)).toFixed(4)}`);
    // IWAE-1 is the ELBO, and the ELBO matches −KL(q‖p) in closed form
    expect(iwaeFromLogWeights(logw, 1)).toBeCloseTo(elbo.value, 10);
    expect(Math.abs(k1.mean - elbo.value)).toBeLessThan(1e-9);
    expect(Math.abs(elbo.value + gaussianKl(Q_MEAN, S, [0, 0], SIGMA))).toBeLessThan(4 * elbo.stdErr);
    // monotone in K, each step well beyond 4 standard errors, and never above log Z
    expect(k5.mean - k1.mean).toBeGreaterThan(4 * (k1.stdErr + k5.stdErr));
    expect(k50.mean - k5.mean).toBeGreaterThan(4 * (k5.stdErr + k50.stdErr));
    expect(k50.mean).toBeLessThan(LOG_Z + 3 * k50.stdErr);
    expect(LOG_Z - k50.mean).toBeLessThan(0.25 * (LOG_Z - elbo.value)); // most of the gap closed
    // the upper bound: above log Z, and equal to the closed form within 2%
    expect(cuboValue).toBeGreaterThan(LOG_Z);
    expect(Math.abs(cuboValue - exactCubo(Q_MEAN, S))).toBeLessThan(0.02 * exactCubo(Q_MEAN, S) + 0.005);
    // Rényi sits between: L₁ = ELBO ≤ L_½ ≤ L₀ ≈ log Z (the order is exact on one sample set: a power mean)
    expect(renyiFromLogWeights(logw, 1)).toBe(elbo.value);
    expect(renyiFromLogWeights(logw, 0.5)).toBeGreaterThan(elbo.value);
    expect(renyiFromLogWeights(logw, 0.5)).toBeLessThan(renyiFromLogWeights(logw, 0));
    q.dispose();
  });

  it('the objectives’ losses are these bounds, on the same draws', () => {
    const q = offQ();
    const logw = logWeights(q, 12, 50_000);
    const eps = normalEps(50_000, 2, 12);
    const ctx = (options: Record<string, number>) => objectiveContext({ target: correlatedGaussian, params, family: q, eps, options });
    const lossOf = (f: () => tf.Scalar) => tf.tidy(() => f().dataSync()[0]);
    for (const K of [1, 5, 50]) {
      // the loss groups draws interleaved (row k·m + g), as bound() does; on iid draws either grouping estimates IWAE-K
      expect(-lossOf(() => iwaeLoss.loss(ctx({ K })))).toBeCloseTo(iwaeLoss.bound(logw, { K }), 3);
      expect(Math.abs(iwaeLoss.bound(logw, { K }) - iwaeFromLogWeights(logw, K))).toBeLessThan(4 * iwaeGroups(logw, K).stdErr * Math.SQRT2);
    }
    for (const alpha of [0, 0.5, 0.99]) expect(-lossOf(() => renyiLoss.loss(ctx({ alpha })))).toBeCloseTo(renyiFromLogWeights(logw, alpha), 3);
    expect(lossOf(() => cuboLoss.loss(ctx({})))).toBeCloseTo(cuboFromLogWeights(logw), 3);
    // reverse KL's loss is −ELBO with the analytic entropy: the same expectation, less noise
    expect(Math.abs(-lossOf(() => reverseKlLoss.loss(ctx({}))) - elboFromLogWeights(logw).value)).toBeLessThan(0.01);
    // the bound() read-outs take their options the same way (defaults when missing)
    expect(iwaeLoss.bound(logw, {})).toBe(iwaeLoss.bound(logw, { K: 5 }));
    expect(renyiLoss.bound(logw, {})).toBe(renyiFromLogWeights(logw, 0.5));
    eps.dispose();
    q.dispose();
  });

  it('every bound equals log Z when q is the exact posterior (full-rank, L = chol Σ)', () => {
    const q = fullRankGaussianMaker.create(tf, 2, { mean: [0, 0], scale: 1 }, {});
    const r = params.rho;
    setVariables(q.variables, [[0, 0], [[0, 0], [r, 0]], [0, Math.log(Math.sqrt(1 - r * r))]]);
    const logw = logWeights(q, 13);
    const bounds = {
      elbo: elboFromLogWeights(logw).value,
      iwae5: iwaeFromLogWeights(logw, 5),
      iwae50: iwaeFromLogWeights(logw, 50),
      renyiHalf: renyiFromLogWeights(logw, 0.5),
      renyi0: renyiFromLogWeights(logw, 0),
      cubo: cuboFromLogWeights(logw),
    };
    for (const v of Object.values(bounds)) expect(Math.abs(v - LOG_Z)).toBeLessThan(1e-5);
    // log w is constant (= log Z) up to float32 rounding, so every estimate has no variance at all
    expect(elboFromLogWeights(logw).stdErr).toBeLessThan(1e-8);
    const eps = normalEps(4096, 2, 14);
    const ctx = (options: Record<string, number>) => objectiveContext({ target: correlatedGaussian, params, family: q, eps, options });
    // reverse KL through STL: E[log p̃ − log q] with no analytic entropy, whose E_q[log p̃] alone has variance even at q = p
    const stl = objectiveContext({ target: correlatedGaussian, params, family: q, eps, estimator: 'stl' });
    const losses = tf.tidy(() =>
      [reverseKlLoss.loss(stl), iwaeLoss.loss(ctx({ K: 50 })), tf.neg(cuboLoss.loss(ctx({}))), renyiLoss.loss(ctx({ alpha: 0.5 }))].map((t) => t.dataSync()[0]),
    );
    for (const v of losses) expect(Math.abs(v + LOG_Z)).toBeLessThan(1e-5);
    eps.dispose();
    q.dispose();
  });
});

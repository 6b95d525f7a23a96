// mixture-means against the same model written out again (a product of densities, not sums of
// logs), and EM's fixed point against closed forms (docs/targets.md#mixture-means).
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params';
import { tf } from '../tf';
import { MIXTURE_DATA_KEYS, MIXTURE_PRIOR_SD, emPath, mixtureMeans as mixtureMeansInfo } from './mixtureMeans';
import { targetSpec } from './resolveSpec';

const mixtureMeans = targetSpec(mixtureMeansInfo);

const normal = (x: number, m: number, s: number) => Math.exp(-0.5 * ((x - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI));

/** p(μ₁) p(μ₂) Πₙ (½N(xₙ; μ₁, 1) + ½N(xₙ; μ₂, 1)), as a plain product. */
function density(m1: number, m2: number, xs: number[]): number {
  let p = normal(m1, 0, MIXTURE_PRIOR_SD) * normal(m2, 0, MIXTURE_PRIOR_SD);
  for (const x of xs) p *= 0.5 * normal(x, m1, 1) + 0.5 * normal(x, m2, 1);
  return p;
}

const paramsOf = (xs: number[]) => Object.fromEntries(MIXTURE_DATA_KEYS.map((k, i) => [k, xs[i]]));

describe('mixture-means', () => {
  const defaults = defaultParams(mixtureMeans.params);
  const xs = MIXTURE_DATA_KEYS.map((k) => defaults[k]);

  it('log p̃ is the log of the product of the priors and the mixture likelihood', () => {
    const points = [
      [0, 0],
      [-1.8, 1.7],
      [1.7, -1.8],
      [2.5, 2.5],
      [-3, 0.5],
    ];
    const got = tf.tidy(() => mixtureMeans.logDensity(tf, tf.tensor2d(points.flat(), [points.length, 2]), defaults).arraySync());
    for (const [i, [a, b]] of points.entries()) expect(got[i]).toBeCloseTo(Math.log(density(a, b, xs)), 3);
  });

  it('is symmetric under swapping the labels (two mirror-image modes)', () => {
    const got = tf.tidy(() => mixtureMeans.logDensity(tf, tf.tensor2d([-1.2, 2.1, 2.1, -1.2], [2, 2]), defaults).arraySync());
    expect(got[0]).toBeCloseTo(got[1], 5);
  });

  it("EM's fixed point satisfies the M-step with the E-step's responsibilities", () => {
    const path = emPath(defaults);
    const [m1, m2] = path[path.length - 1];
    const r = xs.map((x) => normal(x, m1, 1) / (normal(x, m1, 1) + normal(x, m2, 1)));
    const n1 = r.reduce((s, v) => s + v, 0);
    const sum1 = r.reduce((s, v, i) => s + v * xs[i], 0);
    const sum2 = r.reduce((s, v, i) => s + (1 - v) * xs[i], 0);
    const prec = 1 / MIXTURE_PRIOR_SD ** 2;
    expect(m1).toBeCloseTo(sum1 / (n1 + prec), 9);
    expect(m2).toBeCloseTo(sum2 / (xs.length - n1 + prec), 9);
    // A fixed point of EM is a stationary point of log p̃ (∇ = 0 there).
    const grad = new Float64Array(2);
    mixtureMeans.logDensityGrad?.(Float64Array.from([m1, m2]), 1, defaults, new Float64Array(1), grad);
    expect(Math.abs(grad[0]) + Math.abs(grad[1])).toBeLessThan(1e-8);
    // The defaults' mode, as the lesson em-and-vi states it.
    expect(m1).toBeCloseTo(-1.7827, 4);
    expect(m2).toBeCloseTo(1.6927, 4);
  });

  it('with clusters far apart, EM ends at each cluster’s posterior mean under the N(0, 3²) prior', () => {
    // Responsibilities are 0 or 1 (to 1e−40), so μₖ = nₖ x̄ₖ / (nₖ + 1/9) exactly.
    const left = [-3.9, -3.5, -3.2];
    const right = [3.1, 3.6, 3.8];
    const far = paramsOf([...left, ...right]);
    const path = emPath(far, [-1, 1]);
    const [m1, m2] = path[path.length - 1];
    const post = (c: number[]) => c.reduce((s, v) => s + v, 0) / (c.length + 1 / 9);
    expect(m1).toBeCloseTo(post(left), 6);
    expect(m2).toBeCloseTo(post(right), 6);
  });

  it('EM raises log p̃ at every step (the ELBO it maximises touches log p̃ after each E-step)', () => {
    const path = emPath(defaults);
    const lp = path.map(([a, b]) => Math.log(density(a, b, xs)));
    for (let i = 1; i < lp.length; i++) expect(lp[i]).toBeGreaterThanOrEqual(lp[i - 1] - 1e-9);
    expect(path.length).toBeGreaterThan(3);
  });
});

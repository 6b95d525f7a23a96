import { describe, expect, it } from 'vitest';
import { incompatibility } from '../rules';
import { initialQ } from '../engine/run';
import { makeGrid } from '../exact/grid';
import { quadratureLogZ } from '../exact/quadrature';
import { familySpecs, findFamily } from '../families/makers';
import { correlatedGaussian as correlatedGaussianInfo } from '../targets/correlatedGaussian';
import type { TargetSpec } from '../targets/types';
import { objectiveContext } from '../testing/objectiveContext';
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import { cuboLoss } from './cubo.loss';
import { iwaeLoss } from './iwae.loss';
import { gradient, normalEps, setVariables } from './objectiveFixtures';
import { objectiveSpecs } from './losses';
import { renyiLoss } from './renyi.loss';
import { reverseKlLoss } from './reverseKl.loss';
import type { ObjectiveLoss } from './types';
import { targetSpec } from '../targets/resolveSpec';

const correlatedGaussian = targetSpec(correlatedGaussianInfo);

const params = { rho: 0.8, sd1: 1, sd2: 1 };

/** The target's plot grid (coarse, for speed) with p's normalised weights, as Run builds it. */
function pGrid(target: TargetSpec, p: Record<string, number>) {
  const g = makeGrid(target.domain(p), target.dim, 41);
  const points = tf.tensor2d(g.points, [g.points.length / target.dim, target.dim]) as Tensor2D;
  const logp = tf.tidy(() => target.logDensity(tf, points, p).dataSync());
  const { logZ } = quadratureLogZ(logp, g);
  const pWeights = tf.tensor1d(Array.from(logp, (lp, i) => g.weights[i] * Math.exp(lp - logZ))) as Tensor1D;
  return { points, pWeights };
}

describe('every registered family × every objective', () => {
  it('either gives a finite loss and gradient, or is refused with a reason', () => {
    const grid = pGrid(correlatedGaussian, params);
    const eps = normalEps(64, 2, 5);
    for (const spec of familySpecs.filter((f) => f.fittedBy === 'objective')) {
      const family = spec.create(tf, 2, initialQ(correlatedGaussian.domain(params), 2), Object.fromEntries(spec.options.map((o) => [o.name, o.default])));
      for (const objective of objectiveSpecs) {
        const why = incompatibility(spec, objective, 'reparam');
        if (why) {
          expect(objective.unsupported(spec)).not.toBeNull();
          continue;
        }
        const ctx = objectiveContext({ target: correlatedGaussian, params, family, eps, grid });
        const loss = tf.tidy(() => objective.loss(ctx).dataSync()[0]);
        const grad = gradient(() => objective.loss(ctx), family.variables);
        expect(Number.isFinite(loss), `${objective.id} on ${spec.id}`).toBe(true);
        expect(grad.every(Number.isFinite), `${objective.id} gradient on ${spec.id}`).toBe(true);
      }
      family.dispose();
    }
    // the flows know log q only at their draws: no forward KL, but the importance-weighted bounds work
    const planar = findFamily('planar-flow');
    if (planar) expect(objectiveSpecs.find((o) => o.id === 'forward-kl')!.unsupported(planar)).toMatch(/only at its own samples/);
    tf.dispose([eps, grid.points, grid.pWeights]);
  });

  it('a mixture’s stratified draw: SIWAE, Rényi and CUBO take the mixture weights, with closed-form values', () => {
    const spec = findFamily('mixture');
    if (!spec) return;
    // p = ½N((−3, 0), I) + ½N((3, 0), I), log Z = 0; q has the same components with weights π = (0.9, 0.1).
    // Where the components barely overlap, w = p/q ≈ ½/πₛ on component s, so E_q[w^a] ≈ Σₛ πₛ (½/πₛ)^a.
    const target: TargetSpec = {
      ...correlatedGaussian,
      params: [],
      logDensity(tf, theta) {
        const x = tf.squeeze(tf.slice(theta, [0, 0], [-1, 1]), [1]);
        const y = tf.squeeze(tf.slice(theta, [0, 1], [-1, 1]), [1]);
        const base = tf.sub(tf.mul(tf.square(y), -0.5), Math.log(2 * Math.PI) + Math.log(2));
        const comps = [-3, 3].map((c) => tf.add(base, tf.mul(tf.square(tf.sub(x, c)), -0.5)));
        return tf.logSumExp(tf.stack(comps, 1), 1) as Tensor1D;
      },
    };
    const pi = [0.9, 0.1];
    const expectedPower = (a: number) => pi.reduce((s, p) => s + p * (0.5 / p) ** a, 0);
    const q = spec.create(tf, 2, { mean: [0, 0], scale: 1 }, { K: 2 });
    setVariables(q.variables, [pi.map(Math.log), [[-3, 0], [3, 0]], [[0, 0], [0, 0]]]);
    const eps = normalEps(2000, 2, 9);
    const ctx = (options: Record<string, number>) => objectiveContext({ target, params: {}, family: q, eps, options });
    const value = (objective: ObjectiveLoss, options: Record<string, number>) => tf.tidy(() => objective.loss(ctx(options)).dataSync()[0]);
    const elbo = pi.reduce((s, p) => s + p * Math.log(0.5 / p), 0); // −KL(π‖(½, ½)) ≈ −0.368
    expect(Math.abs(-value(reverseKlLoss, {}) - elbo)).toBeLessThan(0.02);
    // SIWAE-1: log Σₛ πₛ w(zₛ) ≈ log Σₛ ½ = log Z already (plain IWAE-1 would be the ELBO)
    expect(Math.abs(value(iwaeLoss, { K: 1 }))).toBeLessThan(0.01);
    expect(Math.abs(-value(renyiLoss, { alpha: 0.5 }) - 2 * Math.log(expectedPower(0.5)))).toBeLessThan(0.01);
    expect(Math.abs(value(cuboLoss, {}) - 0.5 * Math.log(expectedPower(2)))).toBeLessThan(0.01);
    // and the gradient reaches the mixture weights (CUBO₂ is minimised by moving π toward ½)
    const [dLogit0, dLogit1] = gradient(() => cuboLoss.loss(ctx({})), q.variables);
    expect(dLogit0).toBeGreaterThan(0);
    expect(dLogit1).toBeLessThan(0);
    expect(() => iwaeLoss.loss({ ...ctx({ K: 5 }), estimator: 'stl' })).toThrow(/not available for a stratified mixture draw/);
    eps.dispose();
    q.dispose();
  });
});

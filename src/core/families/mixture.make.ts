import { stopGradient } from '../ops';
import type { Tensor1D, Tensor2D } from '../tfTypes';
import { readMatrix, filledValue, initialValue } from './familyMath';
import { mixtureDraws, mixtureLogQ } from './mixtureDensity';
import type { FamilyMaker, VariationalFamily, FamilyInit, InitialValue } from './types';

/**
 * [logits (K), μ (K×d), log σ (K×d)]: equal weights, every σ the starting scale, and the centres
 * spread on a circle of radius init.scale (a segment in 1D) so they do not coincide: identical
 * components get identical gradients and would never separate.
 */
function initialValues(dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): InitialValue[] {
  const K = Math.round(options.K ?? 3);
  const centres = Array.from({ length: K }, (_, k) => {
    const c = init.mean.slice(0, dim);
    const angle = (2 * Math.PI * k) / K;
    if (dim === 1) c[0] += init.scale * (K === 1 ? 0 : (2 * k) / (K - 1) - 1);
    else {
      c[0] += init.scale * Math.cos(angle);
      c[1] += init.scale * Math.sin(angle);
    }
    return c;
  });
  return [filledValue([K], 0), initialValue([K, dim], centres.flat()), filledValue([K, dim], Math.log(init.scale))];
}

/** How mixture.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const mixtureMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init, options): VariationalFamily {
    const K = Math.round(options.K ?? 3);
    const [logits0, mu0, logSigma0] = initialValues(dim, init, options);
    const logits = tf.tidy(() => tf.variable(tf.tensor1d(logits0.values)));
    const mu = tf.tidy(() => tf.variable(tf.tensor2d(mu0.values, [K, dim])));
    const logSigma = tf.tidy(() => tf.variable(tf.tensor2d(logSigma0.values, [K, dim])));

    const logQ = (z: Tensor2D, detachParams = false): Tensor1D => {
      const m = detachParams ? stopGradient(tf, mu) : mu;
      const ls = detachParams ? stopGradient(tf, logSigma) : logSigma;
      const lg = detachParams ? stopGradient(tf, logits) : logits;
      // one op with a hand-written gradient (mixtureDensity.ts)
      return mixtureLogQ(tf, z, lg as Tensor1D, m as Tensor2D, ls as Tensor2D);
    };

    const sample = (eps: Tensor2D): Tensor2D => {
      const n = eps.shape[0];
      // Systematic assignment: row i goes to component k with (i + ½)/n ∈ [C_{k−1}, C_k),
      // C the cumulative weights, so each component gets ≈ πₖ·n rows (not differentiable in π).
      const u = tf.expandDims(tf.div(tf.add(tf.range(0, n), 0.5), n), 1);
      const cum = tf.expandDims(tf.cumsum(tf.softmax(logits)), 0);
      const idx = tf.minimum(tf.sum(tf.cast(tf.greaterEqual(u, cum), 'int32'), 1), tf.scalar(K - 1, 'int32'));
      return tf.add(tf.gather(mu, idx), tf.mul(tf.gather(tf.exp(logSigma), idx), eps)) as Tensor2D;
    };

    const readout = () =>
      tf.tidy(() => ({
        pi: Array.from(tf.softmax(logits).dataSync()),
        mu: readMatrix(mu),
        sigma: readMatrix(tf.exp(logSigma)),
      }));

    return {
      dim,
      variables: [logits, mu, logSigma],
      density: 'anywhere',
      sample,
      draw(eps) {
        const n = eps.shape[0];
        // all K·n component draws zₖⱼ = μₖ + σₖ ⊙ εⱼ, k-major, each weighted πₖ/n
        const z = mixtureDraws(tf, eps, mu as Tensor2D, logSigma as Tensor2D);
        // πₖ/n repeated n times by a broadcasting multiply: tf.tile (and broadcastTo, which runs
        // Tile) has a gradient of one slice + add per repeat, n of them
        const w = tf.reshape(tf.mul(tf.expandDims(tf.div(tf.softmax(logits), n), 1), tf.ones([1, n])), [K * n]) as Tensor1D;
        return { z, logQ: logQ(z), weights: w };
      },
      logQ,
      entropy: () => null,
      moments() {
        // E[θ] = Σ πₖ μₖ; Cov = Σ πₖ (diag σₖ² + μₖμₖᵀ) − E[θ]E[θ]ᵀ (law of total covariance)
        const { pi, mu: m, sigma } = readout();
        const mean = Array.from({ length: dim }, (_, a) => pi.reduce((s, p, k) => s + p * m[k][a], 0));
        const cov = mean.map((ma, a) =>
          mean.map((mb, b) => pi.reduce((s, p, k) => s + p * ((a === b ? sigma[k][a] ** 2 : 0) + m[k][a] * m[k][b]), 0) - ma * mb),
        );
        return { mean, cov };
      },
      params: () => {
        const { pi, mu: m, sigma } = readout();
        return { weights: pi, mu: m, sigma };
      },
      dispose() {
        for (const t of [logits, mu, logSigma]) t.dispose();
      },
    };
  },
};

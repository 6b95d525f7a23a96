import { LOG_2PI } from '../targets/gaussianMath';
import { tf } from '../tf';
import type { Tensor1D, Tensor2D } from '../tf';
import type { FamilySpec, VariationalFamily } from './types';

/**
 * q(θ) = N(θ; μ, LLᵀ) with L lower-triangular, positive diagonal through exp (Stan's ADVI
 * full-rank parameterisation). Sampling is z = μ + Lε.
 */
export const fullRankGaussian: FamilySpec = {
  id: 'full-rank',
  name: 'Full-rank Gaussian',
  description: 'A Gaussian with any covariance: an ellipse that can tilt. Exact when the target is Gaussian.',
  options: [],
  create(dim, init): VariationalFamily {
    const strictLower = tf.tidy(() => tf.sub(tf.linalg.bandPart(tf.ones([dim, dim]), -1, 0), tf.eye(dim)));
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(init.mean.slice(0, dim)), true, 'mu'));
    const offDiag = tf.tidy(() => tf.variable(tf.zeros([dim, dim]), true, 'offDiag'));
    const logDiag = tf.tidy(() => tf.variable(tf.fill([dim], Math.log(init.scale)), true, 'logDiag'));

    const identity = tf.eye(dim);
    // I ⊙ exp(log diag) broadcasts along rows: a diagonal matrix whose gradient tfjs knows
    // (tf.diag has no registered gradient).
    const choleskyFactor = (): Tensor2D =>
      tf.add(tf.mul(offDiag, strictLower), tf.mul(identity, tf.exp(logDiag))) as Tensor2D;

    const readL = (): number[][] => {
      const L = tf.tidy(choleskyFactor);
      const flat = L.dataSync();
      L.dispose();
      return Array.from({ length: dim }, (_, i) => Array.from(flat.slice(i * dim, (i + 1) * dim)));
    };

    return {
      dim,
      variables: [mu, offDiag, logDiag],
      // rows of eps are εᵀ, so zᵀ = μᵀ + εᵀLᵀ
      sample: (eps) => tf.add(tf.matMul(eps, choleskyFactor(), false, true), mu) as Tensor2D,
      logQ(z) {
        // Forward substitution for v = L⁻¹(z − μ), one column at a time (d ≤ 2 here, so this is
        // a couple of elementwise ops rather than a general triangular solve).
        const L = choleskyFactor();
        const centred = tf.unstack(tf.sub(z, mu), 1);
        const lRows = tf.unstack(L, 0).map((row) => tf.unstack(row));
        const v: Tensor1D[] = [];
        for (let i = 0; i < dim; i++) {
          let acc = centred[i] as Tensor1D;
          for (let j = 0; j < i; j++) acc = tf.sub(acc, tf.mul(v[j], lRows[i][j]));
          v.push(tf.div(acc, lRows[i][i]));
        }
        const quad = v.reduce<Tensor1D>((s, vi) => tf.add(s, tf.square(vi)), tf.zerosLike(v[0]));
        // log N = −½‖v‖² − Σ log Lᵢᵢ − (d/2) log 2π
        return tf.sub(tf.mul(quad, -0.5), tf.add(tf.sum(logDiag), 0.5 * dim * LOG_2PI)) as Tensor1D;
      },
      // H = Σ log Lᵢᵢ + (d/2)(1 + log 2π)
      entropy: () => tf.add(tf.sum(logDiag), 0.5 * dim * (1 + LOG_2PI)),
      moments() {
        const L = readL();
        const cov = L.map((ri) => L.map((rj) => ri.reduce((s, v, k) => s + v * rj[k], 0)));
        return { mean: Array.from(mu.dataSync()), cov };
      },
      params: () => ({ mu: Array.from(mu.dataSync()), L: readL() }),
      dispose() {
        for (const t of [strictLower, identity, mu, offDiag, logDiag]) t.dispose();
      },
    };
  },
};

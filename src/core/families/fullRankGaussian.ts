import { LOG_2PI } from '../targets/gaussianMath';
import type { Scalar, Tensor1D, Tensor2D, TF } from '../tfTypes';
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
  create(tf, dim, init): VariationalFamily {
    const strictLower = tf.tidy(() => tf.sub(tf.linalg.bandPart(tf.ones([dim, dim]), -1, 0), tf.eye(dim)));
    // Unnamed on purpose: tfjs registers variable names globally, so a fixed name would make a
    // second live family (compare mode, or a new Run before the old one is disposed) throw.
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(init.mean.slice(0, dim))));
    const offDiag = tf.tidy(() => tf.variable(tf.zeros([dim, dim])));
    const logDiag = tf.tidy(() => tf.variable(tf.fill([dim], Math.log(init.scale))));

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
        // v = L⁻¹(z − μ) for every row at once: one matMul with L⁻ᵀ (L⁻¹ is d×d and built from
        // scalar ops, cheap), rather than a per-column forward substitution over the batch.
        const v = tf.matMul(tf.sub(z, mu), lowerInverse(tf, choleskyFactor(), dim), false, true);
        const quad = tf.sum(tf.square(v), 1);
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

/**
 * Inverse of a small lower-triangular matrix by forward substitution on its scalar entries
 * (differentiable: plain tf ops). X = L⁻¹ satisfies Xᵢᵢ = 1/Lᵢᵢ, Xᵢⱼ = −(Σₖ₌ⱼ^{i−1} Lᵢₖ Xₖⱼ)/Lᵢᵢ.
 */
function lowerInverse(tf: TF, L: Tensor2D, dim: number): Tensor2D {
  const l = tf.unstack(L).map((row) => tf.unstack(row));
  const x: Scalar[][] = Array.from({ length: dim }, () => []);
  const zero = tf.scalar(0);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j < dim; j++) {
      if (j > i) x[i][j] = zero;
      else if (j === i) x[i][j] = tf.div(1, l[i][i]) as Scalar;
      else {
        let acc: Scalar = zero;
        for (let k = j; k < i; k++) acc = tf.add(acc, tf.mul(l[i][k], x[k][j])) as Scalar;
        x[i][j] = tf.neg(tf.div(acc, l[i][i])) as Scalar;
      }
    }
  }
  return tf.stack(x.map((row) => tf.stack(row))) as Tensor2D;
}

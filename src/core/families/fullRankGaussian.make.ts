import { LOG_2PI } from '../targets/gaussianMath';
import { stopGradient } from '../ops';
import type { Scalar, Tensor1D, Tensor2D, TF } from '../tfTypes';
import { drawWithDensity, filledValue, initialValue } from './familyMath';
import type { FamilyInit, FamilyMaker, InitialValue, VariationalFamily } from './types';

/** [μ, off-diagonal (d×d, strict lower used), log diag]: L starts as the starting scale times I. */
const initialValues = (dim: number, init: FamilyInit): InitialValue[] => [
  initialValue([dim], init.mean.slice(0, dim)),
  filledValue([dim, dim], 0),
  filledValue([dim], Math.log(init.scale)),
];

/** How fullRankGaussian.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const fullRankGaussianMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init): VariationalFamily {
    const [mu0, off0, logDiag0] = initialValues(dim, init);
    const strictLower = tf.tidy(() => tf.sub(tf.linalg.bandPart(tf.ones([dim, dim]), -1, 0), tf.eye(dim)));
    // Unnamed on purpose: tfjs registers variable names globally, so a fixed name would make a
    // second live family (compare mode, or a new Run before the old one is disposed) throw.
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(mu0.values)));
    const offDiag = tf.tidy(() => tf.variable(tf.tensor2d(off0.values, [dim, dim])));
    const logDiag = tf.tidy(() => tf.variable(tf.tensor1d(logDiag0.values)));

    const identity = tf.eye(dim);
    // I ⊙ exp(log diag) broadcasts along rows: a diagonal matrix whose gradient tfjs knows
    // (tf.diag has no registered gradient).
    const choleskyFactor = (off: Tensor2D = offDiag, logD: Tensor1D = logDiag): Tensor2D =>
      tf.add(tf.mul(off, strictLower), tf.mul(identity, tf.exp(logD))) as Tensor2D;

    // rows of eps are εᵀ, so zᵀ = μᵀ + εᵀLᵀ
    const sample = (eps: Tensor2D) => tf.add(tf.matMul(eps, choleskyFactor(), false, true), mu) as Tensor2D;
    const logQ = (z: Tensor2D, detachParams = false): Tensor1D => {
      const m = detachParams ? stopGradient(tf, mu) : mu;
      const off = detachParams ? stopGradient(tf, offDiag) : offDiag;
      const logD = detachParams ? stopGradient(tf, logDiag) : logDiag;
      // v = L⁻¹(z − μ) for every row at once: one matMul with L⁻ᵀ (L⁻¹ is d×d and built from
      // scalar ops, cheap), rather than a per-column forward substitution over the batch.
      const v = tf.matMul(tf.sub(z, m), lowerInverse(tf, choleskyFactor(off, logD), dim), false, true);
      const quad = tf.sum(tf.square(v), 1);
      // log N = −½‖v‖² − Σ log Lᵢᵢ − (d/2) log 2π
      return tf.sub(tf.mul(quad, -0.5), tf.add(tf.sum(logD), 0.5 * dim * LOG_2PI)) as Tensor1D;
    };

    const readL = (): number[][] => {
      const L = tf.tidy(choleskyFactor);
      const flat = L.dataSync();
      L.dispose();
      return Array.from({ length: dim }, (_, i) => Array.from(flat.slice(i * dim, (i + 1) * dim)));
    };

    return {
      dim,
      variables: [mu, offDiag, logDiag],
      density: 'anywhere',
      sample,
      draw: drawWithDensity(sample, logQ),
      logQ,
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
export function lowerInverse(tf: TF, L: Tensor2D, dim: number): Tensor2D {
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

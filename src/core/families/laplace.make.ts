import { constantOf, stopGradient } from '../ops';
import type { Tensor1D, Tensor2D } from '../tfTypes';
import { logErfc, drawWithDensity, filledValue, initialValue } from './familyMath';
import type { FamilyInit, FamilyMaker, InitialValue, VariationalFamily } from './types';

/** [μ, log b]: b = σ/√2 gives the Laplace the same variance 2b² = σ² as the Gaussians' starting point. */
const initialValues = (dim: number, init: FamilyInit): InitialValue[] => [initialValue([dim], init.mean.slice(0, dim)), filledValue([dim], Math.log(init.scale / Math.SQRT2))];

/** How laplace.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const laplaceMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init): VariationalFamily {
    const [mu0, logB0] = initialValues(dim, init);
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(mu0.values)));
    const logB = tf.tidy(() => tf.variable(tf.tensor1d(logB0.values)));

    const sample = (eps: Tensor2D): Tensor2D => {
      // the standard Laplace draw depends on ε only: computed off autodiff's tape (ops.ts)
      const x = constantOf(tf, eps, (e) => tf.mul(tf.neg(tf.sign(e)), logErfc(tf, tf.mul(tf.abs(e), Math.SQRT1_2))));
      return tf.add(tf.mul(x, tf.exp(logB)), mu) as Tensor2D;
    };
    const logQ = (z: Tensor2D, detachParams = false): Tensor1D => {
      const m = detachParams ? stopGradient(tf, mu) : mu;
      const lb = detachParams ? stopGradient(tf, logB) : logB;
      // Σᵢ (−|zᵢ − μᵢ|/bᵢ − log bᵢ − log 2)
      const a = tf.sum(tf.div(tf.abs(tf.sub(z, m)), tf.exp(lb)), 1);
      return tf.neg(tf.add(a, tf.add(tf.sum(lb), dim * Math.LN2))) as Tensor1D;
    };
    const scale = () => Array.from(logB.dataSync(), Math.exp);

    return {
      dim,
      variables: [mu, logB],
      density: 'anywhere',
      sample,
      draw: drawWithDensity(sample, logQ),
      logQ,
      // H = Σᵢ (1 + log 2bᵢ)
      entropy: () => tf.add(tf.sum(logB), dim * (1 + Math.LN2)),
      moments() {
        // Var = 2b² per coordinate, no covariance
        const b = scale();
        return { mean: Array.from(mu.dataSync()), cov: b.map((bi, i) => b.map((_, j) => (i === j ? 2 * bi * bi : 0))) };
      },
      params: () => ({ mu: Array.from(mu.dataSync()), b: scale() }),
      dispose() {
        mu.dispose();
        logB.dispose();
      },
    };
  },
};

import { LOG_2PI } from '../targets/gaussianMath';
import { stopGradient } from '../ops';
import type { Tensor1D, Tensor2D } from '../tfTypes';
import { drawWithDensity, filledValue, initialValue } from './familyMath';
import type { FamilyInit, FamilyMaker, InitialValue, VariationalFamily } from './types';

/** [μ, log σ]: μ at the starting mean, every σ the starting scale. */
const initialValues = (dim: number, init: FamilyInit): InitialValue[] => [initialValue([dim], init.mean.slice(0, dim)), filledValue([dim], Math.log(init.scale))];

/** How meanFieldGaussian.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const meanFieldGaussianMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init): VariationalFamily {
    const [mu0, logSigma0] = initialValues(dim, init);
    // Unnamed on purpose: tfjs registers variable names globally, so a fixed name would make a
    // second live family (compare mode, or a new Run before the old one is disposed) throw.
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(mu0.values)));
    const logSigma = tf.tidy(() => tf.variable(tf.tensor1d(logSigma0.values)));
    const sample = (eps: Tensor2D) => tf.add(tf.mul(eps, tf.exp(logSigma)), mu) as Tensor2D;
    const logQ = (z: Tensor2D, detachParams = false): Tensor1D => {
      const m = detachParams ? stopGradient(tf, mu) : mu;
      const ls = detachParams ? stopGradient(tf, logSigma) : logSigma;
      // Σᵢ (−½ ((zᵢ − μᵢ)/σᵢ)² − log σᵢ − ½ log 2π)
      const zs = tf.div(tf.sub(z, m), tf.exp(ls));
      const quad = tf.sum(tf.mul(tf.square(zs), -0.5), 1);
      return tf.sub(quad, tf.add(tf.sum(ls), 0.5 * dim * LOG_2PI)) as Tensor1D;
    };
    return {
      dim,
      variables: [mu, logSigma],
      density: 'anywhere',
      sample,
      draw: drawWithDensity(sample, logQ),
      logQ,
      // H = Σ log σᵢ + (d/2)(1 + log 2π)
      entropy: () => tf.add(tf.sum(logSigma), 0.5 * dim * (1 + LOG_2PI)),
      moments() {
        const m = Array.from(mu.dataSync());
        const s = Array.from(logSigma.dataSync(), Math.exp);
        return { mean: m, cov: s.map((si, i) => s.map((_, j) => (i === j ? si * si : 0))) };
      },
      params: () => ({ mu: Array.from(mu.dataSync()), sigma: Array.from(logSigma.dataSync(), Math.exp) }),
      dispose() {
        mu.dispose();
        logSigma.dispose();
      },
    };
  },
};

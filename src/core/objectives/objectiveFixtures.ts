// Shared by the objectives' tests only (never imported by app code): small targets with closed
// forms, seeded noise, and gradients read back to JS.
import { NormalStream } from '../random';
import type { TargetSpec } from '../targets/types';
import { tf } from '../tf';
import type { Scalar, Tensor1D, Tensor2D, Variable } from '../tf';

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** p̃(θ) = Z·N(θ; m, s²) in 1D: log Z, every divergence to a Gaussian q and the Rényi bounds are closed-form. */
export function gaussian1d(m: number, s: number, logZ: number): TargetSpec {
  return {
    id: 'gaussian-1d',
    name: 'Gaussian (1D)',
    description: 'Z·N(m, s²).',
    tex: '',
    dim: 1,
    params: [],
    domain: () => ({ x: [m - 10 * s, m + 10 * s] }),
    logDensity(tf, theta) {
      const u = tf.div(tf.sub(tf.reshape(theta, [-1]), m), s);
      return tf.add(tf.mul(tf.square(u), -0.5), logZ - Math.log(s) - HALF_LOG_2PI) as Tensor1D;
    },
    exact: () => ({ logZ, mean: [m], cov: [[s * s]] }),
  };
}

/** n rows of seeded standard-normal noise, [n, dim]. */
export function normalEps(n: number, dim: number, seed: number): Tensor2D {
  return tf.tensor2d(new NormalStream(seed).fill(new Float32Array(n * dim)), [n, dim]);
}

/** Overwrite a family's variables (in its `variables` order) with plain values. */
export function setVariables(variables: Variable[], values: (number[] | number[][])[]): void {
  variables.forEach((v, i) => {
    tf.tidy(() => v.assign(tf.reshape(tf.tensor(values[i].flat()), v.shape)));
  });
}

/** ∇ of a scalar loss w.r.t. the variables, each flattened, concatenated in `variables` order. */
export function gradient(loss: () => Scalar, variables: Variable[]): Float64Array {
  const flat = tf.tidy(() => {
    const { grads } = tf.variableGrads(loss, variables);
    const parts = variables.map((v) => tf.reshape(grads[v.name] ?? tf.zerosLike(v), [-1]));
    return tf.concat(parts).dataSync();
  });
  return Float64Array.from(flat);
}

/** Per-coordinate mean and standard error of a list of gradient vectors. */
export function gradientStats(rows: Float64Array[]): { mean: number[]; stdErr: number[]; sd: number[] } {
  const n = rows.length;
  const d = rows[0].length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const sd = mean.map((mu, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j] - mu) ** 2, 0) / (n - 1)));
  return { mean, sd, stdErr: sd.map((v) => v / Math.sqrt(n)) };
}

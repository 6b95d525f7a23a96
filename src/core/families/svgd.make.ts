import type { Scalar, Tensor, Tensor2D, TF } from '../tfTypes';
import { initialValue, momentsOfRows, readMatrix, seededNormals } from './familyMath';
import type { FamilyInit, FamilyMaker, InitialValue, VariationalFamily } from './types';

/** [particles (n×d)]: a seeded start μ₀ + s·N(0, I), the same cloud for the same options. */
function initialValues(dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): InitialValue[] {
  const n = Math.round(options.particles ?? 100);
  return [initialValue([n, dim], seededNormals(0x5f6d, n * dim, init.scale).map((v, i) => v + init.mean[i % dim]))];
}

/** How svgd.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const svgdMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init, options): VariationalFamily {
    const n = Math.round(options.particles ?? 100);
    const particles = tf.tidy(() => tf.variable(tf.tensor2d(initialValues(dim, init, options)[0].values, [n, dim])));
    const logRate = 1 / (2 * Math.log(n + 1));

    return {
      dim,
      variables: [particles],
      density: 'none',
      sample: () => tf.clone(particles) as Tensor2D,
      draw: () => ({ z: tf.clone(particles) as Tensor2D, logQ: null, weights: null }),
      entropy: () => null,
      moments: () => momentsOfRows(particles.dataSync(), dim),
      params: () => ({ particles: readMatrix(particles) }),
      ownGradients(ctx) {
        const x = particles as Tensor2D;
        // ∇log p̃ straight from the target's tf gradient where it has one (no autodiff, issue 9)
        const fused = ctx.target.logDensityAndGrad;
        const gradLogP = fused
          ? fused(tf, x, ctx.params).grad
          : tf.grad((p: Tensor) => tf.sum(ctx.target.logDensity(tf, p as Tensor2D, ctx.params)))(x);
        // D[i, j] = ‖xᵢ − xⱼ‖² = ‖xᵢ‖² − 2xᵢᵀxⱼ + ‖xⱼ‖² (relu: no negative rounding)
        const sq = tf.sum(tf.square(x), 1, true);
        const D = tf.relu(tf.add(tf.sub(sq, tf.mul(tf.matMul(x, x, false, true), 2)), tf.transpose(sq)));
        const h2 = tf.maximum(tf.mul(median(tf, tf.reshape(D, [-1]), n * n), logRate), 1e-8);
        const K = tf.exp(tf.div(D, tf.mul(h2, -2)));
        // Σⱼ ∇_{xⱼ}k(xⱼ, xᵢ) = Σⱼ K_ij (xᵢ − xⱼ)/h² = (xᵢ Σⱼ K_ij − (Kx)ᵢ)/h²
        const repulsion = tf.div(tf.sub(tf.mul(x, tf.sum(K, 1, true)), tf.matMul(K, x)), h2);
        const phi = tf.div(tf.add(tf.matMul(K, gradLogP), repulsion), n);
        return [tf.neg(phi)];
      },
      dispose() {
        particles.dispose();
      },
    };
  },
};

/**
 * Median of m values: the mean of the two middle order statistics, sorted in JS. (tf.topk with
 * k ≈ m/2 returned garbage on the browser's cpu backend in a production build, though not in
 * Node: the particles became NaN after one step. m = n² ≤ 90,000, so the read-back is cheap.)
 */
function median(tf: TF, values: Tensor, m: number): Scalar {
  const sorted = Float64Array.from(values.dataSync()).sort();
  const mid = Math.floor(m / 2);
  return tf.scalar(m % 2 === 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]));
}

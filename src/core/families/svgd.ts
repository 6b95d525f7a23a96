import type { Scalar, Tensor, Tensor2D, TF } from '../tfTypes';
import { initialValue, momentsOfRows, readMatrix, seededNormals } from './familyMath';
import type { FamilyInit, FamilySpec, InitialValue, VariationalFamily } from './types';

/** [particles (n×d)]: a seeded start μ₀ + s·N(0, I), the same cloud for the same options. */
function initialValues(dim: number, init: FamilyInit, options: Readonly<Record<string, number>>): InitialValue[] {
  const n = Math.round(options.particles ?? 100);
  return [initialValue([n, dim], seededNormals(0x5f6d, n * dim, init.scale).map((v, i) => v + init.mean[i % dim]))];
}

/**
 * Stein variational gradient descent (Liu & Wang 2016): q is n particles, moved along
 * φ(xᵢ) = (1/n) Σⱼ [k(xⱼ, xᵢ)∇log p̃(xⱼ) + ∇_{xⱼ}k(xⱼ, xᵢ)], the direction that decreases
 * KL(q‖p) fastest in the kernel's RKHS. The first term pulls particles uphill (kernel-smoothed),
 * the second pushes them apart. RBF kernel k(x, x′) = exp(−‖x − x′‖²/(2h²)) with the median
 * heuristic h² = med²/(2 log(n + 1)) (docs/families.md#svgd; med² the median squared pairwise
 * distance, as in the authors' code). The run's optimiser minimises, so the update is handed over
 * as −φ.
 */
export const svgd: FamilySpec = {
  id: 'svgd',
  name: 'SVGD particles',
  description:
    'A cloud of particles pulled uphill on log p̃ and pushed apart by a kernel, so together they spread ' +
    'over the target. No density (no ELBO or KL by formula); the cloud itself is the approximation.',
  options: [
    {
      name: 'particles',
      label: 'particles',
      min: 10,
      max: 300,
      step: 1,
      default: 100,
      integer: true,
      help: 'More particles represent p better; each step costs n² kernel evaluations.',
    },
  ],
  density: 'none',
  fittedBy: 'own-update',
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

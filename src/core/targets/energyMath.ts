import type { Tensor1D, TF } from '../tfTypes';

/**
 * Shared pieces of the Rezende & Mohamed (2015, Table 1 / Fig. 3) energies, docs/targets.md#energies:
 * w₁ = sin(2πx/4), w₂ = 3·exp(−½((x − 1)/0.6)²), w₃ = 3·σ((x − 1)/0.3).
 */
export function w1(tf: TF, x: Tensor1D): Tensor1D {
  return tf.sin(tf.mul(x, (2 * Math.PI) / 4));
}

export function w2(tf: TF, x: Tensor1D): Tensor1D {
  return tf.mul(tf.exp(tf.mul(tf.square(tf.div(tf.sub(x, 1), 0.6)), -0.5)), 3);
}

export function w3(tf: TF, x: Tensor1D): Tensor1D {
  return tf.mul(tf.sigmoid(tf.div(tf.sub(x, 1), 0.3)), 3);
}

/** −½((v − c)/s)², the exponent of an unnormalised Gaussian bump. */
export function gaussExponent(tf: TF, v: Tensor1D, c: Tensor1D | number, s: number): Tensor1D {
  return tf.mul(tf.square(tf.div(tf.sub(v, c), s)), -0.5);
}

/** The box [−B, B]² in which U₂–U₄ live, and the wall's width outside it (docs/targets.md#energies). */
export const ENERGY_BOX = 4;
export const WALL_WIDTH = 0.1;

/**
 * −½(d/0.1)², d = Euclidean distance from θ to the box [−4, 4]² (0 inside), so d² = dx² + dy²
 * with dx = max(0, |x| − 4). U₂–U₄ do not decay along x, so e^{−U} has infinite mass on ℝ²;
 * this wall makes it finite while leaving the box untouched. Each side adds 0.1·√(π/2) of width.
 */
export function boxWall(tf: TF, x: Tensor1D, y: Tensor1D): Tensor1D {
  const dx = tf.relu(tf.sub(tf.abs(x), ENERGY_BOX));
  const dy = tf.relu(tf.sub(tf.abs(y), ENERGY_BOX));
  return tf.mul(tf.add(tf.square(dx), tf.square(dy)), -0.5 / (WALL_WIDTH * WALL_WIDTH));
}

/** What the learner is told about the wall (one sentence per energy). */
export const WALL_CAVEAT =
  'e^{−U} has infinite mass on ℝ² (nothing stops it along x), so outside the box [−4, 4]² a steep wall ' +
  '−½(d/0.1)² is added to log p̃, d being the distance from the box; inside the box p̃ is exactly e^{−U}.';

/**
 * log ∫ of the walled density when, for every x, ∫ e^{−U(x, y)} dy = cy does not depend on x and
 * the y-wall never bites: Z = cy · (8 + 2·0.1·√(π/2)) (the box's width plus two half-Gaussian
 * walls).
 */
export function walledLogZ(cy: number): number {
  return Math.log(cy) + Math.log(2 * ENERGY_BOX + 2 * WALL_WIDTH * Math.sqrt(Math.PI / 2));
}

import type { Tensor1D, TF } from '../tfTypes';
import { lit } from '../export/expr';
import { ENERGY_BOX, WALL_WIDTH } from './energyWall';
import { sigmoid } from './special';

/**
 * Shared density pieces (tf ops, plain JS, export source) of the Rezende & Mohamed (2015,
 * Table 1 / Fig. 3) energies, docs/targets.md#energies:
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

/**
 * The wall in plain JS, one coordinate at a time (d² = dx² + dy² separates): −½ relu(|v| − 4)²/0.1².
 */
export function wallJs(v: number): number {
  const d = Math.max(0, Math.abs(v) - ENERGY_BOX);
  return (-0.5 * d * d) / (WALL_WIDTH * WALL_WIDTH);
}

/** d wallJs/dv = −relu(|v| − 4)·sign(v)/0.1²: 0 on and inside the box, as tf's relu′(0) = 0. */
export function wallSlopeJs(v: number): number {
  const d = Math.max(0, Math.abs(v) - ENERGY_BOX);
  return (-d * (v > 0 ? 1 : -1)) / (WALL_WIDTH * WALL_WIDTH);
}

/** w₁(x) = sin(πx/2) and w₁′(x) = (π/2) cos(πx/2), plain JS. */
export const w1Js = (x: number): number => Math.sin((Math.PI / 2) * x);
export const w1SlopeJs = (x: number): number => (Math.PI / 2) * Math.cos((Math.PI / 2) * x);

/** w₂(x) = 3 e^{−½((x − 1)/0.6)²}; w₂′ = −w₂ (x − 1)/0.36. */
export const w2Js = (x: number): number => 3 * Math.exp(-0.5 * ((x - 1) / 0.6) ** 2);

/** w₃(x) = 3σ((x − 1)/0.3); w₃′ = 3σ(1 − σ)/0.3. */
export const w3Sigmoid = (x: number): number => sigmoid((x - 1) / 0.3);

/**
 * log(e^{a} + e^{b}) and the weight e^{a − lse} of a (b's is 1 − that), as the energies combine
 * their two branches; written into `out` so the per-point loops allocate nothing.
 */
export function logSumExp2(a: number, b: number, out: { value: number; weightA: number }): void {
  const m = Math.max(a, b);
  const ea = Math.exp(a - m);
  const eb = Math.exp(b - m);
  out.value = m + Math.log(ea + eb);
  out.weightA = ea / (ea + eb);
}

/** The wall in one coordinate as formula-language source (code export; equals wallJs). */
export function wallSource(v: 'x' | 'y'): string {
  return `-0.5*max(0, abs(${v}) - ${lit(ENERGY_BOX)})^2/${lit(WALL_WIDTH * WALL_WIDTH)}`;
}

/** w₁(x) = sin(πx/2) as formula-language source (equals w1Js). */
export const W1_SOURCE = `sin(${lit(Math.PI / 2)}*x)`;

import { needTf } from '../tfRuntime';
import type { Rank } from '@tensorflow/tfjs-core';
import type { Tensor1D, Variable } from '../tf';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/**
 * The tfjs path's optimiser, on q's parameters as ONE flat vector θ (flatParams.ts): one fused
 * update per step instead of tfjs's one per variable (14 kernels each, issue 9), with one m and
 * one v slot. Adam's elementwise ops are tfjs's AdamOptimizer's, in its order:
 *
 *   m ← m·β₁ + g·(1 − β₁),  v ← v·β₂ + g²·(1 − β₂),
 *   θ ← (m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε) · (−lr) + θ
 *
 * and the bias corrections 1 − βᵗ are tfjs's float32 scalars (β^t accumulated by float32
 * multiplication), computed here in JS with Math.fround instead of by two more kernels a step, so
 * a run's trajectory is bit for bit the one the per-variable optimiser gave (flatOptimizer.test.ts).
 * SGD is θ ← (−lr)·g + θ, as tfjs's SGDOptimizer.
 */
export class FlatOptimizer {
  private m: Variable<Rank.R1> | null = null;
  private v: Variable<Rank.R1> | null = null;
  /** β₁ᵗ and β₂ᵗ for the coming step t, as float32 products (tfjs's accBeta1/accBeta2). */
  private acc1 = Math.fround(BETA1);
  private acc2 = Math.fround(BETA2);

  constructor(
    private readonly kind: 'adam' | 'sgd',
    private lr: number,
  ) {}

  /** The step size can change mid-run without losing the moment estimates. */
  setLearningRate(lr: number): void {
    this.lr = lr;
  }

  /** θ after one step along the descent direction g (the loss gradient), both flat; call inside a tidy. */
  step(theta: Tensor1D, g: Tensor1D): Tensor1D {
    const tf = needTf();
    if (this.kind === 'sgd') return tf.add(tf.mul(tf.scalar(-this.lr), g), theta);
    if (!this.m || !this.v) {
      this.m = tf.keep(tf.variable(tf.zerosLike(theta), false));
      this.v = tf.keep(tf.variable(tf.zerosLike(theta), false));
    }
    const c1 = Math.fround(1 - this.acc1);
    const c2 = Math.fround(1 - this.acc2);
    const m: Tensor1D = tf.add(tf.mul(this.m, BETA1), tf.mul(g, 1 - BETA1));
    const v: Tensor1D = tf.add(tf.mul(this.v, BETA2), tf.mul(tf.square(g), 1 - BETA2));
    this.m.assign(m);
    this.v.assign(v);
    this.acc1 = Math.fround(this.acc1 * Math.fround(BETA1));
    this.acc2 = Math.fround(this.acc2 * Math.fround(BETA2));
    return tf.add(tf.mul(tf.div(tf.div(m, c1), tf.add(tf.sqrt(tf.div(v, c2)), EPSILON)), -this.lr), theta);
  }

  dispose(): void {
    this.m?.dispose();
    this.v?.dispose();
    this.m = null;
    this.v = null;
  }
}

import { needTf } from '../tfRuntime';
import type { Rank } from '@tensorflow/tfjs-core';
import type { Tensor1D, Variable } from '../tf';
import { assignFlat } from './flatParams';

/**
 * Iterate averaging (Polyak & Juditsky 1992; Ruppert 1988): with a constant step size the iterate
 * θ_t keeps jittering around the optimum (its spread grows with the learning rate), while the
 * average of the iterates converges to it. A run here has no known end (the page plays for as
 * long as the learner likes), so the average is "anytime" polynomial-decay averaging (Shamir &
 * Zhang 2013, ICML, eq. 4):
 *
 *   θ̄_k = (1 − w_k) θ̄_{k−1} + w_k θ_k,   w_k = (η + 1) / (k + η),   η = 3,
 *
 * which weighs iterate j of k like (j/k)^η: the average covers roughly the last quarter of the
 * run and forgets where q started (after 3,000 steps the first 300 carry weight 1e−4), without
 * storing the iterates or knowing the number of steps. It restarts (k = 0) whenever the problem
 * changes under it: a live change of target parameters, learning rate or samples, a restore.
 */
export const AVERAGING_ETA = 3;

export function averagingWeight(k: number): number {
  return (AVERAGING_ETA + 1) / (k + AVERAGING_ETA);
}

/** The average of plain-JS parameter arrays (the Gaussian fast path). */
export class ArrayAverage {
  private avg: Float64Array[] = [];
  private k = 0;

  get count(): number {
    return this.k;
  }

  get values(): readonly Float64Array[] {
    return this.avg;
  }

  add(values: readonly Float64Array[]): void {
    this.k++;
    if (this.k === 1) {
      this.avg = values.map((a) => Float64Array.from(a));
      return;
    }
    const w = averagingWeight(this.k);
    values.forEach((a, j) => {
      const m = this.avg[j];
      for (let i = 0; i < a.length; i++) m[i] += w * (a[i] - m[i]);
    });
  }

  restart(): void {
    this.k = 0;
  }
}

/** The average of q's tf variables, kept flat on the device (three ops a step). */
export class TensorAverage {
  private readonly avg: Variable<Rank.R1>;
  private k = 0;

  constructor(size: number) {
    const tf = needTf();
    this.avg = tf.tidy(() => tf.variable(tf.zeros([size]), false));
  }

  get count(): number {
    return this.k;
  }

  /** Add θ (flat, from `flatten`); call inside the step's tidy. */
  add(flat: Tensor1D): void {
    const tf = needTf();
    this.k++;
    const w = averagingWeight(this.k);
    this.avg.assign(this.k === 1 ? flat : tf.add(this.avg, tf.mul(tf.scalar(w), tf.sub(flat, this.avg))));
  }

  /** Write the average into the variables (the caller keeps the iterate to put back). */
  loadInto(variables: readonly Variable[]): void {
    assignFlat(variables, this.avg);
  }

  restart(): void {
    this.k = 0;
  }

  dispose(): void {
    this.avg.dispose();
  }
}

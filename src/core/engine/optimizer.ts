import { tf } from '../tf';
import type { Optimizer } from '@tensorflow/tfjs-core';

/**
 * tfjs's own per-variable optimisers (one update, 14 kernels for Adam, per variable). The Run's
 * tfjs path uses the fused FlatOptimizer (flatOptimizer.ts); these stay as the reference it is
 * tested against bit for bit, and for tests that fit a family directly.
 */

/** Adam whose step size can change mid-run without losing its moment estimates. */
class TunableAdam extends tf.AdamOptimizer {
  setLearningRate(lr: number): void {
    this.learningRate = lr;
  }
}

export interface TunableOptimizer {
  readonly optimizer: Optimizer;
  setLearningRate(lr: number): void;
  dispose(): void;
}

export function makeOptimizer(kind: 'adam' | 'sgd', lr: number): TunableOptimizer {
  if (kind === 'sgd') {
    const sgd = new tf.SGDOptimizer(lr);
    return { optimizer: sgd, setLearningRate: (v) => sgd.setLearningRate(v), dispose: () => sgd.dispose() };
  }
  const adam = new TunableAdam(lr, 0.9, 0.999, 1e-8);
  return { optimizer: adam, setLearningRate: (v) => adam.setLearningRate(v), dispose: () => adam.dispose() };
}

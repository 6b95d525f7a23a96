import type { Optimizer } from '@tensorflow/tfjs-core';
import { needTf } from '../tfRuntime';
import type { TF } from '../tfTypes';

/**
 * tfjs's own per-variable optimisers (one update, 14 kernels for Adam, per variable). The Run's
 * tfjs path uses the fused FlatOptimizer (flatOptimizer.ts); these stay as the reference it is
 * tested against bit for bit, and for tests that fit a family directly.
 */

/** Adam whose step size can change mid-run without losing its moment estimates. */
interface TunableAdam extends Optimizer {
  setLearningRate(lr: number): void;
}

/**
 * The class is made when first needed, not at import: it extends a tfjs class, and the engine
 * loads tfjs only when a run steps with it (tfRuntime.ts).
 */
let tunableAdam: ((lr: number) => TunableAdam) | null = null;

function adamMaker(tf: TF): (lr: number) => TunableAdam {
  class Tunable extends tf.AdamOptimizer implements TunableAdam {
    setLearningRate(lr: number): void {
      this.learningRate = lr;
    }
  }
  return (lr) => new Tunable(lr, 0.9, 0.999, 1e-8);
}

export interface TunableOptimizer {
  readonly optimizer: Optimizer;
  setLearningRate(lr: number): void;
  dispose(): void;
}

export function makeOptimizer(kind: 'adam' | 'sgd', lr: number): TunableOptimizer {
  const tf = needTf();
  if (kind === 'sgd') {
    const sgd = new tf.SGDOptimizer(lr);
    return { optimizer: sgd, setLearningRate: (v) => sgd.setLearningRate(v), dispose: () => sgd.dispose() };
  }
  tunableAdam ??= adamMaker(tf);
  const adam = tunableAdam(lr);
  return { optimizer: adam, setLearningRate: (v) => adam.setLearningRate(v), dispose: () => adam.dispose() };
}

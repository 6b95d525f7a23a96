import { describe, expect, it } from 'vitest';
import { tf } from '../tf';
import type { Tensor, Variable } from '../tf';
import { assignFlat, flatten } from './flatParams';
import { FlatOptimizer } from './flatOptimizer';
import { makeOptimizer } from './optimizer';

/** Two sets of variables with the same start: a vector and a matrix, as q's parameters are. */
function variablePair(): Variable[] {
  return tf.tidy(() => [tf.variable(tf.tensor1d([0.3, -1.2, 2.5])), tf.variable(tf.tensor2d([0.1, -0.4, 0.7, 1.9], [2, 2]))]);
}

/** A gradient that depends on θ (so the trajectories would part if one step differed), step t. */
function gradients(vars: readonly Variable[], t: number): Tensor[] {
  return vars.map((v, k) => tf.add(tf.mul(tf.sin(v), 1.7 + k), 0.3 * Math.cos(t + k)));
}

describe('the fused flat optimiser', () => {
  for (const kind of ['adam', 'sgd'] as const) {
    it(`${kind}: equals tfjs's per-variable optimiser bit for bit over a few steps, with a step-size change`, () => {
      const reference = variablePair();
      const fused = variablePair();
      const before = tf.memory().numTensors;
      const perVariable = makeOptimizer(kind, 0.05);
      const flat = new FlatOptimizer(kind, 0.05);
      for (let t = 0; t < 8; t++) {
        if (t === 5) {
          perVariable.setLearningRate(0.01);
          flat.setLearningRate(0.01);
        }
        tf.tidy(() => {
          const g = gradients(reference, t);
          perVariable.optimizer.applyGradients(reference.map((v, k) => ({ name: v.name, tensor: g[k] })));
        });
        tf.tidy(() => assignFlat(fused, flat.step(flatten(fused), flatten(gradients(fused, t)))));
      }
      flat.dispose();
      perVariable.dispose();
      // the slots go with the optimisers; nothing else is left behind
      expect(tf.memory().numTensors).toBe(before);
      reference.forEach((v, k) => {
        expect(Array.from(fused[k].dataSync())).toEqual(Array.from(v.dataSync()));
        expect(fused[k].shape).toEqual(v.shape);
      });
      for (const v of [...reference, ...fused]) v.dispose();
    });
  }
});

// Targets with a tf gradient (TargetSpec.logDensityAndGrad): log p̃ and the gradient the fused op
// hands back must be the target's logDensity and its tfjs autodiff gradient, across the sliders.
import { describe, expect, test } from 'vitest';
import { NormalStream } from '../random';
import { targetSpecs } from '../targets/resolveSpec';
import type { TargetSpec } from '../targets/types';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { withFusedGradient } from './fusedTarget';

/** Each slider at its low end, its default and its high end. */
function settings(target: TargetSpec): Record<string, number>[] {
  const at = (pick: (p: TargetSpec['params'][number]) => number) => Object.fromEntries(target.params.map((p) => [p.name, pick(p)]));
  return [at((p) => p.min), at((p) => p.default), at((p) => p.max)];
}

function gradOf(target: TargetSpec, theta: Tensor2D, params: Record<string, number>): Float32Array {
  return tf.grad((t) => tf.sum(tf.mul(target.logDensity(tf, t as Tensor2D, params), tf.linspace(0.5, 1.5, theta.shape[0]))))(theta).dataSync() as Float32Array;
}

describe('fused target gradients equal autodiff', () => {
  const fusedTargets = targetSpecs.filter((t) => t.logDensityAndGrad);
  test('banana has one (the benchmark target)', () => {
    expect(fusedTargets.map((t) => t.id)).toContain('banana');
  });
  for (const target of fusedTargets) {
    test(target.id, () => {
      const before = tf.memory().numTensors;
      const fused = withFusedGradient(target);
      const n = 200;
      // points over the plot box and beyond: N(0, 3²)
      const pts = new NormalStream(11).fill(new Float32Array(n * target.dim)).map((v) => 3 * v);
      for (const params of settings(target)) {
        tf.tidy(() => {
          const theta = tf.tensor2d(pts, [n, target.dim]);
          const want = target.logDensity(tf, theta, params).dataSync();
          const got = fused.logDensity(tf, theta, params).dataSync();
          // a weighted sum, so a wrong dy in the backward pass would show
          const wantGrad = gradOf(target, theta, params);
          const gotGrad = gradOf(fused, theta, params);
          for (let i = 0; i < n; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-5 * (1 + Math.abs(want[i])));
          for (let k = 0; k < n * target.dim; k++) expect(Math.abs(gotGrad[k] - wantGrad[k])).toBeLessThan(1e-5 * (1 + Math.abs(wantGrad[k])));
        });
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});

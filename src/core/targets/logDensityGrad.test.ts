// Every target's hand-derived log p̃ and ∇log p̃ against its tfjs logDensity and tfjs autodiff, at
// non-default slider settings and on points spread over the whole plot box (edges and walls too).
import { describe, expect, test } from 'vitest';
import type { ParamSpec } from '../params';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { targetSpecs } from './resolveSpec';
import type { TargetSpec } from './types';

type Params = Record<string, number>;

/** A slider's value a fraction f of the way along its range, snapped to its step. */
function along(p: ParamSpec, f: number): number {
  const raw = p.min + f * (p.max - p.min);
  const snapped = p.min + Math.round((raw - p.min) / p.step) * p.step;
  return Math.min(p.max, Math.max(p.min, p.integer ? Math.round(snapped) : snapped));
}

/** Two or three settings away from the defaults: near each end of every slider, and mixed. */
function settings(target: TargetSpec): Params[] {
  if (target.params.length === 0) return [{}];
  const at = (fs: number[]) => Object.fromEntries(target.params.map((p, i) => [p.name, along(p, fs[i % fs.length])]));
  return [at([0.05]), at([0.95]), at([0.8, 0.15, 0.6, 0.3])];
}

/**
 * An 11-point (1D: 41-point) lattice over the plot box, its edges included, plus points just
 * inside and outside the energies' walls at ±4 and the origin, where ring targetSpecs have a kink.
 */
function pointsOn(target: TargetSpec, p: Params): Float32Array {
  const box = target.domain(p);
  const line = (r: readonly [number, number], k: number) => Array.from({ length: k }, (_, i) => r[0] + ((r[1] - r[0]) * i) / (k - 1));
  if (target.dim === 1) return Float32Array.from([...line(box.x, 41), 0, 1e-3]);
  const xs = line(box.x, 11);
  const ys = line(box.y ?? box.x, 11);
  const out: number[] = [];
  for (const x of xs) for (const y of ys) out.push(x, y);
  for (const e of [-4.05, -4, -3.95, 3.95, 4, 4.05]) out.push(e, 0.3, 0.3, e, e, e);
  out.push(0, 0, 1e-3, -2e-3);
  return Float32Array.from(out);
}

function check(target: TargetSpec, params: Params): void {
  const fn = target.logDensityGrad;
  if (!fn) throw new Error('filtered');
  const d = target.dim;
  const pts = pointsOn(target, params);
  const n = pts.length / d;
  const logp = new Float64Array(n);
  const grad = new Float64Array(n * d);
  fn(Float64Array.from(pts), n, params, logp, grad);
  const [tfLogp, tfGrad] = tf.tidy(() => {
    const theta = tf.tensor2d(pts, [n, d]);
    const g = tf.grad((t) => tf.sum(target.logDensity(tf, t as Tensor2D, params)))(theta);
    return [target.logDensity(tf, theta, params).dataSync(), g.dataSync()];
  });
  const where = (i: number) => `${target.id} ${JSON.stringify(params)} at (${Array.from(pts.subarray(i * d, i * d + d)).join(', ')})`;
  for (let i = 0; i < n; i++) {
    expect(Math.abs(logp[i] - tfLogp[i]), `log p̃, ${where(i)}: ${logp[i]} vs ${tfLogp[i]}`).toBeLessThan(2e-4 * (1 + Math.abs(tfLogp[i])));
    for (let j = 0; j < d; j++) {
      const k = i * d + j;
      expect(Math.abs(grad[k] - tfGrad[k]), `∂${j}, ${where(i)}: ${grad[k]} vs ${tfGrad[k]}`).toBeLessThan(1e-3 * (1 + Math.abs(tfGrad[k])));
    }
  }
}

describe('hand-derived log p̃ and ∇log p̃ match tfjs across sliders and the plot box', () => {
  test('every catalogue target has one', () => {
    expect(targetSpecs.filter((t) => !t.logDensityGrad).map((t) => t.id)).toEqual([]);
  });
  for (const target of targetSpecs.filter((t) => t.logDensityGrad)) {
    test(target.id, () => {
      for (const params of settings(target)) check(target, params);
    });
  }
});

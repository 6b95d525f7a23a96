import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { gaussExponent, logSumExp2 } from './energyMath';
import { columns2 } from './gaussianMath';
import { formula } from '../export/expr';

const ends = { value: 0, weightA: 0 };

/**
 * U₁: r = √(x² + y² + 1e-12); ring term −½((r − 2)/0.4)², slope −(r − 2)/0.16 · θ/r; the ends'
 * logsumexp of −½((x ∓ 2)/0.6)² has x-slope Σ weightₖ·(−(x ∓ 2)/0.36).
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const r = Math.sqrt(x * x + y * y + 1e-12);
    const ring = (r - 2) / 0.4;
    const right = (x - 2) / 0.6;
    const left = (x + 2) / 0.6;
    logSumExp2(-0.5 * right * right, -0.5 * left * left, ends);
    logp[i] = -0.5 * ring * ring + ends.value;
    const radial = -(r - 2) / (0.16 * r);
    grad[2 * i] = radial * x - (ends.weightA * right + (1 - ends.weightA) * left) / 0.6;
    grad[2 * i + 1] = radial * y;
  }
};

/** energyU1's log p̃ for the engine, the CLI and code export (its info is energyU1.ts). */
export const energyU1Density: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    // +1e-12 under the root keeps the gradient finite at the origin
    const r = tf.sqrt(tf.add(tf.add(tf.square(x), tf.square(y)), 1e-12)) as Tensor1D;
    const ends = tf.logSumExp(tf.stack([gaussExponent(tf, x, 2, 0.6), gaussExponent(tf, x, -2, 0.6)], 1), 1);
    return tf.add(gaussExponent(tf, r, 2, 0.4), ends) as Tensor1D;
  },
  exportAs: () => ({
    logDensity: formula('-0.5*((sqrt(x^2 + y^2 + 1e-12) - 2)/0.4)^2 + logsumexp(-0.5*((x - 2)/0.6)^2, -0.5*((x + 2)/0.6)^2)'),
  }),
  logDensityGrad,
};

import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

const RADIUS = 2.6;
const SIGMA2 = 0.033;

/** donut: r = √(x² + y² + 1e-12) as in logDensity; ∇ = −2(r − 2.6)/0.033 · θ/r. */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const r = Math.sqrt(x * x + y * y + 1e-12);
    const d = r - RADIUS;
    logp[i] = (-d * d) / SIGMA2;
    const slope = (-2 * d) / (SIGMA2 * r);
    grad[2 * i] = slope * x;
    grad[2 * i + 1] = slope * y;
  }
};

/**
 * chi-feng/mcmc-demo's donut (docs/targets.md#donut): log p̃ = −(‖θ‖ − 2.6)²/0.033, a ring of
 * radius r₀ = 2.6 whose radial profile is Gaussian with s² = 0.033/2.
 */
export const donut: TargetSpec = {
  id: 'donut',
  name: 'Donut',
  description: 'A thin ring: a Gaussian q cannot bend around it, so it sits across the hole or hugs one side.',
  tex: String.raw`-\frac{(\lVert\theta\rVert - 2.6)^2}{0.033}`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    // +1e-12 under the root keeps ∂‖θ‖/∂θ finite at the origin; it moves ‖θ‖ by < 1e-12 on the ring
    const r = tf.sqrt(tf.add(tf.add(tf.square(x), tf.square(y)), 1e-12));
    return tf.div(tf.square(tf.sub(r, RADIUS)), -SIGMA2) as Tensor1D;
  },
  exact() {
    // Z = 2π ∫₀^∞ r e^{−(r−r₀)²/(2s²)} dr = 2π (s² e^{−r₀²/(2s²)} + r₀ s √(2π) Φ(r₀/s)); r₀/s ≈ 20, so
    // the first term is e^{−205} and Φ = 1 to within 1e-88: Z = (2π)^{3/2} r₀ s.
    // Radially r has density ∝ r N(r; r₀, s²), so E[r²] = E[r³]/E[r] = (r₀³ + 3r₀s²)/r₀, split
    // evenly between x and y by symmetry.
    const s2 = SIGMA2 / 2;
    const v = (RADIUS * RADIUS + 3 * s2) / 2;
    return {
      logZ: 1.5 * Math.log(2 * Math.PI) + Math.log(RADIUS) + 0.5 * Math.log(s2),
      mean: [0, 0],
      cov: [
        [v, 0],
        [0, v],
      ],
    };
  },
  exportAs: () => ({ logDensity: formula(`-(sqrt(x^2 + y^2 + 1e-12) - ${lit(RADIUS)})^2/${lit(SIGMA2)}`) }),
  logDensityGrad,
};

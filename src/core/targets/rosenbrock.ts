import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { columns2 } from './gaussianMath';
import { formula } from '../export/expr';

/** rosenbrock: ∂/∂x = 20x(y − x²) − (x − 1)/10, ∂/∂y = −10(y − x²). */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const v = z[2 * i + 1] - x * x;
    logp[i] = -(100 * v * v + (1 - x) * (1 - x)) / 20;
    grad[2 * i] = 20 * x * v - (x - 1) / 10;
    grad[2 * i + 1] = -10 * v;
  }
};

/**
 * Goodman & Weare's (2010) Rosenbrock density (docs/targets.md#rosenbrock):
 * log p̃ = −(100(y − x²)² + (1 − x)²)/20.
 * Given x, y ~ N(x², 1/10); x ~ N(1, 10). So Z = √(π/5)·√(20π) = 2π, and x's sd of √10 sends
 * the arms of the parabola far up: the plot is tall to keep most of them.
 */
export const rosenbrock: TargetSpec = {
  id: 'rosenbrock',
  name: 'Rosenbrock',
  description: 'A long, thin, curved valley along y = x²: a Gaussian q can only cover a short straight stretch of it.',
  tex: String.raw`-\frac{100\,(y - x^2)^2 + (1 - x)^2}{20}`,
  dim: 2,
  params: [],
  // 121 rows over 52 units is 0.43 per row against the valley's width sd of 0.32: still enough for
  // the trapezoid rule (error ~ e^{−2π²σ²/h²} ≈ 1e-5 across the valley)
  domain: () => ({ x: [-6, 8], y: [-2, 50] }),
  caveat:
    'x has standard deviation √10 ≈ 3.2, so the arms of the parabola reach far: about 4 % of the mass ' +
    'lies above or beside the plot, and the log Z and KLs shown are for p restricted to it.',
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const valley = tf.mul(tf.square(tf.sub(y, tf.square(x))), 100);
    return tf.div(tf.add(valley, tf.square(tf.sub(x, 1))), -20) as Tensor1D;
  },
  exact: () => ({
    logZ: Math.log(2 * Math.PI),
    // x ~ N(m = 1, v = 10), y = x² + e, e ~ N(0, 1/10): E[y] = m² + v, Cov(x, x²) = 2mv,
    // Var(x²) = 4m²v + 2v²
    mean: [1, 11],
    cov: [
      [10, 20],
      [20, 240.1],
    ],
  }),
  exportAs: () => ({ logDensity: formula('-(100*(y - x^2)^2 + (1 - x)^2)/20') }),
  logDensityGrad,
};

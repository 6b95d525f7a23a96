import type { TargetInfo } from './types';

/**
 * Goodman & Weare's (2010) Rosenbrock density (docs/targets.md#rosenbrock):
 * log p̃ = −(100(y − x²)² + (1 − x)²)/20.
 * Given x, y ~ N(x², 1/10); x ~ N(1, 10). So Z = √(π/5)·√(20π) = 2π, and x's sd of √10 sends
 * the arms of the parabola far up: the plot is tall to keep most of them.
 */
export const rosenbrock: TargetInfo = {
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
};

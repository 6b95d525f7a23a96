import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { WALL_CAVEAT, boxWall, gaussExponent, w1, w1Js, w1SlopeJs, walledLogZ, wallJs, wallSlopeJs } from './energyMath';
import { columns2 } from './gaussianMath';
import { formula, sum } from '../export/expr';
import { W1_SOURCE, wallSource } from './energyMath';

const SD = 0.4;

/** U₂: −½((y − w₁)/0.4)² + wall; ∂/∂y = −(y − w₁)/0.16, ∂/∂x = (y − w₁)/0.16 · w₁′. */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const d = (y - w1Js(x)) / SD;
    logp[i] = -0.5 * d * d + wallJs(x) + wallJs(y);
    grad[2 * i] = (d / SD) * w1SlopeJs(x) + wallSlopeJs(x);
    grad[2 * i + 1] = -d / SD + wallSlopeJs(y);
  }
};

/**
 * Rezende & Mohamed (2015) energy U₂ = ½((y − w₁(x))/0.4)² (docs/targets.md#energies), plus the
 * box wall of energyMath. For each x the y-profile integrates to 0.4√(2π), and the band never
 * comes within 7.5 sds of y = ±4, so Z = 0.4√(2π)(8 + 0.2√(π/2)) to within 1e-13. θ → −θ maps U₂
 * onto itself, so the mean is 0.
 */
export const energyU2: TargetSpec = {
  id: 'u2',
  name: 'Energy U₂ (wave)',
  description: 'A thin band following a sine wave across the whole box: q must stretch along a curve it cannot bend to.',
  tex: String.raw`-\tfrac12\Big(\frac{y - w_1(x)}{0.4}\Big)^2,\quad w_1 = \sin\tfrac{2\pi x}{4}`,
  dim: 2,
  params: [],
  // the wall's half-Gaussian (sd 0.1) is 5 sds down at ±4.5: all of its mass is on the plot
  domain: () => ({ x: [-4.5, 4.5], y: [-4.5, 4.5] }),
  caveat: `U₂ is not normalisable on ℝ²: ${WALL_CAVEAT}`,
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    return tf.add(gaussExponent(tf, y, w1(tf, x), SD), boxWall(tf, x, y)) as Tensor1D;
  },
  exact: () => ({ logZ: walledLogZ(SD * Math.sqrt(2 * Math.PI)), mean: [0, 0] }),
  exportAs: () => ({
    logDensity: sum([formula(`-0.5*((y - ${W1_SOURCE})/${SD})^2`), formula(wallSource('x')), formula(wallSource('y'))]),
  }),
  logDensityGrad,
};

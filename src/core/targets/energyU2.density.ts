import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { SD } from './energyU2';
import { boxWall, gaussExponent, w1, w1Js, w1SlopeJs, wallJs, wallSlopeJs } from './energyMath';
import { columns2 } from './gaussianMath';
import { formula, sum } from '../export/expr';
import { W1_SOURCE, wallSource } from './energyMath';

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

/** energyU2's log p̃ for the engine, the CLI and code export (its info is energyU2.ts). */
export const energyU2Density: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    return tf.add(gaussExponent(tf, y, w1(tf, x), SD), boxWall(tf, x, y)) as Tensor1D;
  },
  exportAs: () => ({
    logDensity: sum([formula(`-0.5*((y - ${W1_SOURCE})/${SD})^2`), formula(wallSource('x')), formula(wallSource('y'))]),
  }),
  logDensityGrad,
};

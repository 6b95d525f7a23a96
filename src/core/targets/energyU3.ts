import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import {
  WALL_CAVEAT,
  boxWall,
  gaussExponent,
  logSumExp2,
  w1,
  w1Js,
  w1SlopeJs,
  w2,
  w2Js,
  walledLogZ,
  wallJs,
  wallSlopeJs,
} from './energyMath';
import { columns2 } from './gaussianMath';
import { formula, sum } from '../export/expr';
import { W1_SOURCE, wallSource } from './energyMath';

const SD = 0.35;
const branches = { value: 0, weightA: 0 };

/**
 * U₃: branches dᵤ = (y − w₁)/s and dₗ = (y − w₁ + w₂)/s, s = 0.35, mixed by logsumexp with weights
 * rᵤ, rₗ; ∂/∂y = −(rᵤdᵤ + rₗdₗ)/s, ∂/∂x = (rᵤdᵤ w₁′ + rₗdₗ (w₁′ − w₂′))/s, w₂′ = −w₂(x − 1)/0.36.
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const centre = w1Js(x);
    const bump = w2Js(x);
    const du = (y - centre) / SD;
    const dl = (y - centre + bump) / SD;
    logSumExp2(-0.5 * du * du, -0.5 * dl * dl, branches);
    const ru = branches.weightA;
    const rl = 1 - ru;
    const slope1 = w1SlopeJs(x);
    const slope2 = (-bump * (x - 1)) / 0.36;
    logp[i] = branches.value + wallJs(x) + wallJs(y);
    grad[2 * i] = (ru * du * slope1 + rl * dl * (slope1 - slope2)) / SD + wallSlopeJs(x);
    grad[2 * i + 1] = -(ru * du + rl * dl) / SD + wallSlopeJs(y);
  }
};

/**
 * Rezende & Mohamed (2015) energy U₃ = −log(e^{−½((y−w₁)/0.35)²} + e^{−½((y−w₁+w₂)/0.35)²})
 * (docs/targets.md#energies), plus the box wall of energyMath; summed by logsumexp. Each term
 * integrates over y to 0.35√(2π) for every x, and the lower branch (lowest at y ≈ −2) stays 5.7 sds
 * from the wall, so Z = 2·0.35√(2π)(8 + 0.2√(π/2)) to within 1e-8.
 */
export const energyU3: TargetSpec = {
  id: 'u3',
  name: 'Energy U₃ (splitting wave)',
  description: 'A sine-wave band that splits in two around x = 1: reverse KL has to choose a branch there.',
  tex: String.raw`\log\!\Big(e^{-\frac12(\frac{y - w_1}{0.35})^2} + e^{-\frac12(\frac{y - w_1 + w_2}{0.35})^2}\Big),\quad w_2 = 3 e^{-\frac12(\frac{x-1}{0.6})^2}`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-4.5, 4.5], y: [-4.5, 4.5] }),
  caveat: `U₃ is not normalisable on ℝ²: ${WALL_CAVEAT}`,
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const centre = w1(tf, x);
    const upper = gaussExponent(tf, y, centre, SD);
    const lower = gaussExponent(tf, y, tf.sub(centre, w2(tf, x)), SD);
    return tf.add(tf.logSumExp(tf.stack([upper, lower], 1), 1), boxWall(tf, x, y)) as Tensor1D;
  },
  exact: () => ({ logZ: walledLogZ(2 * SD * Math.sqrt(2 * Math.PI)) }),
  exportAs() {
    const w2 = '3*exp(-0.5*((x - 1)/0.6)^2)';
    const branches = `logsumexp(-0.5*((y - ${W1_SOURCE})/${SD})^2, -0.5*((y - ${W1_SOURCE} + ${w2})/${SD})^2)`;
    return { logDensity: sum([formula(branches), formula(wallSource('x')), formula(wallSource('y'))]) };
  },
  logDensityGrad,
};

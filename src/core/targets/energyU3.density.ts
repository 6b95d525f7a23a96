import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import { SD } from './energyU3';
import {
  boxWall,
  gaussExponent,
  logSumExp2,
  w1,
  w1Js,
  w1SlopeJs,
  w2,
  w2Js,
  wallJs,
  wallSlopeJs,
} from './energyMath';
import { columns2 } from './gaussianMath';
import { formula, sum } from '../export/expr';
import { W1_SOURCE, wallSource } from './energyMath';

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

/** energyU3's log p̃ for the engine, the CLI and code export (its info is energyU3.ts). */
export const energyU3Density: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const centre = w1(tf, x);
    const upper = gaussExponent(tf, y, centre, SD);
    const lower = gaussExponent(tf, y, tf.sub(centre, w2(tf, x)), SD);
    return tf.add(tf.logSumExp(tf.stack([upper, lower], 1), 1), boxWall(tf, x, y)) as Tensor1D;
  },
  exportAs() {
    const w2 = '3*exp(-0.5*((x - 1)/0.6)^2)';
    const branches = `logsumexp(-0.5*((y - ${W1_SOURCE})/${SD})^2, -0.5*((y - ${W1_SOURCE} + ${w2})/${SD})^2)`;
    return { logDensity: sum([formula(branches), formula(wallSource('x')), formula(wallSource('y'))]) };
  },
  logDensityGrad,
};

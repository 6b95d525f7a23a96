import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetDensity } from './types';
import {
  boxWall,
  gaussExponent,
  logSumExp2,
  w1,
  w1Js,
  w1SlopeJs,
  w3,
  w3Sigmoid,
  wallJs,
  wallSlopeJs,
} from './energyMath';

const SD_UPPER = 0.4;
const SD_LOWER = 0.35;
const branches = { value: 0, weightA: 0 };

/**
 * U₄: dᵤ = (y − w₁)/0.4, dₗ = (y − w₁ + w₃)/0.35, logsumexp weights rᵤ, rₗ; ∂/∂y = −rᵤdᵤ/0.4 −
 * rₗdₗ/0.35, ∂/∂x = rᵤdᵤw₁′/0.4 + rₗdₗ(w₁′ − w₃′)/0.35, w₃′ = 3σ(1 − σ)/0.3.
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    const centre = w1Js(x);
    const s = w3Sigmoid(x);
    const du = (y - centre) / SD_UPPER;
    const dl = (y - centre + 3 * s) / SD_LOWER;
    logSumExp2(-0.5 * du * du, -0.5 * dl * dl, branches);
    const ru = branches.weightA;
    const rl = 1 - ru;
    const slope1 = w1SlopeJs(x);
    const slope3 = (3 * s * (1 - s)) / 0.3;
    logp[i] = branches.value + wallJs(x) + wallJs(y);
    grad[2 * i] = (ru * du * slope1) / SD_UPPER + (rl * dl * (slope1 - slope3)) / SD_LOWER + wallSlopeJs(x);
    grad[2 * i + 1] = -(ru * du) / SD_UPPER - (rl * dl) / SD_LOWER + wallSlopeJs(y);
  }
};
import { columns2 } from './gaussianMath';
import { formula, sum } from '../export/expr';
import { W1_SOURCE, wallSource } from './energyMath';

/** energyU4's log p̃ for the engine, the CLI and code export (its info is energyU4.ts). */
export const energyU4Density: TargetDensity = {
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const centre = w1(tf, x);
    const upper = gaussExponent(tf, y, centre, SD_UPPER);
    const lower = gaussExponent(tf, y, tf.sub(centre, w3(tf, x)), SD_LOWER);
    return tf.add(tf.logSumExp(tf.stack([upper, lower], 1), 1), boxWall(tf, x, y)) as Tensor1D;
  },
  exportAs() {
    const w3 = '3*sigmoid((x - 1)/0.3)';
    const branches = `logsumexp(-0.5*((y - ${W1_SOURCE})/${SD_UPPER})^2, -0.5*((y - ${W1_SOURCE} + ${w3})/${SD_LOWER})^2)`;
    return { logDensity: sum([formula(branches), formula(wallSource('x')), formula(wallSource('y'))]) };
  },
  logDensityGrad,
};

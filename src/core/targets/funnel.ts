import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { LOG_2PI, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** v's prior scale and the shift mcmc-demo draws it with (v = y − 2, so the neck is at the bottom). */
const V_SD = 3;
const V_SHIFT = 2;

/**
 * funnel: log p̃ = −v²/18 − ½x²e^{−v} − v/2 − log 3 − log 2π, v = y − 2;
 * ∂/∂x = −x e^{−v}, ∂/∂y = −v/9 + ½x²e^{−v} − ½.
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  const norm = LOG_2PI + Math.log(V_SD);
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const v = z[2 * i + 1] - V_SHIFT;
    const e = Math.exp(-v);
    logp[i] = (-0.5 * v * v) / (V_SD * V_SD) - 0.5 * x * x * e - 0.5 * v - norm;
    grad[2 * i] = -x * e;
    grad[2 * i + 1] = -v / (V_SD * V_SD) + 0.5 * x * x * e - 0.5;
  }
};

/**
 * Neal's (2003) funnel as chi-feng/mcmc-demo draws it (docs/targets.md#funnel): v = y − 2 ~ N(0, 3²),
 * x | v ~ N(0, (e^{v/2})²), so log p̃ = log N(v; 0, 9) − ½x²e^{−v} − v/2 − ½ log 2π. Normalised
 * on ℝ² (log Z = 0).
 */
export const funnel: TargetSpec = {
  id: 'funnel',
  name: "Neal's funnel",
  description: 'A narrow neck that opens into a wide mouth: one Gaussian cannot be both thin at the bottom and wide at the top.',
  tex: String.raw`\log \mathcal{N}(v;\, 0,\, 3^2) + \log \mathcal{N}\!\big(x;\, 0,\, (e^{v/2})^2\big),\quad v = y - 2`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  caveat:
    "The funnel's mouth keeps widening above the plot: about 12 % of its mass lies outside [−6, 6]², so " +
    'the log Z and KLs shown are for p restricted to the plot. Near the bottom the neck is narrower than ' +
    "the grid's spacing, which shifts the grid's log Z by about 0.006.",
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const v = tf.sub(y, V_SHIFT);
    const logPv = tf.sub(tf.mul(tf.square(v), -0.5 / (V_SD * V_SD)), 0.5 * LOG_2PI + Math.log(V_SD));
    // log N(x; 0, e^{v}) = −½x²e^{−v} − v/2 − ½ log 2π
    const logPx = tf.sub(tf.add(tf.mul(tf.mul(tf.square(x), tf.exp(tf.neg(v))), -0.5), tf.mul(v, -0.5)), 0.5 * LOG_2PI);
    return tf.add(logPv, logPx) as Tensor1D;
  },
  exact: () => ({
    logZ: 0,
    // E[x] = 0, E[y] = 2; Var x = E[e^{v}] = e^{9/2} (log-normal mean), Var y = 9, Cov = E[x(v)] = 0
    mean: [0, V_SHIFT],
    cov: [
      [Math.exp((V_SD * V_SD) / 2), 0],
      [0, V_SD * V_SD],
    ],
  }),
  exportAs: () => ({
    logDensity: formula(
      `-(y - ${lit(V_SHIFT)})^2/${lit(2 * V_SD * V_SD)} - 0.5*x^2*exp(-(y - ${lit(V_SHIFT)})) - 0.5*(y - ${lit(V_SHIFT)}) - ${lit(LOG_2PI + Math.log(V_SD))}`,
    ),
  }),
  logDensityGrad,
};

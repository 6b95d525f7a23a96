import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { LOG_2PI, bivariateNormalLogPdf, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

const SD_X = Math.SQRT2; // Σ₁₁ = 2
const SD_U = Math.sqrt(0.5); // Σ₂₂ = .5
const RHO = 0.25 / (SD_X * SD_U); // Σ₁₂ = .25

/**
 * squiggle: a = x/σ₁, b = (y + sin 5x)/σ₂, log p̃ = −½(a² − 2ρab + b²)/(1 − ρ²) − norm;
 * ∂/∂a = −(a − ρb)/(1 − ρ²), ∂/∂b = −(b − ρa)/(1 − ρ²), ∂b/∂x = 5 cos 5x / σ₂.
 */
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  const c = 1 - RHO * RHO;
  const norm = LOG_2PI + Math.log(SD_X * SD_U) + 0.5 * Math.log(c);
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const a = x / SD_X;
    const b = (z[2 * i + 1] + Math.sin(5 * x)) / SD_U;
    const ga = -(a - RHO * b) / c;
    const gb = -(b - RHO * a) / c;
    logp[i] = 0.5 * (a * ga + b * gb) - norm;
    grad[2 * i] = ga / SD_X + (gb / SD_U) * 5 * Math.cos(5 * x);
    grad[2 * i + 1] = gb / SD_U;
  }
};

/**
 * chi-feng/mcmc-demo's squiggle (docs/targets.md#squiggle): u = (x, y + sin 5x),
 * log p̃ = log N(u; 0, Σ), Σ = [[2, .25], [.25, .5]]. The map θ → u is a shear (|det J| = 1), so
 * log Z = 0.
 */
export const squiggle: TargetSpec = {
  id: 'squiggle',
  name: 'Squiggle',
  description: 'A Gaussian bent into a fast wave: q can follow its overall spread but not its wiggles.',
  tex: String.raw`\log \mathcal{N}\!\left(\big(x,\; y + \sin 5x\big);\; 0,\; \begin{pmatrix}2 & .25\\ .25 & .5\end{pmatrix}\right)`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const u2 = tf.add(y, tf.sin(tf.mul(x, 5))) as Tensor1D;
    return bivariateNormalLogPdf(tf, x, u2, [0, 0], SD_X, SD_U, RHO);
  },
  exact() {
    // y = u₂ − sin 5x with x ~ N(0, 2), E[u₂ | x] = x/8. For x ~ N(0, v): E[x sin ax] = a v e^{−a²v/2},
    // E[sin² ax] = (1 − e^{−2a²v})/2, E[sin ax] = 0. So E[y] = 0,
    // Cov(x, y) = .25 − E[x sin 5x], Var y = .5 − 2·E[x sin 5x]/8 + E[sin² 5x].
    const xSin = 5 * 2 * Math.exp(-25);
    const sin2 = (1 - Math.exp(-100)) / 2;
    return {
      logZ: 0,
      mean: [0, 0],
      cov: [
        [2, 0.25 - xSin],
        [0.25 - xSin, 0.5 - xSin / 4 + sin2],
      ],
    };
  },
  exportAs() {
    const [a, b] = [`(x/${lit(SD_X)})`, `((y + sin(5*x))/${lit(SD_U)})`];
    const c = 1 - RHO * RHO;
    const norm = LOG_2PI + Math.log(SD_X * SD_U) + 0.5 * Math.log(c);
    return { logDensity: formula(`-0.5*(${a}^2 - ${lit(2 * RHO)}*${a}*${b} + ${b}^2)/${lit(c)} - ${lit(norm)}`) };
  },
  logDensityGrad,
};

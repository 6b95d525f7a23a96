import type { TargetInfo } from './types';

/** v's prior scale and the shift mcmc-demo draws it with (v = y − 2, so the neck is at the bottom). */
export const V_SD = 3;
export const V_SHIFT = 2;

/**
 * Neal's (2003) funnel as chi-feng/mcmc-demo draws it (docs/targets.md#funnel): v = y − 2 ~ N(0, 3²),
 * x | v ~ N(0, (e^{v/2})²), so log p̃ = log N(v; 0, 9) − ½x²e^{−v} − v/2 − ½ log 2π. Normalised
 * on ℝ² (log Z = 0).
 */
export const funnel: TargetInfo = {
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
  exact: () => ({
    logZ: 0,
    // E[x] = 0, E[y] = 2; Var x = E[e^{v}] = e^{9/2} (log-normal mean), Var y = 9, Cov = E[x(v)] = 0
    mean: [0, V_SHIFT],
    cov: [
      [Math.exp((V_SD * V_SD) / 2), 0],
      [0, V_SD * V_SD],
    ],
  }),
};

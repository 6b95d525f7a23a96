import type { TargetInfo } from './types';

/**
 * chi-feng/mcmc-demo's squiggle (docs/targets.md#squiggle): u = (x, y + sin 5x),
 * log p̃ = log N(u; 0, Σ), Σ = [[2, .25], [.25, .5]]. The map θ → u is a shear (|det J| = 1), so
 * log Z = 0.
 */
export const squiggle: TargetInfo = {
  id: 'squiggle',
  name: 'Squiggle',
  description: 'A Gaussian bent into a fast wave: q can follow its overall spread but not its wiggles.',
  tex: String.raw`\log \mathcal{N}\!\left(\big(x,\; y + \sin 5x\big);\; 0,\; \begin{pmatrix}2 & .25\\ .25 & .5\end{pmatrix}\right)`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
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
};

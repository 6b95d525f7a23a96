import type { TargetInfo } from './types';

/**
 * Student-t with ν degrees of freedom, location 0, scale 1:
 * log p = log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − ((ν+1)/2) log(1 + x²/ν).
 * The constant is computed in JS, so p̃ is normalised (log Z = 0).
 */
export const studentT1d: TargetInfo = {
  id: 'student-t-1d',
  name: 'Student-t (1D)',
  description: 'A bell curve with heavy tails: a Gaussian q fits the middle and misses the tails, which k̂ flags.',
  tex: String.raw`\log \Gamma\!\big(\tfrac{\nu+1}{2}\big) - \log \Gamma\!\big(\tfrac{\nu}{2}\big) - \tfrac12 \log(\nu\pi) - \tfrac{\nu+1}{2} \log\!\big(1 + \tfrac{x^2}{\nu}\big)`,
  dim: 1,
  params: [
    {
      name: 'nu',
      label: 'degrees of freedom ν',
      min: 1,
      max: 30,
      step: 0.5,
      default: 3,
      help: 'ν = 1 is the Cauchy distribution; as ν grows the tails thin towards a Gaussian.',
    },
  ],
  // P(|T| > 20) is 3.2 % at ν = 1, 0.25 % at ν = 2 and under 0.03 % from ν = 3 on
  domain: () => ({ x: [-20, 20] }),
  caveat:
    'For ν ≤ 2 the tails are so heavy that some mass lies beyond ±20 (3 % at ν = 1, 0.25 % at ν = 2): ' +
    'log Z and the KLs shown are for the part inside the plot. The variance is infinite for ν ≤ 2 and ' +
    'the mean undefined for ν = 1.',
  exact: (p) => ({
    logZ: 0,
    ...(p.nu > 1 ? { mean: [0] } : {}),
    // Var T = ν/(ν − 2), finite only for ν > 2
    ...(p.nu > 2 ? { cov: [[p.nu / (p.nu - 2)]] } : {}),
  }),
};

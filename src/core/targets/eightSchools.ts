import type { TargetInfo } from './types';

/**
 * Eight schools with the θⱼ integrated out (docs/targets.md#eight-schools): yⱼ ~ N(μ, σⱼ² + τ²),
 * μ ~ N(0, 5²), τ ~ HalfCauchy(0, 5), fitted in (μ, s = log τ) with the log-Jacobian s of τ = e^s:
 *   log p̃ = log N(μ; 0, 25) + log(2/(5π)) − log(1 + τ²/25) + s + Σⱼ log N(yⱼ; μ, σⱼ² + τ²).
 * Every factor is a normalised density, so Z = p(y), the marginal likelihood.
 */
export const eightSchools: TargetInfo = {
  id: 'eight-schools',
  name: 'Eight schools',
  description: 'How much do SAT coaching effects differ between schools? The spread τ can shrink to zero, which bends the posterior into a funnel.',
  tex: String.raw`\log \mathcal{N}(\mu; 0, 5^2) + \log \mathrm{HalfCauchy}(\tau; 5) + \log\tau + \sum_{j=1}^{8} \log \mathcal{N}(y_j;\, \mu,\, \sigma_j^2 + \tau^2),\quad \tau = e^{s}`,
  dim: 2,
  params: [],
  // posterior mean ≈ (4.4, 0.8); log τ has a long left tail (density ∝ τ as τ → 0): the ring
  // holds < 1e-5 of the mass and about 1e-4 lies outside
  domain: () => ({ x: [-12, 20], y: [-8, 5] }),
  caveat:
    'The school effects θⱼ are integrated out (yⱼ ~ N(μ, σⱼ² + τ²)) so that the posterior is 2D; VI runs on ' +
    '(μ, log τ) with log|dτ/d log τ| = log τ added to log p̃.',
  source:
    'Rubin (1981), "Estimation in parallel randomized experiments", J. Educational Statistics 6(4): SAT coaching ' +
    'effects in eight schools, as analysed in Gelman et al., Bayesian Data Analysis, §5.5.',
  constraint: {
    names: ['μ', 'τ'],
    unconstrainedNames: ['μ', 'log τ'],
    toConstrained: (u) => [u[0], Math.exp(u[1])],
    logAbsDetJacobian: (u) => u[1],
    domain: () => ({ x: [-12, 20], y: [0, 30] }),
  },
};

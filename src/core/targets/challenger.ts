import type { TargetInfo } from './types';

/** The 23 launches before Challenger: (temperature °F, damage incident), docs/targets.md#challenger. */
export const LAUNCHES: readonly (readonly [number, 0 | 1])[] = [
  [66, 0], [70, 1], [69, 0], [68, 0], [67, 0], [72, 0], [73, 0], [70, 0], [57, 1], [63, 1], [70, 1], [78, 0],
  [67, 0], [53, 1], [67, 0], [75, 0], [70, 0], [81, 0], [76, 0], [79, 0], [75, 1], [76, 0], [58, 1],
];
export const N = LAUNCHES.length;
export const MEAN_TEMP = LAUNCHES.reduce((s, [t]) => s + t, 0) / N;
/** Standardised with the sample standard deviation (divisor n − 1). */
export const SD_TEMP = Math.sqrt(LAUNCHES.reduce((s, [t]) => s + (t - MEAN_TEMP) ** 2, 0) / (N - 1));

/**
 * Logistic regression of damage on standardised temperature z (docs/targets.md#challenger):
 * P(damage) = σ(β₀ + β₁z), β₀, β₁ ~ N(0, s²) independently. Both priors are normalised, so Z is
 * the marginal likelihood p(damage | temperatures).
 */
export const challenger: TargetInfo = {
  id: 'challenger',
  name: 'Challenger O-rings',
  description: 'How the chance of O-ring damage grew as launches got colder: a logistic regression with intercept and slope.',
  tex: String.raw`\sum_{i=1}^{23} \log \sigma\!\big(\pm(\beta_0 + \beta_1 z_i)\big) + \log \mathcal{N}(\beta_0; 0, s^2) + \log \mathcal{N}(\beta_1; 0, s^2)`,
  dim: 2,
  params: [
    {
      name: 'priorSd',
      label: 'prior sd s of β₀, β₁',
      min: 0.5,
      max: 10,
      step: 0.1,
      default: 2.5,
      help: 'Small s pulls intercept and slope towards 0; large s lets the 23 launches speak.',
    },
  ],
  // posterior mean ≈ (−1.1, −1.8) at s = 2.5; the slope's long negative tail at s = 10 leaves
  // only 2e-6 of the mass outside this box
  domain: () => ({ x: [-7, 3], y: [-9, 2] }),
  caveat: `Temperature is standardised, z = (t − ${MEAN_TEMP.toFixed(2)} °F)/${SD_TEMP.toFixed(2)} °F, so β₀ is the log-odds of damage at an average temperature and β₁ the change per standard deviation.`,
  source:
    'Dalal, Fowlkes & Hoadley (1989), "Risk analysis of the space shuttle: pre-Challenger prediction of failure", ' +
    'J. American Statistical Association 84(408): the 23 shuttle launches before Challenger (January 1986).',
};

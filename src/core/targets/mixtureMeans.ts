import type { ParamSpec } from '../params';
import type { TargetInfo } from './types';

/**
 * The two unknown means (μ₁, μ₂) of a 1D mixture ½N(μ₁, 1) + ½N(μ₂, 1), given six data points
 * x₁…x₆ (sliders) and independent priors μₖ ~ N(0, 3²) (docs/targets.md#mixture-means). Its
 * posterior has two mirror-image modes (label switching), and EM's iterates live on the same
 * plane (emPath below; the lesson em-and-vi, docs/lessons.md).
 */
export const MIXTURE_PRIOR_SD = 3;
const DATA_DEFAULTS = [-2.4, -1.9, -1.3, 1.1, 1.8, 2.4] as const;
export const MIXTURE_DATA_KEYS = DATA_DEFAULTS.map((_, i) => `x${i + 1}`);
export const PRIOR_VAR = MIXTURE_PRIOR_SD * MIXTURE_PRIOR_SD;

type Params = Readonly<Record<string, number>>;

export const mixtureData = (p: Params): number[] => MIXTURE_DATA_KEYS.map((k) => p[k]);

/** Where EM starts (drawn as the first point of its path): away from both modes, so the path shows. */
export const EM_START: readonly [number, number] = [-4, -3];

/**
 * EM for the MAP of (μ₁, μ₂) (PRML §9.2–9.3, with the N(0, 3²) priors): the E-step sets
 * q(zₙ) = p(zₙ | xₙ, μ), i.e. responsibilities rₙ = σ(aₙ − bₙ), which makes KL(q(z)‖p(z | x, μ))
 * zero; the M-step maximises the ELBO over μ in closed form, μ₁ = Σ rₙxₙ / (Σ rₙ + 1/3²) and
 * μ₂ = Σ (1 − rₙ)xₙ / (Σ (1 − rₙ) + 1/3²). Returns the iterates, the start first, until a step
 * moves less than `tol` (or `maxIter` steps).
 */
export function emPath(p: Params, start: readonly [number, number] = EM_START, maxIter = 500, tol = 1e-10): [number, number][] {
  const xs = mixtureData(p);
  let mu: [number, number] = [start[0], start[1]];
  const path: [number, number][] = [mu];
  for (let t = 0; t < maxIter; t++) {
    let n1 = 0;
    let n2 = 0;
    let s1 = 0;
    let s2 = 0;
    for (const x of xs) {
      const r = 1 / (1 + Math.exp(-0.5 * (x - mu[1]) ** 2 + 0.5 * (x - mu[0]) ** 2));
      n1 += r;
      n2 += 1 - r;
      s1 += r * x;
      s2 += (1 - r) * x;
    }
    const next: [number, number] = [s1 / (n1 + 1 / PRIOR_VAR), s2 / (n2 + 1 / PRIOR_VAR)];
    path.push(next);
    const moved = Math.hypot(next[0] - mu[0], next[1] - mu[1]);
    mu = next;
    if (moved < tol) break;
  }
  return path;
}

const dataParam = (i: number): ParamSpec => ({
  name: MIXTURE_DATA_KEYS[i],
  label: `data point x${'₁₂₃₄₅₆'[i]}`,
  min: -4,
  max: 4,
  step: 0.1,
  default: DATA_DEFAULTS[i],
});

export const mixtureMeans: TargetInfo = {
  id: 'mixture-means',
  name: 'Mixture means (EM vs VI)',
  description:
    'The two unknown means of a 1D Gaussian mixture given six data points: swapping the labels gives the same fit, so the posterior has two mirror-image modes.',
  tex: String.raw`\sum_{k=1}^{2}\log\mathcal{N}(\mu_k;0,3^2) + \sum_{n=1}^{6}\log\big(\tfrac12\mathcal{N}(x_n;\mu_1,1) + \tfrac12\mathcal{N}(x_n;\mu_2,1)\big)`,
  dim: 2,
  params: DATA_DEFAULTS.map((_, i) => dataParam(i)),
  domain: () => ({ x: [-5, 5], y: [-5, 5] }),
  caveat: 'θ₁ is μ₁ and θ₂ is μ₂. Component weights (½ each) and variances (1) are known; only the means are inferred.',
};

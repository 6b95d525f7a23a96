import type { TargetInfo } from './types';

/**
 * Azzalini's skew-normal, location 0, scale 1: p(x) = 2 φ(x) Φ(αx). log Φ goes through the
 * tail-stable logNormalCdf, since Φ(αx) underflows float32 for αx ≲ −13 (well inside the plot
 * when α = 10).
 */
export const skewNormal1d: TargetInfo = {
  id: 'skew-normal-1d',
  name: 'Skew-normal (1D)',
  description: 'A bell curve pushed to one side by α: a symmetric Gaussian q has to compromise between the steep and the long side.',
  tex: String.raw`\log 2 + \log \varphi(x) + \log \Phi(\alpha x)`,
  dim: 1,
  params: [{ name: 'alpha', label: 'skewness α', min: -10, max: 10, step: 0.1, default: 4 }],
  // ±6 truncates the variance by < 1e-7 (±5 would cost 1.5e-5)
  domain: () => ({ x: [-6, 6] }),
  exact(p) {
    // δ = α/√(1 + α²); mean δ√(2/π), variance 1 − 2δ²/π (Azzalini 1985)
    const delta = p.alpha / Math.sqrt(1 + p.alpha * p.alpha);
    const mean = delta * Math.sqrt(2 / Math.PI);
    return { logZ: 0, mean: [mean], cov: [[1 - mean * mean]] };
  },
};

import type { Tensor1D } from '../tfTypes';
import type { LogDensityGrad } from '../fast/types';
import type { TargetSpec } from './types';
import { LOG_2PI, bivariateNormalLogPdf, columns2 } from './gaussianMath';
import { formula, lit } from '../export/expr';

/** mcmc-demo's three components: means and isotropic variances σₖ² (docs/targets.md#multimodal). */
const COMPONENTS: readonly { mean: readonly [number, number]; variance: number }[] = [
  { mean: [-1.5, -1.5], variance: 0.8 },
  { mean: [1.5, 1.5], variance: 0.8 },
  { mean: [-2, 2], variance: 0.5 },
];
const K = COMPONENTS.length;

/**
 * multimodal: lₖ = −‖θ − μₖ‖²/(2σₖ²) − log 2π − log σₖ², log p̃ = logsumexp lₖ;
 * ∇ = Σₖ rₖ (μₖ − θ)/σₖ² with responsibilities rₖ = e^{lₖ − log p̃}.
 */
const terms = new Float64Array(K);
const logDensityGrad: LogDensityGrad = (z, n, _p, logp, grad) => {
  for (let i = 0; i < n; i++) {
    const x = z[2 * i];
    const y = z[2 * i + 1];
    let m = -Infinity;
    for (let k = 0; k < K; k++) {
      const c = COMPONENTS[k];
      const dx = x - c.mean[0];
      const dy = y - c.mean[1];
      terms[k] = (-0.5 * (dx * dx + dy * dy)) / c.variance - LOG_2PI - Math.log(c.variance);
      if (terms[k] > m) m = terms[k];
    }
    let sum = 0;
    let gx = 0;
    let gy = 0;
    for (let k = 0; k < K; k++) {
      const c = COMPONENTS[k];
      const w = Math.exp(terms[k] - m);
      sum += w;
      gx += (w * (c.mean[0] - x)) / c.variance;
      gy += (w * (c.mean[1] - y)) / c.variance;
    }
    logp[i] = m + Math.log(sum);
    grad[2 * i] = gx / sum;
    grad[2 * i + 1] = gy / sum;
  }
};

/**
 * log Σₖ N(θ; μₖ, σₖ² I), unweighted as in chi-feng/mcmc-demo, so Z = 3 (three normalised bumps).
 * Summed by logsumexp so that far from all bumps the density does not underflow to log 0.
 */
export const multimodal: TargetSpec = {
  id: 'multimodal',
  name: 'Three bumps',
  description: 'Three separate bumps: reverse KL lets a single Gaussian settle on one of them, or stretch over two.',
  tex: String.raw`\log \sum_{k=1}^{3} \mathcal{N}(\theta;\, \mu_k,\, \sigma_k^2 I)`,
  dim: 2,
  params: [],
  domain: () => ({ x: [-6, 6], y: [-6, 6] }),
  logDensity(tf, theta) {
    const [x, y] = columns2(tf, theta);
    const terms = COMPONENTS.map((c) => {
      const s = Math.sqrt(c.variance);
      return bivariateNormalLogPdf(tf, x, y, c.mean, s, s, 0);
    });
    return tf.logSumExp(tf.stack(terms, 1), 1) as Tensor1D;
  },
  exact() {
    // p = (1/3) Σₖ N(μₖ, σₖ²I): mean m = (1/3) Σ μₖ, cov = (1/3) Σ (σₖ² I + μₖμₖᵀ) − m mᵀ
    const k = COMPONENTS.length;
    const m = [0, 1].map((a) => COMPONENTS.reduce((s, c) => s + c.mean[a], 0) / k);
    const cov = [0, 1].map((a) =>
      [0, 1].map(
        (b) => COMPONENTS.reduce((s, c) => s + (a === b ? c.variance : 0) + c.mean[a] * c.mean[b], 0) / k - m[a] * m[b],
      ),
    );
    return { logZ: Math.log(k), mean: m, cov };
  },
  exportAs() {
    const bump = ({ mean: [mx, my], variance }: (typeof COMPONENTS)[number]) => {
      const s = lit(Math.sqrt(variance));
      return `normal_lpdf(x, ${lit(mx)}, ${s}) + normal_lpdf(y, ${lit(my)}, ${s})`;
    };
    return { logDensity: formula(`logsumexp(${COMPONENTS.map(bump).join(', ')})`) };
  },
  logDensityGrad,
};

import type { TargetInfo } from './types';
import { digamma, lgamma, trigamma } from './special';
import { tailDomain } from './unconstrainedDomain';

type Params = Readonly<Record<string, number>>;

/** Posterior Gamma(A, B) = Gamma(α₀ + Σyᵢ, β₀ + n) (shape, rate). */
export const posterior = (p: Params) => ({ shape: p.shape + p.total, rate: p.rate + p.count });

/** α₀ log β₀ − log Γ(α₀): the Gamma prior's normalising constant. */
export const logPriorNorm = (p: Params) => p.shape * Math.log(p.rate) - lgamma(p.shape);

/** log p̃(u), u = log λ, in plain JS: A u − B e^u + const (see the spec's comment). */
function logDensityJs(u: number, p: Params): number {
  const { shape, rate } = posterior(p);
  return logPriorNorm(p) + shape * u - rate * Math.exp(u);
}

/**
 * A Poisson rate λ with a Gamma(α₀, β₀) prior and n counts y₁..yₙ, given by n (`count`) and their
 * sum S (`total`), which is all the likelihood λ^S e^{−nλ} / Πyᵢ! needs about λ. Fitted in
 * u = log λ with the log-Jacobian u added:
 *   log p̃(u) = α₀ log β₀ − log Γ(α₀) + (α₀ + S − 1)u − (β₀ + n)e^u + u.
 * The constant −Σ log yᵢ! is left out (it needs the individual counts), so
 * Z = p(y)·Πyᵢ! = β₀^α₀ Γ(α₀ + S) / (Γ(α₀) (β₀ + n)^{α₀+S}).
 * Pyro's check: Gamma(1, 1) and data 1, 2, 3 (n = 3, S = 6) → Gamma(7, 4).
 */
export const rate: TargetInfo = {
  id: 'rate',
  name: 'Rate (Gamma–Poisson)',
  description: 'An event rate λ after counting events in n periods: q lives on log λ, and is shown on λ too.',
  tex: String.raw`(\alpha_0 + S)\,u - (\beta_0 + n)\,e^{u} + \alpha_0 \log \beta_0 - \log\Gamma(\alpha_0),\quad \lambda = e^{u}`,
  dim: 1,
  params: [
    { name: 'shape', label: 'prior shape α₀', min: 0.5, max: 20, step: 0.5, default: 1 },
    { name: 'rate', label: 'prior rate β₀', min: 0.1, max: 10, step: 0.1, default: 1 },
    { name: 'count', label: 'periods observed n', min: 1, max: 100, step: 1, default: 3, integer: true },
    { name: 'total', label: 'events in total S', min: 0, max: 500, step: 1, default: 6, integer: true },
  ],
  domain(p) {
    const { shape, rate: r } = posterior(p);
    // log-Gamma density of u: mode where A = B e^u, sd √ψ₁(A)
    return { x: tailDomain((u) => logDensityJs(u, p), Math.log(shape / r), Math.sqrt(trigamma(shape))) };
  },
  caveat:
    'VI runs on u = log λ, with log|dλ/du| = u added to log p̃. The exact posterior is Gamma(α₀ + S, β₀ + n), ' +
    'with mean (α₀ + S)/(β₀ + n): not e to the mean of u. log Z is the marginal likelihood up to the ' +
    'constant −Σ log yᵢ!, which depends on the individual counts, not only on their total.',
  constraint: {
    names: ['λ'],
    unconstrainedNames: ['log λ'],
    toConstrained: (u) => [Math.exp(u[0])],
    logAbsDetJacobian: (u) => u[0],
    domain(p) {
      return { x: [0, Math.exp(rate.domain(p).x[1])] };
    },
  },
  exact(p) {
    const { shape, rate: r } = posterior(p);
    // u = log λ with λ ~ Gamma(A, B): E[u] = ψ(A) − log B, Var u = ψ₁(A)
    return {
      logZ: logPriorNorm(p) + lgamma(shape) - shape * Math.log(r),
      mean: [digamma(shape) - Math.log(r)],
      cov: [[trigamma(shape)]],
    };
  },
};

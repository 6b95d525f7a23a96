import type { TargetInfo } from './types';
import { digamma, logBeta, logSigmoid, trigamma } from './special';
import { tailDomain } from './unconstrainedDomain';

type Params = Readonly<Record<string, number>>;

/** Posterior Beta(α, β) = Beta(a + heads, b + tails). */
export const posterior = (p: Params) => ({ alpha: p.a + p.heads, beta: p.b + p.tails });

/**
 * log p̃(u) at u = logit p in plain JS: α log σ(u) + β log σ(−u) − log B(a, b), i.e. the prior
 * times the likelihood, (α − 1) log p + (β − 1) log(1 − p) − log B(a, b), plus the log-Jacobian
 * log |dp/du| = log p + log(1 − p).
 */
function logDensityJs(u: number, p: Params): number {
  const { alpha, beta } = posterior(p);
  return alpha * logSigmoid(u) + beta * logSigmoid(-u) - logBeta(p.a, p.b);
}

/**
 * A coin's heads probability p with a Beta(a, b) prior and Bernoulli data (docs/targets.md#coin),
 * fitted in u = logit p with the log-Jacobian added, so Z is the marginal likelihood of the sequence:
 * Z = B(a + heads, b + tails) / B(a, b) (Pyro's check: Beta(1,1), data 0,1,1,1 → log B(4, 2)).
 */
export const coin: TargetInfo = {
  id: 'coin',
  name: 'Coin (Beta–Bernoulli)',
  description: "A coin's probability of heads after some tosses: q lives on logit p, and is shown on p too.",
  tex: String.raw`(a + h)\log \sigma(u) + (b + t)\log \sigma(-u) - \log B(a, b),\quad p = \sigma(u)`,
  dim: 1,
  params: [
    { name: 'a', label: 'prior a (pseudo-heads)', min: 0.5, max: 20, step: 0.5, default: 10 },
    { name: 'b', label: 'prior b (pseudo-tails)', min: 0.5, max: 20, step: 0.5, default: 10 },
    { name: 'heads', label: 'heads observed', min: 0, max: 100, step: 1, default: 6, integer: true },
    { name: 'tails', label: 'tails observed', min: 0, max: 100, step: 1, default: 4, integer: true },
  ],
  domain(p) {
    const { alpha, beta } = posterior(p);
    // mode of the logistic-Beta density of u: α σ(−u) = β σ(u), u = log(α/β)
    const x = tailDomain((u) => logDensityJs(u, p), Math.log(alpha / beta), Math.sqrt(trigamma(alpha) + trigamma(beta)));
    return { x };
  },
  caveat:
    'VI runs on u = logit p (an unbounded line), with log|dp/du| = log p + log(1 − p) added to log p̃. The exact ' +
    'posterior is Beta(a + heads, b + tails), with mean (a + heads)/(a + b + heads + tails): not σ of the mean of u.',
  constraint: {
    names: ['p'],
    unconstrainedNames: ['logit p'],
    toConstrained: (u) => [1 / (1 + Math.exp(-u[0]))],
    logAbsDetJacobian: (u) => logSigmoid(u[0]) + logSigmoid(-u[0]),
    domain: () => ({ x: [0, 1] }),
  },
  exact(p) {
    const { alpha, beta } = posterior(p);
    // u = logit p with p ~ Beta(α, β): E[u] = ψ(α) − ψ(β), Var u = ψ₁(α) + ψ₁(β)
    return {
      logZ: logBeta(alpha, beta) - logBeta(p.a, p.b),
      mean: [digamma(alpha) - digamma(beta)],
      cov: [[trigamma(alpha) + trigamma(beta)]],
    };
  },
};

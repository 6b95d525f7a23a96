import type { RunConfig } from '../core/config';
import type { Run } from '../core/engine/run';
import type { Snapshot } from '../core/engine/snapshot';
import { resolveTarget } from '../core/targets/resolve';

/**
 * q's mean and covariance in the target's own space. For constrained targets the run optimises
 * in unconstrained space, and E_q[g(u)] ≠ g(E_q[u]) (docs/math.md#constrained-targets), so the
 * moments come from pushing 20,000 draws of q through g.
 */
export function ownSpaceMoments(run: Run, config: RunConfig, snap: Snapshot): { mean: number[]; cov: number[][]; space: 'own' | 'constrained' } {
  const constraint = resolveTarget(config.target)?.constraint;
  if (!constraint) return { mean: snap.mean, cov: snap.cov, space: 'own' };
  const d = run.dim;
  const points: number[][] = [];
  const samples = run.manySamples(20_000);
  for (let i = 0; i + d <= samples.length; i += d) points.push(constraint.toConstrained(Array.from(samples.subarray(i, i + d))));
  const n = points.length;
  const mean = Array.from({ length: d }, (_, a) => points.reduce((s, p) => s + p[a], 0) / n);
  const cov = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => points.reduce((s, p) => s + (p[a] - mean[a]) * (p[b] - mean[b]), 0) / (n - 1)),
  );
  return { mean, cov, space: 'constrained' };
}

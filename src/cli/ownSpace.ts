import type { RunConfig } from '../core/config';
import type { Run } from '../core/engine/run';
import type { Snapshot } from '../core/engine/snapshot';
import { type OwnSpaceMoments, ownSpaceMoments } from '../core/export/summary';
import { resolveTarget } from '../core/targets/resolveSpec';

/** Draws of q the CLI pushes through a constraint for its own-space moments. */
export const CLI_MOMENT_DRAWS = 20_000;

/**
 * q's mean and covariance in the target's own space. For constrained targets the run optimises
 * in unconstrained space, and E_q[g(u)] ≠ g(E_q[u]) (docs/math.md#constrained-targets), so the
 * moments come from pushing 20,000 draws of q through g.
 */
export function cliOwnSpaceMoments(run: Run, config: RunConfig, snap: Snapshot): OwnSpaceMoments {
  const constraint = resolveTarget(config.target)?.constraint;
  return ownSpaceMoments(constraint, snap, constraint ? run.manySamples(CLI_MOMENT_DRAWS) : new Float32Array(0), run.dim);
}

import type { FamilyInit } from '../families/types';
import type { Domain } from '../targets/types';

/**
 * What it takes to carry a run on elsewhere (a respawned worker, a restored checkpoint): the step
 * count and the raw values of q's tf variables, in the family's `variables` order. The optimiser's
 * moments are not part of it: a restored run starts its optimiser afresh.
 */
export interface RunState {
  readonly step: number;
  readonly variables: readonly Float32Array[];
}

/** Where a fresh q starts: a little off the domain's centre, so the learner sees it travel. */
export function initialQ(domain: Domain, dim: number): FamilyInit {
  const cx = (domain.x[0] + domain.x[1]) / 2;
  const hx = (domain.x[1] - domain.x[0]) / 2;
  if (dim === 1 || !domain.y) return { mean: [cx - 0.15 * hx], scale: Math.min(1, hx / 4) };
  const cy = (domain.y[0] + domain.y[1]) / 2;
  const hy = (domain.y[1] - domain.y[0]) / 2;
  return { mean: [cx - 0.15 * hx, cy + 0.15 * hy], scale: Math.min(1, hx / 4, hy / 4) };
}

import { useMemo } from 'react';
import type { Snapshot, TargetField } from '../../core/engine/snapshot';
import { displayNoise } from '../../core/engine/displayNoise';
import { type SampleScores, sampleGradients, sampleScores } from '../../core/explain/sampleScores';
import { resolveTarget } from '../../core/targets/resolveSpec';
import { usePlayground } from '../../state/store';

/** Families whose q is exactly N(mean, cov) of the snapshot: log q and ∇log q in closed form. */
const GAUSSIAN = new Set(['mean-field', 'full-rank', 'laplace-approx']);

export interface ScoreView {
  readonly scores: SampleScores;
  /** fᵢ = log p̃(θᵢ) − log q(θᵢ), or null when log q is not known at the samples. */
  readonly f: Float64Array | null;
  /** Whether log q came from the plot grid (bilinear) rather than in closed form. */
  readonly fFromGrid: boolean;
  /** ∇θ[log p̃ − log q] (pathwise) or ∇log p̃ alone. */
  readonly grad: Float64Array;
  readonly pathwise: boolean;
  /** The display ε behind the samples (core/engine/displayNoise.ts). */
  readonly eps: Float32Array;
}

/** log q at a point by bilinear interpolation of the grid (row-major, y outer), or NaN outside. */
export function gridValueAt(field: TargetField, values: ArrayLike<number>, x: number, y: number): number {
  const [x0, x1] = field.domain.x;
  const fx = ((x - x0) / (x1 - x0)) * (field.nx - 1);
  if (!(fx >= 0 && fx <= field.nx - 1)) return Number.NaN;
  const i = Math.min(field.nx - 2, Math.floor(fx));
  const tx = fx - i;
  if (field.dim === 1) return values[i] * (1 - tx) + values[i + 1] * tx;
  const [y0, y1] = field.domain.y ?? [0, 1];
  const fy = ((y - y0) / (y1 - y0)) * (field.ny - 1);
  if (!(fy >= 0 && fy <= field.ny - 1)) return Number.NaN;
  const j = Math.min(field.ny - 2, Math.floor(fy));
  const ty = fy - j;
  const at = (a: number, b: number) => values[b * field.nx + a];
  return (at(i, j) * (1 - tx) + at(i + 1, j) * tx) * (1 - ty) + (at(i, j + 1) * (1 - tx) + at(i + 1, j + 1) * tx) * ty;
}

/**
 * Scores of run i's display samples (docs/math.md#see-the-gradient): core computes, this hook only
 * picks what q is known as. null when the target has no plain-JS gradient or nothing is drawn yet.
 */
export function useScores(run: number, field: TargetField, snapshot: Snapshot | null): ScoreView | null {
  const target = usePlayground((s) => s.session.target);
  const familyId = usePlayground((s) => s.session.runs[run]?.family.id ?? '');
  return useMemo(() => {
    const spec = resolveTarget(target);
    if (!snapshot || !spec?.logDensityGrad) return null;
    const dim = spec.dim;
    const gaussian = GAUSSIAN.has(familyId) && snapshot.averagedOver === 0 ? { mean: snapshot.mean, cov: snapshot.cov } : null;
    const scores = sampleScores(spec.logDensityGrad, target.params, snapshot.samples, dim, gaussian);
    let f: Float64Array | null = null;
    let fFromGrid = false;
    if (scores.logq) {
      const logq = scores.logq;
      f = scores.logp.map((v, i) => v - logq[i]);
    } else if (snapshot.logq && snapshot.fieldVersion === field.version) {
      const grid = snapshot.logq;
      const s = snapshot.samples;
      f = scores.logp.map((v, i) => v - gridValueAt(field, grid, s[i * dim], dim === 2 ? s[i * dim + 1] : 0));
      fFromGrid = true;
    }
    const { grad, pathwise } = sampleGradients(scores);
    return { scores, f, fFromGrid, grad, pathwise, eps: displayNoise(dim) };
  }, [target, familyId, snapshot, field]);
}

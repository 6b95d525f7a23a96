import { expect } from 'vitest';
import { fastFamilyOf } from '../fast/families';
import { findFamily } from '../families/makers';
import type { VariationalFamily } from '../families/types';
import { tf } from '../tf';

/** The fast family's closed-form moments at the tf family's θ (perturbed) equal the tf family's own. */
export function expectSameMoments(familyId: string, dim: number, options: Record<string, number>, perturb: (q: VariationalFamily) => void): void {
  const spec = findFamily(familyId);
  const fast = fastFamilyOf(familyId)?.(dim, options, { scale: 0.8 });
  if (!spec || !fast?.moments) throw new Error(`${familyId} has no fast moments`);
  const q = spec.create(tf, dim, { mean: dim === 2 ? [0.3, -0.2] : [0.3], scale: 0.8 }, options);
  perturb(q);
  const theta = Float64Array.from(q.variables.flatMap((v) => Array.from(v.dataSync())));
  const got = fast.moments(theta);
  const want = q.moments();
  for (let a = 0; a < dim; a++) {
    expect(got.mean[a]).toBeCloseTo(want.mean[a], 5);
    for (let b = 0; b < dim; b++) expect(got.cov[a][b]).toBeCloseTo(want.cov[a][b], 5);
  }
  q.dispose();
}

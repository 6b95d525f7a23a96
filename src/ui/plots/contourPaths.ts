import { contourPolygons, expGrid, hdrLogLevels } from './densityGrid';
import { type GridFrame, plotGeometry } from './plotGeometry';

/**
 * The contours the 2D plot draws, as SVG paths: p's filled bands and q's highest-density regions.
 * Pure, so the contour worker (contour.worker.ts) and the page (where there is no worker) run the
 * same code.
 */
export type ContourJob =
  /** p's bands: `levels` evenly spaced density levels below p's peak on the grid. */
  | { readonly kind: 'p'; readonly frame: GridFrame; readonly logp: Float32Array; readonly logZ: number; readonly levels: number }
  /** q's regions holding the given masses. */
  | { readonly kind: 'q'; readonly frame: GridFrame; readonly logq: Float32Array; readonly masses: readonly number[] };

export interface ContourPath {
  readonly d: string;
  /** p: the band's density level; q: the region's index in `masses`. */
  readonly value: number;
}

export interface ContourResult {
  readonly paths: readonly ContourPath[];
  /** p: the density's peak on the grid (the colour ramp's top); q: 0. */
  readonly max: number;
}

export function contourPaths(job: ContourJob): ContourResult {
  const { path } = plotGeometry(job.frame);
  const { nx, ny } = job.frame;
  if (job.kind === 'p') {
    const density = expGrid(job.logp, job.logZ);
    let max = 0;
    for (const v of density) if (v > max) max = v;
    const thresholds = Array.from({ length: job.levels }, (_, k) => ((k + 0.5) / job.levels) * max);
    return { paths: contourPolygons(density, nx, ny, thresholds).map((c) => ({ d: path(c), value: c.value })), max };
  }
  const { levels, values } = hdrLogLevels(job.logq, job.masses);
  return { paths: contourPolygons(values, nx, ny, levels).map((c, i) => ({ d: path(c), value: i })), max: 0 };
}

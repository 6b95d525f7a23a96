/**
 * Arrows for vectors at points, in pixels (docs/math.md#see-the-gradient). Each arrow is the
 * displacement c·gᵢ in data space drawn from θᵢ, so it points where θᵢ would move even on axes
 * with unequal scales; one factor c for all arrows, chosen so the 90th-percentile arrow is `typical`
 * pixels long (lengths stay comparable: a long arrow is a steep gradient), each capped at 2× that.
 */
export interface Arrow {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface ArrowSet {
  readonly arrows: Arrow[];
  /** The data-space gradient magnitude a `typical`-pixel arrow stands for (the legend's), or 0 when all vanish. */
  readonly unit: number;
}

type Scale = (v: number) => number;

/** points and vectors are [n, dim] row-major, dim 1 or 2; in 1D the arrows are horizontal at y(i). */
export function arrowSet(
  points: ArrayLike<number>,
  vectors: ArrayLike<number>,
  dim: 1 | 2,
  sx: Scale,
  sy: Scale | ((i: number) => number),
  typical = 26,
): ArrowSet {
  const n = Math.floor(points.length / dim);
  // Pixel length per unit of c, per arrow.
  const pixelPerUnit = (i: number): { dx: number; dy: number } => {
    const x = points[i * dim];
    const dx = sx(x + vectors[i * dim]) - sx(x);
    if (dim === 1) return { dx, dy: 0 };
    const y = points[i * dim + 1];
    const s = sy as Scale;
    return { dx, dy: s(y + vectors[i * dim + 1]) - s(y) };
  };
  const raw = Array.from({ length: n }, (_, i) => pixelPerUnit(i));
  const lengths = raw.map((r) => Math.hypot(r.dx, r.dy)).filter(Number.isFinite).sort((a, b) => a - b);
  const p90 = lengths.length > 0 ? lengths[Math.min(lengths.length - 1, Math.floor(0.9 * lengths.length))] : 0;
  if (!(p90 > 0)) return { arrows: [], unit: 0 };
  const c = typical / p90;
  const arrows: Arrow[] = [];
  for (let i = 0; i < n; i++) {
    const { dx, dy } = raw[i];
    const len = Math.hypot(dx, dy) * c;
    if (!Number.isFinite(len)) continue;
    const k = len > 2 * typical ? (2 * typical) / len : 1;
    const x1 = sx(points[i * dim]);
    const y1 = dim === 1 ? (sy as (i: number) => number)(i) : (sy as Scale)(points[i * dim + 1]);
    arrows.push({ x1, y1, x2: x1 + dx * c * k, y2: y1 + dy * c * k });
  }
  // A typical-pixel arrow in data units is typical / (pixels per data unit); its gradient magnitude
  // is that divided by c: report it through a unit vector along x.
  const pxPerDataX = Math.abs(sx(1) - sx(0));
  return { arrows, unit: pxPerDataX > 0 ? typical / (c * pxPerDataX) : 0 };
}

/** One SVG path for all arrows: a shaft and a two-stroke head each. */
export function arrowPath(arrows: readonly Arrow[], head = 4): string {
  let d = '';
  for (const { x1, y1, x2, y2 } of arrows) {
    const len = Math.hypot(x2 - x1, y2 - y1);
    if (len < 0.5) continue;
    const ux = (x2 - x1) / len;
    const uy = (y2 - y1) / len;
    const h = Math.min(head, len / 2);
    d += `M${x1.toFixed(1)},${y1.toFixed(1)}L${x2.toFixed(1)},${y2.toFixed(1)}`;
    d += `M${(x2 - h * (ux + 0.6 * uy)).toFixed(1)},${(y2 - h * (uy - 0.6 * ux)).toFixed(1)}L${x2.toFixed(1)},${y2.toFixed(1)}`;
    d += `L${(x2 - h * (ux - 0.6 * uy)).toFixed(1)},${(y2 - h * (uy + 0.6 * ux)).toFixed(1)}`;
  }
  return d;
}

import { type ContourMultiPolygon, curveLinearClosed, line, type ScaleLinear, scaleLinear } from 'd3';
import type { Domain } from '../../core/targets/types';

/** The 2D plot's box in SVG units (viewBox), and its margins for the axes. */
export const SIZE = 460;
export const M = { left: 34, right: 8, top: 8, bottom: 26 } as const;

/** What places a grid on the plot: the domain and the grid's size (a TargetField has them). */
export interface GridFrame {
  readonly domain: Domain;
  readonly nx: number;
  readonly ny: number;
}

export interface PlotGeometry {
  readonly sx: ScaleLinear<number, number>;
  readonly sy: ScaleLinear<number, number>;
  /** A contour in grid coordinates → an SVG path in pixels. */
  readonly path: (c: ContourMultiPolygon) => string;
}

/** Scales and the contour projection of a grid frame: the same on the page and in the contour worker. */
export function plotGeometry(frame: GridFrame): PlotGeometry {
  const [x0, x1] = frame.domain.x;
  const [y0, y1] = frame.domain.y ?? [0, 1];
  const sx = scaleLinear([x0, x1], [M.left, SIZE - M.right]);
  const sy = scaleLinear([y0, y1], [SIZE - M.bottom, M.top]);
  const hx = (x1 - x0) / (frame.nx - 1);
  const hy = (y1 - y0) / (frame.ny - 1);
  // d3.contours puts grid value (i, j) at (i + ½, j + ½); map that back to θ and then to pixels.
  // Each ring is a closed polyline, so d3-shape's closed linear line draws it (no d3-geo needed).
  const ring = line<[number, number]>()
    .x(([cx]) => sx(x0 + (cx - 0.5) * hx))
    .y(([, cy]) => sy(y0 + (cy - 0.5) * hy))
    .curve(curveLinearClosed);
  const path = (c: ContourMultiPolygon): string =>
    c.coordinates.map((polygon) => polygon.map((r) => ring(r as [number, number][]) ?? '').join('')).join('');
  return { sx, sy, path };
}

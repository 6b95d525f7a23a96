import type { Domain } from '../targets/types';

/**
 * A tensor-product trapezoid grid on the plot domain. `weights` already include the cell area,
 * so ∫ f ≈ Σ wᵢ f(θᵢ). Points are stored row-major (y outer, x inner) as [n, dim] float32,
 * ready to become one tfjs batch.
 */
export interface Grid {
  readonly dim: 1 | 2;
  readonly domain: Domain;
  readonly nx: number;
  readonly ny: number;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  readonly points: Float32Array;
  readonly weights: Float64Array;
  /** 1 on the outermost ring of points (the domain's edge), else 0. */
  readonly edge: Uint8Array;
}

/**
 * Points per axis. The trapezoid rule on smooth densities converges like exp(−2π²σ²/h²), so a
 * 0.1-wide cell on [−6, 6]² is already exact to float32 for features of width σ ≳ 0.1.
 */
export const GRID_RESOLUTION = { 1: 1201, 2: 121 } as const;

function axis(range: readonly [number, number], n: number): { nodes: Float64Array; w: Float64Array } {
  const [a, b] = range;
  const h = (b - a) / (n - 1);
  const nodes = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    nodes[i] = a + i * h;
    w[i] = i === 0 || i === n - 1 ? h / 2 : h;
  }
  return { nodes, w };
}

export function makeGrid(domain: Domain, dim: 1 | 2, resolution: number = GRID_RESOLUTION[dim]): Grid {
  const ax = axis(domain.x, resolution);
  if (dim === 1) {
    const edge = new Uint8Array(resolution);
    // In 1D the "edge" is the outer 2% of the interval on each side.
    const band = Math.max(1, Math.round(resolution * 0.02));
    for (let i = 0; i < resolution; i++) edge[i] = i < band || i >= resolution - band ? 1 : 0;
    return {
      dim,
      domain,
      nx: resolution,
      ny: 1,
      xs: ax.nodes,
      ys: new Float64Array([0]),
      points: Float32Array.from(ax.nodes),
      weights: ax.w,
      edge,
    };
  }
  if (!domain.y) throw new Error('a 2D grid needs a y range');
  const ay = axis(domain.y, resolution);
  const n = resolution * resolution;
  const points = new Float32Array(n * 2);
  const weights = new Float64Array(n);
  const edge = new Uint8Array(n);
  for (let j = 0; j < resolution; j++) {
    for (let i = 0; i < resolution; i++) {
      const k = j * resolution + i;
      points[2 * k] = ax.nodes[i];
      points[2 * k + 1] = ay.nodes[j];
      weights[k] = ax.w[i] * ay.w[j];
      edge[k] = i === 0 || j === 0 || i === resolution - 1 || j === resolution - 1 ? 1 : 0;
    }
  }
  return { dim, domain, nx: resolution, ny: resolution, xs: ax.nodes, ys: ay.nodes, points, weights, edge };
}

/**
 * Adam exactly as tfjs's AdamOptimizer (β₁ = 0.9, β₂ = 0.999, ε = 1e−8; Kingma & Ba 2015, alg. 1)
 * and plain SGD, on one float64 parameter vector: the fast paths and the benchmark's ceilings
 * use this one copy (docs/math.md#fast-paths).
 */
export class FlatAdam {
  private m: Float64Array;
  private v: Float64Array;
  private t = 0;

  constructor(size: number) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** θ ← θ − lr·m̂/(√v̂ + ε) for a descent direction g (the gradient of a loss). */
  step(theta: Float64Array, g: Float64Array, lr: number): void {
    this.t++;
    const c1 = 1 - 0.9 ** this.t;
    const c2 = 1 - 0.999 ** this.t;
    const m = this.m;
    const v = this.v;
    for (let i = 0; i < g.length; i++) {
      m[i] = 0.9 * m[i] + 0.1 * g[i];
      v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
      theta[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
    }
  }

  reset(): void {
    this.m.fill(0);
    this.v.fill(0);
    this.t = 0;
  }
}

/** θ ← θ − lr·g. */
export function sgdStep(theta: Float64Array, g: Float64Array, lr: number): void {
  for (let i = 0; i < g.length; i++) theta[i] -= lr * g[i];
}

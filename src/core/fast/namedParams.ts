import { softplus } from './flowMath';

/**
 * q's named parameters from θ, as the tf families' params() name and shape them (the explainer
 * reads them), so a run on the fast path reports them without a tf twin (docs/architecture.md#lazy-tfjs).
 * θ is rounded to float32 first: the numbers are the ones a tf variable would hold.
 */
export function vectorAt(theta: Float64Array, at: number, length: number, map: (v: number) => number = (v) => v): number[] {
  return Array.from(theta.subarray(at, at + length), (v) => map(Math.fround(v)));
}

/** Rows of an r×c block of θ starting at `at`. */
export function matrixAt(theta: Float64Array, at: number, rows: number, cols: number, map?: (v: number) => number): number[][] {
  return Array.from({ length: rows }, (_, i) => vectorAt(theta, at + i * cols, cols, map));
}

/** L = strict-lower(off) + diag(e^s) with off at `offAt` (d×d) and s at `sAt` (d). */
export function choleskyAt(theta: Float64Array, offAt: number, sAt: number, d: number): number[][] {
  return Array.from({ length: d }, (_, j) =>
    Array.from({ length: d }, (__, k) => (k === j ? Math.exp(Math.fround(theta[sAt + j])) : k < j ? Math.fround(theta[offAt + j * d + k]) : 0)),
  );
}

/** softmax of K logits at `at`. */
export function softmaxAt(theta: Float64Array, at: number, K: number): number[] {
  const a = vectorAt(theta, at, K);
  const top = Math.max(...a);
  const e = a.map((v) => Math.exp(v - top));
  const sum = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / sum);
}

/** The planar flow's û = u + (m − wᵀu)·w/‖w‖², m = softplus(wᵀu) − 1, per layer (u at uAt, w at wAt, K×d each). */
export function planarUHat(theta: Float64Array, uAt: number, wAt: number, K: number, d: number): number[][] {
  const u = matrixAt(theta, uAt, K, d);
  const w = matrixAt(theta, wAt, K, d);
  return u.map((uk, k) => {
    const wk = w[k];
    const wu = wk.reduce((s, v, j) => s + v * uk[j], 0);
    const norm2 = wk.reduce((s, v) => s + v * v, 0);
    const shift = (softplus(wu) - 1 - wu) / norm2;
    return uk.map((v, j) => v + shift * wk[j]);
  });
}

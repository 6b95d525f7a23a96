import { NormalStream, uniformStream } from '../random';
import type { Tensor, Tensor1D, Tensor2D, TF } from '../tfTypes';
import type { InitialValue, Moments, QBatch } from './types';

/**
 * Small pieces the issue-3 families share: plain-JS special functions and linear algebra for
 * constants (ν-dependent normalisers, a d×d Hessian), seeded initial values, and moments of
 * families with no closed form, read from one fixed seeded batch so they do not flicker.
 */

/** Size of the fixed batch behind sample moments: mean error ≈ σ/64. */
export const MOMENT_SAMPLES = 4096;

const momentEps = new Map<number, Float32Array>();

/** Sample mean and covariance (1/(n−1)) of the rows of q.sample(ε) for one fixed seeded ε. */
/** The fixed noise moments are estimated with (the same every frame, so they do not flicker). */
export function momentNoise(dim: number): Float32Array {
  let eps = momentEps.get(dim);
  if (!eps) {
    eps = new NormalStream(0x6d6f6d).fill(new Float32Array(MOMENT_SAMPLES * dim));
    momentEps.set(dim, eps);
  }
  return eps;
}

export function sampleMoments(tf: TF, dim: number, sample: (eps: Tensor2D) => Tensor2D): Moments {
  const e = momentNoise(dim);
  const flat = tf.tidy(() => sample(tf.tensor2d(e, [MOMENT_SAMPLES, dim])).dataSync());
  return momentsOfRows(flat, dim);
}

export function momentsOfRows(flat: ArrayLike<number>, dim: number): Moments {
  const n = flat.length / dim;
  const mean = new Array<number>(dim).fill(0);
  for (let i = 0; i < n; i++) for (let a = 0; a < dim; a++) mean[a] += flat[i * dim + a] / n;
  const cov = Array.from({ length: dim }, () => new Array<number>(dim).fill(0));
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < dim; a++) {
      const da = flat[i * dim + a] - mean[a];
      for (let b = 0; b < dim; b++) cov[a][b] += (da * (flat[i * dim + b] - mean[b])) / Math.max(1, n - 1);
    }
  }
  return { mean, cov };
}

/** A starting value of `shape` from row-major numbers (rounded to float32, as a tf variable holds them). */
export function initialValue(shape: readonly number[], values: ArrayLike<number>): InitialValue {
  const size = shape.reduce((a, b) => a * b, 1);
  if (values.length !== size) throw new Error(`an initial value of shape [${shape}] needs ${size} numbers, not ${values.length}`);
  return { shape, values: Float32Array.from(values) };
}

/** A starting value of `shape` with every entry `value`. */
export function filledValue(shape: readonly number[], value: number): InitialValue {
  return { shape, values: new Float32Array(shape.reduce((a, b) => a * b, 1)).fill(value) };
}

/** `count` seeded N(0, scale²) values: deterministic initial weights (same link, same run). */
export function seededNormals(seed: number, count: number, scale = 1): number[] {
  const s = new NormalStream(seed);
  return Array.from({ length: count }, () => scale * s.next());
}

/** Rows of a [r, c] tensor read back as number[][]. */
export function readMatrix(t: Tensor): number[][] {
  const [r, c] = t.shape;
  const flat = t.dataSync();
  return Array.from({ length: r }, (_, i) => Array.from(flat.slice(i * c, (i + 1) * c)));
}

/** FNV-1a over the bit patterns of a float buffer: the same ε always gives the same seed. */
export function hashFloats(values: Float32Array): number {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  let h = 0x811c9dc5;
  for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i], 0x01000193) >>> 0;
  return h;
}

/**
 * `count` draws of χ²_ν = 2·Gamma(ν/2, 1) seeded by `seed` (Marsaglia & Tsang 2000; for shape
 * a < 1, Gamma(a) = Gamma(a + 1)·U^{1/a}).
 */
export function chiSquareDraws(seed: number, count: number, nu: number): Float32Array {
  const normal = new NormalStream(seed);
  const uniform = uniformStream(seed ^ 0x9e3779b9);
  const shape = nu / 2;
  const a = shape < 1 ? shape + 1 : shape;
  const d = a - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let g = 0;
    for (;;) {
      const x = normal.next();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = Math.max(uniform(), 1e-300);
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        g = d * v;
        break;
      }
    }
    if (shape < 1) g *= Math.max(uniform(), 1e-300) ** (1 / shape);
    out[i] = Math.max(2 * g, 1e-30);
  }
  return out;
}

/**
 * log erfc(x) for x ≥ 0 in tf ops, without forming erfc (which underflows in float32 in the
 * far tail): Numerical Recipes' erfcc, erfc(x) = t·exp(−x² + P(t)), t = 1/(1 + x/2), so
 * log erfc(x) = log t − x² + P(t) with fractional error < 1.2e-7 in erfc.
 */
export function logErfc<T extends Tensor>(tf: TF, x: T): T {
  const coef = [0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368];
  const t = tf.div(1, tf.add(tf.mul(x, 0.5), 1));
  let p: Tensor = tf.mul(t, coef[0]);
  for (let i = 1; i < coef.length; i++) p = tf.mul(tf.add(p, coef[i]), t);
  return tf.add(tf.sub(tf.log(t), tf.square(x)), tf.sub(p, 1.26551223)) as T;
}

/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations: A = V diag(λ) Vᵀ. */
export function symmetricEigen(A: readonly (readonly number[])[]): { values: number[]; vectors: number[][] } {
  const n = A.length;
  const a = A.map((r) => [...r]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-24) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        // the rotation angle that zeroes a[p][q] (Golub & Van Loan, Alg. 8.4.1)
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: a.map((r, i) => r[i]), vectors: v };
}

/** Lower Cholesky factor of a symmetric positive-definite matrix. */
export function cholesky(S: readonly (readonly number[])[]): number[][] {
  const n = S.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = S[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / L[j][j];
    }
  }
  return L;
}

/**
 * draw() for a family with log q anywhere: plain draws, log q at them, uniform weights.
 * (Only stratified or sample-only families need their own.)
 */
export function drawWithDensity(
  sample: (eps: Tensor2D) => Tensor2D,
  logQ: (z: Tensor2D) => Tensor1D,
): (eps: Tensor2D) => QBatch {
  return (eps) => {
    const z = sample(eps);
    return { z, logQ: logQ(z), weights: null };
  };
}

/**
 * x split into K equal parts along axis 0. tf.split with one part has a gradient that throws in
 * tfjs 4.22 ("Pass at least one tensor to concat", SplitV_grad), so one part is x itself.
 */
export function splitLayers<T extends Tensor>(tf: TF, x: T, K: number): T[] {
  return K === 1 ? [x] : (tf.split(x, K, 0) as T[]);
}

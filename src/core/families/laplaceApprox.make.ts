import { stopGradient } from '../ops';
import { LOG_2PI } from '../targets/gaussianMath';
import type { TargetSpec } from '../targets/types';
import type { Scalar, Tensor, Tensor1D, Tensor2D, TF } from '../tfTypes';
import { cholesky, symmetricEigen, drawWithDensity, initialValue } from './familyMath';
import type { FamilyInit, FamilyMaker, InitialValue, VariationalFamily } from './types';

/** [μ] at the starting mean. */
const initialValues = (dim: number, init: FamilyInit): InitialValue[] => [initialValue([dim], init.mean.slice(0, dim))];

/** Curvature below FLOOR/s² (s = the initial scale) is raised to it: q's sd is at most 10·s. */
const FLOOR = 0.01;

interface Curvature {
  readonly key: string;
  readonly precision: number[][];
  readonly cov: number[][];
  readonly chol: number[][];
  readonly logDetCov: number;
  /** How many eigenvalues of H were raised to the floor (H not positive definite there). */
  readonly floored: number;
}

/** How laplaceApprox.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const laplaceApproxMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init): VariationalFamily {
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(initialValues(dim, init)[0].values)));
    const floor = FLOOR / (init.scale * init.scale);
    // The target is only known once a fitting step has run; before that q is N(μ, s²I).
    let target: TargetSpec | null = null;
    let targetParams: Readonly<Record<string, number>> = {};
    let cache: Curvature | null = null;

    const curvature = (): Curvature => {
      const at = Array.from(mu.dataSync());
      const key = JSON.stringify([at, target?.id ?? null, targetParams]);
      if (cache && cache.key === key) return cache;
      let H = at.map((_, i) => at.map((__, j) => (i === j ? 1 / (init.scale * init.scale) : 0)));
      if (target) {
        const t = target;
        const f = (x: Tensor): Scalar => tf.neg(tf.sum(t.logDensity(tf, tf.reshape(x, [1, dim]) as Tensor2D, targetParams))) as Scalar;
        H = tf.tidy(() => differencedHessian(tf, f, at));
      }
      // H = V diag(λ) Vᵀ → precision V diag(max(λ, floor)) Vᵀ, covariance V diag(1/max(λ, floor)) Vᵀ
      const { values, vectors: V } = symmetricEigen(H.map((r, i) => r.map((v, j) => 0.5 * (v + H[j][i]))));
      const lam = values.map((v) => (Number.isFinite(v) ? Math.max(v, floor) : floor));
      const rebuild = (g: (l: number) => number) => V.map((ri) => V.map((rj) => ri.reduce((s, v, k) => s + v * g(lam[k]) * rj[k], 0)));
      const cov = rebuild((l) => 1 / l);
      cache = {
        key,
        precision: rebuild((l) => l),
        cov,
        chol: cholesky(cov),
        logDetCov: -lam.reduce((s, l) => s + Math.log(l), 0),
        floored: values.filter((v) => !(v > floor)).length,
      };
      return cache;
    };

    const sample = (eps: Tensor2D): Tensor2D => tf.add(tf.matMul(eps, tf.tensor2d(curvature().chol), false, true), mu) as Tensor2D;
    const logQ = (z: Tensor2D, detachParams = false): Tensor1D => {
      const c = curvature();
      const diff = tf.sub(z, detachParams ? stopGradient(tf, mu) : mu);
      // log N = −½ (z − μ)ᵀ H (z − μ) − ½ log det Σ − (d/2) log 2π
      const quad = tf.sum(tf.mul(tf.matMul(diff, tf.tensor2d(c.precision)), diff), 1);
      return tf.sub(tf.mul(quad, -0.5), 0.5 * (c.logDetCov + dim * LOG_2PI)) as Tensor1D;
    };

    return {
      dim,
      variables: [mu],
      density: 'anywhere',
      sample,
      draw: drawWithDensity(sample, logQ),
      logQ,
      // H[q] = ½ log det(2πe Σ)
      entropy: () => tf.scalar(0.5 * (curvature().logDetCov + dim * (1 + LOG_2PI))),
      moments: () => ({ mean: Array.from(mu.dataSync()), cov: curvature().cov }),
      params: () => {
        const c = curvature();
        return { mu: Array.from(mu.dataSync()), cov: c.cov, flooredEigenvalues: [c.floored] };
      },
      ownLoss(ctx) {
        target = ctx.target;
        targetParams = ctx.params;
        return ctx.tf.neg(ctx.tf.sum(ctx.target.logDensity(ctx.tf, ctx.tf.reshape(mu, [1, dim]) as Tensor2D, ctx.params))) as Scalar;
      },
      dispose() {
        mu.dispose();
      },
    };
  },
};

/** ∇²f by central differences of the exact gradient, column i = (∇f(x + hᵢeᵢ) − ∇f(x − hᵢeᵢ))/(2hᵢ). */
function differencedHessian(tf: TF, f: (x: Tensor) => Scalar, at: number[]): number[][] {
  const g = tf.grad(f);
  const cols = at.map((xi, i) => {
    // the steps actually taken in float32, so rounding of x ± h does not bias the quotient
    const hi = Math.fround(xi + 1e-2 * Math.max(1, Math.abs(xi)));
    const lo = Math.fround(xi - 1e-2 * Math.max(1, Math.abs(xi)));
    const plus = g(tf.tensor1d(at.map((v, j) => (i === j ? hi : v)))).dataSync();
    const minus = g(tf.tensor1d(at.map((v, j) => (i === j ? lo : v)))).dataSync();
    return Array.from(plus, (p, j) => (p - minus[j]) / (hi - lo));
  });
  return at.map((_, i) => at.map((__, j) => cols[j][i]));
}

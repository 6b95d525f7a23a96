import { stopGradient } from '../ops';
import type { Tensor1D, Tensor2D } from '../tfTypes';
import { digamma, lgamma } from '../targets/special';
import { chiSquareDraws, hashFloats, readMatrix, drawWithDensity, filledValue, initialValue } from './familyMath';
import { lowerInverse } from './fullRankGaussian.make';
import type { FamilyInit, FamilyMaker, InitialValue, VariationalFamily } from './types';

/** [μ, off-diagonal (d×d, strict lower used), log diag], as the full-rank Gaussian starts. */
const initialValues = (dim: number, init: FamilyInit): InitialValue[] => [
  initialValue([dim], init.mean.slice(0, dim)),
  filledValue([dim, dim], 0),
  filledValue([dim], Math.log(init.scale)),
];

/** How studentT.ts's family is made: its starting parameters and its live tf variables (docs/architecture.md#registries). */
export const studentTMaker: FamilyMaker = {
  initialValues,
  create(tf, dim, init, options): VariationalFamily {
    const [mu0, off0, logDiag0] = initialValues(dim, init);
    const nu = options.nu ?? 5;
    const strictLower = tf.tidy(() => tf.sub(tf.linalg.bandPart(tf.ones([dim, dim]), -1, 0), tf.eye(dim)));
    const identity = tf.eye(dim);
    const mu = tf.tidy(() => tf.variable(tf.tensor1d(mu0.values)));
    const offDiag = tf.tidy(() => tf.variable(tf.tensor2d(off0.values, [dim, dim])));
    const logDiag = tf.tidy(() => tf.variable(tf.tensor1d(logDiag0.values)));
    const choleskyFactor = (off: Tensor2D = offDiag, logD: Tensor1D = logDiag): Tensor2D =>
      tf.add(tf.mul(off, strictLower), tf.mul(identity, tf.exp(logD))) as Tensor2D;

    // log of the normaliser Γ((ν+d)/2) / (Γ(ν/2) (νπ)^{d/2}); constant for the run
    const half = (nu + dim) / 2;
    const logNorm = lgamma(half) - lgamma(nu / 2) - 0.5 * dim * Math.log(nu * Math.PI);
    // H = −logNorm + Σ log Lᵢᵢ + ((ν+d)/2)(ψ((ν+d)/2) − ψ(ν/2))  (Kotz & Nadarajah 2004, §1.10)
    const entropyConst = -logNorm + half * (digamma(half) - digamma(nu / 2));

    /** √(ν/χ²ᵢ) per row, drawn deterministically from the ε batch (see the note above). */
    const tailFactor = (eps: Tensor2D): Tensor2D => {
      const e = eps.dataSync() as Float32Array;
      const chi2 = chiSquareDraws(hashFloats(e), eps.shape[0], nu);
      return tf.tensor2d(
        chi2.map((c) => Math.sqrt(nu / c)),
        [eps.shape[0], 1],
      );
    };
    const sample = (eps: Tensor2D) =>
      tf.add(tf.mul(tf.matMul(eps, choleskyFactor(), false, true), tailFactor(eps)), mu) as Tensor2D;

    const logQ = (z: Tensor2D, detachParams = false): Tensor1D => {
      const m = detachParams ? stopGradient(tf, mu) : mu;
      const off = detachParams ? stopGradient(tf, offDiag) : offDiag;
      const logD = detachParams ? stopGradient(tf, logDiag) : logDiag;
      // v = L⁻¹(z − μ); log q = logNorm − Σ log Lᵢᵢ − ((ν+d)/2) log(1 + ‖v‖²/ν)
      const v = tf.matMul(tf.sub(z, m), lowerInverse(tf, choleskyFactor(off, logD), dim), false, true);
      const quad = tf.log1p(tf.div(tf.sum(tf.square(v), 1), nu));
      return tf.sub(tf.mul(quad, -half), tf.sub(tf.sum(logD), logNorm)) as Tensor1D;
    };

    const readL = (): number[][] => tf.tidy(() => readMatrix(choleskyFactor()));

    return {
      dim,
      variables: [mu, offDiag, logDiag],
      density: 'anywhere',
      sample,
      draw: drawWithDensity(sample, logQ),
      logQ,
      entropy: () => tf.add(tf.sum(logDiag), entropyConst),
      moments() {
        // Cov = ν/(ν−2)·LLᵀ exists only for ν > 2; below that the scale matrix is reported (and
        // for ν ≤ 1, where the mean is undefined too, μ is the centre of symmetry).
        const L = readL();
        const f = nu > 2 ? nu / (nu - 2) : 1;
        const cov = L.map((ri) => L.map((rj) => f * ri.reduce((s, v, k) => s + v * rj[k], 0)));
        return { mean: Array.from(mu.dataSync()), cov };
      },
      params: () => ({ mu: Array.from(mu.dataSync()), L: readL(), nu: [nu] }),
      dispose() {
        for (const t of [strictLower, identity, mu, offDiag, logDiag]) t.dispose();
      },
    };
  },
};

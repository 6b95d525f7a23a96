import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config';
import { Run } from '../engine/run';
import { bimodal1d as bimodal1dInfo } from '../targets/bimodal1d';
import { correlatedGaussian as correlatedGaussianInfo } from '../targets/correlatedGaussian';
import { bivariateLogPdf, gaussianEntropy, meanAndStdErr, mvnLogPdf } from '../testing/independentMath';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { laplaceApprox } from './laplaceApprox';
import { laplaceApproxMaker } from './laplaceApprox.make';
import { pointMass } from './pointMass';
import { pointMassMaker } from './pointMass.make';
import { binnedFit, epsData, expectFits, expectNoLeaks, familyLogQ, logMassOnGrid, note, samplesOf } from './testKit';
import type { FitContext, VariationalFamily } from './types';
import { targetSpec } from '../targets/resolveSpec';

const bimodal1d = targetSpec(bimodal1dInfo);
const correlatedGaussian = targetSpec(correlatedGaussianInfo);

const gauss = { rho: 0.7, sd1: 1.2, sd2: 0.8 };
const gaussCov = [
  [gauss.sd1 ** 2, gauss.rho * gauss.sd1 * gauss.sd2],
  [gauss.rho * gauss.sd1 * gauss.sd2, gauss.sd2 ** 2],
];

function fitRun(familyId: string, steps: number): { run: Run; snap: ReturnType<Run['snapshot']> } {
  const c = defaultConfig('correlated-gaussian', familyId);
  const run = new Run({ ...c, target: { ...c.target, params: gauss } });
  run.run(steps);
  return { run, snap: run.snapshot() };
}

/** One MAP loss evaluation, which is how these families learn the target (as a Run step does). */
function touch(q: VariationalFamily, ctx: Omit<FitContext, 'tf' | 'eps'>): number {
  return tf.tidy(() => q.ownLoss!({ ...ctx, tf, eps: tf.zeros([1, q.dim]) as Tensor2D }).dataSync()[0]);
}

describe('point mass (MAP)', () => {
  it('says it has no density, and its loss is −log p̃(μ)', () => {
    expect(pointMass.description).toMatch(/no density/);
    expect(pointMass.density).toBe('none');
    const q = pointMassMaker.create(tf, 2, { mean: [0.4, -0.3], scale: 1 }, {});
    const loss = touch(q, { target: correlatedGaussian, params: gauss });
    expect(loss).toBeCloseTo(-bivariateLogPdf([0.4, -0.3], [0, 0], gaussCov), 5);
    const z = samplesOf(q, 7, 1);
    expect(Array.from(z)).toEqual(Array.from({ length: 14 }, (_, i) => Math.fround(i % 2 === 0 ? 0.4 : -0.3)));
    expect(q.logQ).toBeUndefined();
    q.dispose();
  });

  it('climbs to the mode (0, 0) of the correlated Gaussian; no ELBO or KL is reported', () => {
    const { run, snap } = fitRun('point-mass', 300);
    note('point-mass mode after 300 steps', snap.mean);
    expect(Math.hypot(snap.mean[0], snap.mean[1])).toBeLessThan(0.01);
    expect(snap.elbo).toBeNull();
    expect(snap.klQP).toBeNull();
    expect(snap.klMethod).toBe('unavailable');
    expect(snap.cov.flat().every((v) => v === 0)).toBe(true);
    run.dispose();
  });

  it('frees its tensors and does not grow over repeated use', () => {
    expectNoLeaks(() => pointMassMaker.create(tf, 2, { mean: [0, 0], scale: 1 }, {}));
  });
});

describe('Laplace approximation', () => {
  it('before any step is N(init.mean, init.scale² I)', () => {
    const q = laplaceApproxMaker.create(tf, 2, { mean: [1, 2], scale: 0.5 }, {});
    expect(q.moments()).toEqual({
      mean: [1, 2],
      cov: [
        [0.25, 0],
        [0, 0.25],
      ],
    });
    q.dispose();
  });

  it('recovers the exact covariance of a Gaussian target (Laplace is exact there), so KL(q‖p) → 0', () => {
    const { run, snap } = fitRun('laplace-approx', 300);
    note('laplace-approx on correlated-gaussian', { mean: snap.mean, cov: snap.cov, kl: snap.klQP });
    for (let a = 0; a < 2; a++) {
      expect(Math.abs(snap.mean[a])).toBeLessThan(0.01);
      for (let b = 0; b < 2; b++) expect(Math.abs(snap.cov[a][b] - gaussCov[a][b])).toBeLessThan(1e-3);
    }
    expect(snap.klMethod).toBe('quadrature');
    expect(Math.abs(snap.klQP!)).toBeLessThan(1e-3);
    run.dispose();
  });

  it('log q, samples, entropy and normalisation agree with N(μ, H⁻¹)', () => {
    const q = laplaceApproxMaker.create(tf, 2, { mean: [0.5, -0.2], scale: 1 }, {});
    touch(q, { target: correlatedGaussian, params: gauss });
    const mu = [0.5, -0.2].map(Math.fround);
    const cov = q.moments().cov;
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) expect(cov[a][b]).toBeCloseTo(gaussCov[a][b], 3);
    const pts = Float32Array.from({ length: 100 }, (_, i) => -3 + (6 * ((i * 7919) % 1000)) / 1000);
    const got = familyLogQ(q)(pts);
    for (let i = 0; i < 50; i++) expect(got[i]).toBeCloseTo(mvnLogPdf([pts[2 * i], pts[2 * i + 1]], mu, gaussCov), 3);
    expectFits(binnedFit(samplesOf(q, 20_000, 2), 2, { x: [-4, 4], y: [-4, 4] }, 16, familyLogQ(q)), 'laplace-approx X²');
    expect(Math.abs(logMassOnGrid(q, { x: [-8, 8], y: [-8, 8] }, 161))).toBeLessThan(1e-3);
    const n = 50_000;
    const [h, logq] = tf.tidy(() => [q.entropy()!.dataSync()[0], q.logQ!(q.sample(tf.tensor2d(epsData(n, 2, 3), [n, 2]))).dataSync()]);
    expect(h).toBeCloseTo(gaussianEntropy(gaussCov), 3);
    const mc = meanAndStdErr(Array.from(logq, (v) => -v));
    expect(Math.abs(mc.mean - h)).toBeLessThan(4 * mc.stdErr);
    q.dispose();
  });

  it('floors a non-positive curvature (the dip between two modes) and says how many eigenvalues it raised', () => {
    const q = laplaceApproxMaker.create(tf, 1, { mean: [0], scale: 1 }, {});
    touch(q, { target: bimodal1d, params: { weight: 0.5, separation: 3 } });
    const p = q.params();
    expect(p.flooredEigenvalues).toEqual([1]);
    expect(q.moments().cov[0][0]).toBeCloseTo(100, 3); // 1/(0.01/s²), s = 1
    expect(laplaceApprox.description).toMatch(/not positive/);
    q.dispose();
  });

  it('frees its tensors (Hessian included) and does not grow over repeated use', () => {
    expectNoLeaks(() => {
      const q = laplaceApproxMaker.create(tf, 2, { mean: [0.3, 0.1], scale: 1 }, {});
      touch(q, { target: correlatedGaussian, params: gauss });
      return q;
    });
  });
});

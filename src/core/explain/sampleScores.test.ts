import { describe, expect, it } from 'vitest';
import { displayNoise, DISPLAY_SAMPLES } from '../engine/displayNoise';
import { findTargetSpec } from '../targets/resolveSpec';
import { cholesky, gaussianLogDensity, sampleGradients, sampleScores } from './sampleScores';

describe('Gaussian log density and its gradient', () => {
  it('matches the closed form in 2D', () => {
    const q = { mean: [0.5, -1], cov: [[2, 0.6], [0.6, 1]] };
    const z = [1.2, 0.3];
    const out = gaussianLogDensity(q, z, 1);
    if (!out) throw new Error('not PD');
    const det = 2 * 1 - 0.36;
    const inv = [[1 / det, -0.6 / det], [-0.6 / det, 2 / det]];
    const r = [z[0] - 0.5, z[1] + 1];
    const m = r[0] * (inv[0][0] * r[0] + inv[0][1] * r[1]) + r[1] * (inv[1][0] * r[0] + inv[1][1] * r[1]);
    expect(out.logq[0]).toBeCloseTo(-Math.log(2 * Math.PI) - 0.5 * Math.log(det) - 0.5 * m, 12);
    expect(out.grad[0]).toBeCloseTo(-(inv[0][0] * r[0] + inv[0][1] * r[1]), 12);
    expect(out.grad[1]).toBeCloseTo(-(inv[1][0] * r[0] + inv[1][1] * r[1]), 12);
  });
  it('refuses a covariance that is not positive definite', () => {
    expect(cholesky([[1, 2], [2, 1]])).toBeNull();
  });
});

describe('sample scores', () => {
  it('when q = p (a Gaussian target) log p̃ − log q is constant and the pathwise gradient vanishes', () => {
    const target = findTargetSpec('correlated-gaussian');
    if (!target?.logDensityGrad || !target.exact) throw new Error('needs the Gaussian target');
    const params = { rho: 0.7, sd1: 0.8, sd2: 1.2 };
    const exact = target.exact(params);
    const L = cholesky(exact.cov as number[][]);
    if (!L || !exact.mean) throw new Error('no moments');
    const eps = displayNoise(2);
    const z = new Float64Array(eps.length);
    for (let i = 0; i < DISPLAY_SAMPLES; i++) {
      z[2 * i] = exact.mean[0] + L[0][0] * eps[2 * i];
      z[2 * i + 1] = exact.mean[1] + L[1][0] * eps[2 * i] + L[1][1] * eps[2 * i + 1];
    }
    const s = sampleScores(target.logDensityGrad, params, z, 2, { mean: exact.mean, cov: exact.cov as number[][] });
    if (!s.logq) throw new Error('no log q');
    const f = Array.from(s.logp, (v, i) => v - (s.logq as Float64Array)[i]);
    for (const v of f) expect(v).toBeCloseTo(f[0], 9);
    const { grad, pathwise } = sampleGradients(s);
    expect(pathwise).toBe(true);
    for (const g of grad) expect(Math.abs(g)).toBeLessThan(1e-9);
  });
  it('without a Gaussian q only ∇log p̃ is known, and is said so', () => {
    const target = findTargetSpec('banana');
    if (!target?.logDensityGrad) throw new Error('needs a gradient');
    const s = sampleScores(target.logDensityGrad, {}, [0, 0, 1, 1], 2, null);
    expect(s.logq).toBeNull();
    expect(sampleGradients(s).pathwise).toBe(false);
  });
  it('the display noise is the engine’s: seeded, the same every call', () => {
    expect(Array.from(displayNoise(2).slice(0, 4))).toEqual(Array.from(displayNoise(2).slice(0, 4)));
    expect(displayNoise(1).length).toBe(DISPLAY_SAMPLES);
  });
});

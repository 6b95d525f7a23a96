import { describe, expect, it } from 'vitest';
import { NormalStream } from '../random';
import { normalLogPdf, sampleMoments, solve } from '../testing/independentMath';
import { tf } from '../tf';
import { realNvp } from './realNvp';
import { realNvpMaker } from './realNvp.make';
import { binnedFit, centralBox, epsData, expectFits, expectNoLeaks, familyLogQ, logMassOnGrid, note, samplesOf } from './testKit';
import type { VariationalFamily } from './types';

/** A RealNVP whose MLPs have visible random weights (the default init is ≈ identity). */
function randomNvp(dim: number, seed: number): VariationalFamily {
  const q = realNvpMaker.create(tf, dim, { mean: new Array<number>(dim).fill(0.2), scale: 1 }, { couplings: 4 });
  const s = new NormalStream(seed);
  tf.tidy(() => {
    for (const v of q.variables.slice(2)) v.assign(tf.tensor(Array.from({ length: v.size }, () => 0.5 * s.next()), v.shape));
    q.variables[1].assign(tf.fill(q.variables[1].shape, Math.log(0.7)));
  });
  return q;
}

/** The coupling stack rebuilt in float64 from the raw variables (Dinh et al. 2017, eq. 7–9). */
function jsForward(q: VariationalFamily): (z0: number[]) => number[] {
  const d = q.dim;
  const [, , w1, b1, wS, bS, wT, bT] = q.variables.map((v) => Array.from(v.dataSync()));
  const K = b1.length / 16;
  const H = 16;
  return (z0) => {
    let z = z0;
    for (let k = 0; k < K; k++) {
      const keep = z.map((_, j) => ((j + k) % 2 === 0 ? 1 : 0));
      const hidden = Array.from({ length: H }, (_, h) => Math.tanh(b1[k * H + h] + z.reduce((s, v, j) => s + keep[j] * v * w1[(k * d + j) * H + h], 0)));
      const layer = (w: number[], b: number[], o: number) => b[k * d + o] + hidden.reduce((s, v, h) => s + v * w[(k * H + h) * d + o], 0);
      z = z.map((v, j) => (keep[j] ? v : v * Math.exp(2 * Math.tanh(layer(wS, bS, j) / 2)) + layer(wT, bT, j)));
    }
    return z;
  };
}

describe('RealNVP', () => {
  it('refuses 1D with a reason, accepts 2D', () => {
    expect(realNvp.unsupportedDim?.(1)).toBe('RealNVP couples coordinates, so it needs at least 2 dimensions');
    expect(realNvp.unsupportedDim?.(2)).toBeNull();
  });

  it.each([2, 3])('d = %i: draw()’s z and log q match a float64 rebuild with a numerical Jacobian, and logQ (inverse pass) agrees', (dim) => {
    const q = randomNvp(dim, 3 + dim);
    const forward = jsForward(q);
    const mu = Array.from(q.variables[0].dataSync());
    const sigma = Array.from(q.variables[1].dataSync(), Math.exp);
    const n = 100;
    const eps = epsData(n, dim, 21);
    const { z, logq, inverse } = tf.tidy(() => {
      const b = q.draw(tf.tensor2d(eps, [n, dim]));
      return { z: b.z.dataSync(), logq: b.logQ!.dataSync(), inverse: q.logQ!(b.z).dataSync() };
    });
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const z0 = mu.map((m, a) => m + sigma[a] * eps[i * dim + a]);
      const fz = forward(z0);
      for (let a = 0; a < dim; a++) expect(z[i * dim + a]).toBeCloseTo(fz[a], 3);
      const h = 1e-6;
      const J = z0.map((_, j) => {
        const up = forward(z0.map((v, a) => (a === j ? v + h : v)));
        const dn = forward(z0.map((v, a) => (a === j ? v - h : v)));
        return up.map((v, a) => (v - dn[a]) / (2 * h));
      });
      const want = z0.reduce((s, v, a) => s + normalLogPdf(v, mu[a], sigma[a]), 0) - solve(J, J.map(() => 0)).logDet;
      worst = Math.max(worst, Math.abs(logq[i] - want));
      expect(inverse[i]).toBeCloseTo(logq[i], 3);
    }
    note(`realnvp d=${dim} max |log q − reference|`, worst);
    expect(worst).toBeLessThan(1e-3);
    q.dispose();
  });

  it('samples fit exp(logQ) binned, and exp(logQ) integrates to 1 on a wide grid', () => {
    const q = randomNvp(2, 30);
    const z = samplesOf(q, 20_000, 22);
    expectFits(binnedFit(z, 2, centralBox(z, 2), 16, familyLogQ(q)), 'realnvp X²');
    const logMass = logMassOnGrid(q, { x: [-15, 15], y: [-15, 15] }, 301);
    note('realnvp log ∫q', logMass);
    expect(Math.abs(logMass)).toBeLessThan(2e-3);
    q.dispose();
  });

  it('moments() from its fixed batch agree with 20 000 fresh samples', () => {
    const q = randomNvp(2, 31);
    const m = q.moments();
    const s = sampleMoments(samplesOf(q, 20_000, 23), 2);
    for (let a = 0; a < 2; a++) {
      const sd = Math.sqrt(m.cov[a][a]);
      expect(Math.abs(s.mean[a] - m.mean[a])).toBeLessThan(4 * sd * Math.sqrt(1 / 4096 + 1 / 20_000));
      for (let b = 0; b < 2; b++) expect(Math.abs(s.cov[a][b] - m.cov[a][b])).toBeLessThan(0.1 * sd * Math.sqrt(m.cov[b][b]));
    }
    q.dispose();
  });

  it('starts near N(init.mean, init.scale²) and gives gradients to every variable through logQ', () => {
    const q = realNvpMaker.create(tf, 2, { mean: [1, -1], scale: 0.5 }, {});
    const m = q.moments();
    expect(Math.abs(m.mean[0] - 1) + Math.abs(m.mean[1] + 1)).toBeLessThan(0.1);
    expect(Math.abs(m.cov[0][0] - 0.25)).toBeLessThan(0.05);
    const norms = tf.tidy(() => {
      const { grads } = tf.variableGrads(() => tf.sum(q.logQ!(tf.tensor2d([[0.3, 0.1], [1, -2]]))), q.variables);
      return q.variables.map((v) => tf.norm(grads[v.name]).dataSync()[0]);
    });
    expect(norms.every((g) => g > 0 && Number.isFinite(g))).toBe(true);
    q.dispose();
  });

  it('frees its tensors and does not grow over repeated use', () => {
    expectNoLeaks(() => randomNvp(2, 32));
  });
});

import { describe, expect, it } from 'vitest';
import { NormalStream } from '../random';
import { normalLogPdf, sampleMoments, solve } from '../testing/independentMath';
import { tf } from '../tf';
import { planarFlowMaker } from './planarFlow.make';
import { radialFlowMaker } from './radialFlow.make';
import { binnedFit, centralBox, epsData, expectFits, expectNoLeaks, note, samplesOf } from './testKit';
import type { FamilyMaker, VariationalFamily } from './types';

/**
 * Planar and radial flows have log q only at their own draws. Here each flow is rebuilt in
 * float64 JS from its raw variables (the constraints û and β ≥ −α re-derived from the paper),
 * inverted layer by layer with bisection (each layer is monotone along one scalar), and its
 * density computed as log N(z₀) − log|det J| with J by finite differences of the JS forward map:
 * nothing shared with the family's own log-determinant formulas.
 */
type Vec = number[];
interface JsFlow {
  forward(z0: Vec): Vec;
  inverse(z: Vec): Vec;
}

const dot = (a: Vec, b: Vec) => a.reduce((s, v, i) => s + v * b[i], 0);
const softplus = (x: number) => Math.log1p(Math.exp(x));
const read = (q: VariationalFamily, i: number) => Array.from(q.variables[i].dataSync());
const rows = (flat: Vec, d: number) => Array.from({ length: flat.length / d }, (_, k) => flat.slice(k * d, (k + 1) * d));

/** The root of an increasing f on [lo, hi] by bisection. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function planarJs(q: VariationalFamily): JsFlow {
  const d = q.dim;
  const ws = rows(read(q, 3), d);
  const bs = read(q, 4);
  const us = rows(read(q, 2), d).map((u, k) => {
    const w = ws[k];
    const wu = dot(w, u);
    const c = (-1 + softplus(wu) - wu) / dot(w, w); // û = u + (m(wᵀu) − wᵀu)w/‖w‖²
    return u.map((v, i) => v + c * w[i]);
  });
  return {
    forward: (z0) => us.reduce((z, u, k) => z.map((v, i) => v + u[i] * Math.tanh(dot(ws[k], z) + bs[k])), z0),
    inverse(y) {
      let z = y;
      for (let k = us.length - 1; k >= 0; k--) {
        // wᵀy = a + wᵀû·tanh(a + b) is increasing in a = wᵀz (wᵀû ≥ −1)
        const [w, u, b] = [ws[k], us[k], bs[k]];
        const c = dot(w, u);
        const t = dot(w, z);
        const a = bisect((x) => x + c * Math.tanh(x + b) - t, t - Math.abs(c) - 1, t + Math.abs(c) + 1);
        const zz = z;
        z = zz.map((v, i) => v - u[i] * Math.tanh(a + b));
      }
      return z;
    },
  };
}

function radialJs(q: VariationalFamily): JsFlow {
  const d = q.dim;
  const centres = rows(read(q, 2), d);
  const alphas = read(q, 3).map(softplus);
  const betas = read(q, 4).map((v, k) => -alphas[k] + softplus(v));
  return {
    forward: (z0) =>
      centres.reduce((z, c, k) => {
        const r = Math.hypot(...z.map((v, i) => v - c[i]));
        return z.map((v, i) => v + (betas[k] / (alphas[k] + r)) * (v - c[i]));
      }, z0),
    inverse(y) {
      let z = y;
      for (let k = centres.length - 1; k >= 0; k--) {
        // ‖y − c‖ = r(1 + β/(α + r)) is increasing in r = ‖z − c‖ (β ≥ −α)
        const [c, a, b] = [centres[k], alphas[k], betas[k]];
        const R = Math.hypot(...z.map((v, i) => v - c[i]));
        const r = bisect((x) => x * (1 + b / (a + x)) - R, 0, R + Math.abs(b) + 1);
        const zz = z;
        z = zz.map((v, i) => c[i] + (v - c[i]) / (1 + b / (a + r)));
      }
      return z;
    },
  };
}

/** log q(z) = log N(z₀; μ, σ) − log|det ∂F/∂z₀| at z₀ = F⁻¹(z), J by central differences. */
function jsLogQ(q: VariationalFamily, flow: JsFlow, z: Vec): { logq: number; z0: Vec } {
  const mu = read(q, 0);
  const sigma = read(q, 1).map(Math.exp);
  const z0 = flow.inverse(z);
  const h = 1e-6;
  const J = z0.map((_, j) => {
    const up = flow.forward(z0.map((v, i) => (i === j ? v + h : v)));
    const dn = flow.forward(z0.map((v, i) => (i === j ? v - h : v)));
    return up.map((v, i) => (v - dn[i]) / (2 * h));
  });
  const { logDet } = solve(J, J.map(() => 0));
  return { logq: z0.reduce((s, v, i) => s + normalLogPdf(v, mu[i], sigma[i]), 0) - logDet, z0 };
}

/** Non-trivial parameters: every raw variable of the flow drawn at a visible scale. */
function randomise(q: VariationalFamily, seed: number, scale: number): void {
  const s = new NormalStream(seed);
  tf.tidy(() => {
    for (const v of q.variables.slice(2)) v.assign(tf.tensor(Array.from({ length: v.size }, () => scale * s.next()), v.shape));
    q.variables[1].assign(tf.fill(q.variables[1].shape, Math.log(0.8)));
  });
}

// Planar layers with large random u can squeeze q into near-singular ridges that no binning
// resolves; parameters at scale 0.5 still bend q visibly (its mean and covariance move).
const cases: [string, FamilyMaker, (q: VariationalFamily) => JsFlow, number][] = [
  ['planar-flow', planarFlowMaker, planarJs, 0.5],
  ['radial-flow', radialFlowMaker, radialJs, 1],
];

describe.each(cases)('%s', (id, spec, toJs, scale) => {
  describe.each([1, 2])('d = %i', (dim) => {
    const make = () => {
      const q = spec.create(tf, dim, { mean: new Array<number>(dim).fill(0.3), scale: 1 }, { layers: 8 });
      randomise(q, 7 + dim, scale);
      return q;
    };

    it('draw(): z and log q at the draws match the float64 flow, its inverse and a numerical Jacobian', () => {
      const q = make();
      const js = toJs(q);
      const n = 200;
      const eps = epsData(n, dim, 11);
      const { z, logq } = tf.tidy(() => {
        const b = q.draw(tf.tensor2d(eps, [n, dim]));
        return { z: b.z.dataSync(), logq: b.logQ!.dataSync() };
      });
      const mu = read(q, 0);
      const sigma = read(q, 1).map(Math.exp);
      let worst = 0;
      for (let i = 0; i < n; i++) {
        const z0 = mu.map((m, a) => m + sigma[a] * eps[i * dim + a]);
        const fz = js.forward(z0);
        const got = Array.from(z.subarray(i * dim, (i + 1) * dim));
        for (let a = 0; a < dim; a++) expect(got[a]).toBeCloseTo(fz[a], 3);
        const ref = jsLogQ(q, js, fz);
        for (let a = 0; a < dim; a++) expect(ref.z0[a]).toBeCloseTo(z0[a], 6); // the flow is one-to-one
        worst = Math.max(worst, Math.abs(logq[i] - ref.logq));
      }
      note(`${id} d=${dim} max |log q − reference|`, worst);
      expect(worst).toBeLessThan(2e-3);
      q.dispose();
    });

    it('samples fit the density of the inverted float64 flow, binned (Pearson X²)', () => {
      const q = make();
      const js = toJs(q);
      const z = samplesOf(q, 20_000, 12);
      const box = centralBox(z, dim);
      const density = (pts: Float32Array) =>
        Array.from({ length: pts.length / dim }, (_, i) => jsLogQ(q, js, Array.from(pts.subarray(i * dim, (i + 1) * dim))).logq);
      const fit = binnedFit(z, dim as 1 | 2, box, dim === 2 ? 16 : 60, density, dim === 2 ? 6 : 8);
      note(`${id} d=${dim} mass in box`, fit.insideMass);
      expectFits(fit, `${id} d=${dim} X²`);
      q.dispose();
    });

    it('moments() from its fixed batch agree with 20 000 fresh samples', () => {
      const q = make();
      const m = q.moments();
      const s = sampleMoments(samplesOf(q, 20_000, 13), dim);
      for (let a = 0; a < dim; a++) {
        const sd = Math.sqrt(m.cov[a][a]);
        expect(Math.abs(s.mean[a] - m.mean[a])).toBeLessThan(4 * sd * Math.sqrt(1 / 4096 + 1 / 20_000));
        for (let b = 0; b < dim; b++) expect(Math.abs(s.cov[a][b] - m.cov[a][b])).toBeLessThan(0.1 * sd * Math.sqrt(m.cov[b][b]));
      }
      q.dispose();
    });

    it('starts near the identity: q₀ ≈ N(init.mean, init.scale²)', () => {
      const q = spec.create(tf, dim, { mean: new Array<number>(dim).fill(0.3), scale: 1 }, {});
      const m = q.moments();
      for (let a = 0; a < dim; a++) {
        expect(Math.abs(m.mean[a] - 0.3)).toBeLessThan(0.1);
        expect(Math.abs(m.cov[a][a] - 1)).toBeLessThan(0.15);
      }
      q.dispose();
    });

    it('frees its tensors and does not grow over repeated use', () => {
      expectNoLeaks(make);
    });
  });
});

describe('planar flow invertibility constraint', () => {
  it('keeps wᵀû ≥ −1 even when u points against w', () => {
    const q = planarFlowMaker.create(tf, 2, { mean: [0, 0], scale: 1 }, { layers: 3 });
    tf.tidy(() => {
      q.variables[3].assign(tf.tensor2d([1, 0, 0.3, 0.4, -2, 1], [3, 2]));
      q.variables[2].assign(tf.mul(q.variables[3], -10));
    });
    const p = q.params();
    const w = p.w as number[][];
    for (const [k, u] of (p.u as number[][]).entries()) expect(dot(u, w[k])).toBeGreaterThan(-1);
    q.dispose();
  });
});

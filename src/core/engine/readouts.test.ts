import { describe, expect, it } from 'vitest';
import { makeGrid } from '../exact/grid';
import { fitWarnings, klReadouts, unresolvedOnGrid } from './readouts';

/** A standard normal p on [−6, 6]², log Z = log 2π, and a Gaussian q = N(m, s²I) on the same grid. */
const grid = makeGrid({ x: [-6, 6], y: [-6, 6] }, 2);
const n = grid.points.length / 2;
const logGauss = (m: number, s: number) => {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const dx = grid.points[2 * i] - m;
    const dy = grid.points[2 * i + 1] - m;
    out[i] = -(dx * dx + dy * dy) / (2 * s * s) - 2 * Math.log(s) - Math.log(2 * Math.PI);
  }
  return out;
};
const logp = logGauss(0, 1).map((v) => v + Math.log(2 * Math.PI));
const logZ = Math.log(2 * Math.PI);
/** KL(N(m, s²I) ‖ N(0, I)) in 2D. */
const exact = (m: number, s: number) => s * s + m * m - 1 - 2 * Math.log(s);

describe('KL read-outs use the method that is trustworthy for this q', () => {
  it('quadrature when the grid holds q', () => {
    const r = klReadouts({ logq: logGauss(0.5, 0.8), logp, logZ, grid, elbo: { value: logZ - 1, stdErr: 0.01 }, hasDensity: true });
    expect(r.klMethod).toBe('quadrature');
    expect(r.klQP as number).toBeCloseTo(exact(0.5, 0.8), 3);
    expect(r.klStdErr).toBeNull();
    expect(r.klPQMethod).toBe('quadrature');
  });

  it('log Z − ELBO with its standard error when q has left the box (quadrature would read 0)', () => {
    const r = klReadouts({ logq: logGauss(40, 0.5), logp, logZ, grid, elbo: { value: logZ - 1600, stdErr: 3 }, hasDensity: true });
    expect(r.qMassInside as number).toBeLessThan(1e-6);
    expect(r.klMethod).toBe('elbo-gap');
    expect(r.klQP).toBeCloseTo(1600, 6);
    expect(r.klStdErr).toBe(3);
    expect(fitWarnings({ ...r, khat: 2 }).map((w) => w.code)).toEqual(['kl-large', 'khat-high', 'q-outside-box']);
  });

  it('log Z − ELBO when q is narrower than a grid cell', () => {
    const r = klReadouts({ logq: logGauss(0.013, 1e-3), logp, logZ, grid, elbo: { value: logZ - 11, stdErr: 0.1 }, hasDensity: true });
    expect(Math.abs((r.qMassInside as number) - 1)).toBeGreaterThan(0.01);
    expect(r.klMethod).toBe('elbo-gap');
    // its grid mass says nothing about where it is: no "outside the box" warning
    const cov = [
      [1e-6, 0],
      [0, 1e-6],
    ];
    expect(unresolvedOnGrid([0.013, 0.013], cov, grid)).toBe(true);
    expect(unresolvedOnGrid([40, 40], cov, grid)).toBe(false);
    expect(fitWarnings({ ...r, khat: null, qUnresolved: true }).map((w) => w.code)).not.toContain('q-outside-box');
    expect(unresolvedOnGrid([0, 0], [[0.64, 0], [0, 0.64]], grid)).toBe(false);
  });

  it('null with a reason when neither is trustworthy', () => {
    expect(klReadouts({ logq: null, logp, logZ, grid, elbo: null, hasDensity: false })).toMatchObject({ klQP: null, klMethod: 'unavailable', klReason: 'no-density', klPQMethod: 'unavailable' });
    const r = klReadouts({ logq: logGauss(40, 0.5), logp, logZ, grid, elbo: { value: Number.NEGATIVE_INFINITY, stdErr: Number.NaN }, hasDensity: true });
    expect(r).toMatchObject({ klQP: null, klMethod: 'unavailable', klReason: 'elbo-not-finite' });
    expect(fitWarnings({ ...r, khat: null }).map((w) => w.code)).toContain('kl-not-finite');
  });
});

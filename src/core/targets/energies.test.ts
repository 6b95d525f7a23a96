import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { logSimpson2d } from '../testing/independentMath';
import { energyU1 as energyU1Info } from './energyU1';
import { energyU2 as energyU2Info } from './energyU2';
import { energyU3 as energyU3Info } from './energyU3';
import { energyU4 as energyU4Info } from './energyU4';
import { expectMatchesReference, randomPoints, targetField } from './testkit';
import type { TargetSpec } from './types';
import { targetSpec } from './resolveSpec';

const energyU1 = targetSpec(energyU1Info);
const energyU2 = targetSpec(energyU2Info);
const energyU3 = targetSpec(energyU3Info);
const energyU4 = targetSpec(energyU4Info);

/** Rezende & Mohamed (2015) energies as docs/targets.md#energies writes them, in float64. */
const w1 = (x: number) => Math.sin((2 * Math.PI * x) / 4);
const w2 = (x: number) => 3 * Math.exp(-0.5 * ((x - 1) / 0.6) ** 2);
const w3 = (x: number) => 3 / (1 + Math.exp(-(x - 1) / 0.3));
const bump = (v: number, s: number) => Math.exp(-0.5 * (v / s) ** 2);
const U: Record<string, (x: number, y: number) => number> = {
  u1: (x, y) => 0.5 * ((Math.hypot(x, y) - 2) / 0.4) ** 2 - Math.log(bump(x - 2, 0.6) + bump(x + 2, 0.6)),
  u2: (x, y) => 0.5 * ((y - w1(x)) / 0.4) ** 2,
  u3: (x, y) => -Math.log(bump(y - w1(x), 0.35) + bump(y - w1(x) + w2(x), 0.35)),
  u4: (x, y) => -Math.log(bump(y - w1(x), 0.4) + bump(y - w1(x) + w3(x), 0.35)),
};
/** −½(d/0.1)², d the Euclidean distance from (x, y) to the box [−4, 4]². */
const wall = (x: number, y: number) => -0.5 * (Math.hypot(Math.max(0, Math.abs(x) - 4), Math.max(0, Math.abs(y) - 4)) / 0.1) ** 2;
const logp: Record<string, (x: number, y: number) => number> = {
  u1: (x, y) => -U.u1(x, y),
  u2: (x, y) => -U.u2(x, y) + wall(x, y),
  u3: (x, y) => -U.u3(x, y) + wall(x, y),
  u4: (x, y) => -U.u4(x, y) + wall(x, y),
};

const all: [string, TargetSpec][] = [
  ['u1', energyU1],
  ['u2', energyU2],
  ['u3', energyU3],
  ['u4', energyU4],
];

/**
 * log Z by a fine Simpson rule (h = 0.01) over a box that holds all the mass: U₁'s own plot;
 * [−5, 5]² for the walled ones, with the wall's kinks at ±4 on panel boundaries.
 */
const fineCache = new Map<string, number>();
function fineLogZ(id: string): number {
  if (!fineCache.has(id)) {
    fineCache.set(id, id === 'u1' ? logSimpson2d(logp.u1, [-4, 4], [-4, 4], 800) : logSimpson2d(logp[id], [-5, 5], [-5, 5], 1000));
  }
  return fineCache.get(id)!;
}

describe('Rezende–Mohamed energies: log density', () => {
  it.each(all)('%s equals −U (plus the box wall) at random points, inside and well outside the plot', (id, target) => {
    const u = uniformStream(300 + Number(id[1]));
    const d = target.domain({});
    const wide = { x: [1.6 * d.x[0], 1.6 * d.x[1]], y: [1.6 * d.y![0], 1.6 * d.y![1]] } as const;
    const ref = ([x, y]: number[]) => logp[id](x, y);
    expectMatchesReference(target, {}, randomPoints(u, 500, d, 2), ref);
    expectMatchesReference(target, {}, randomPoints(u, 200, wide, 2), ref);
  });

  it('the wall leaves the box untouched: inside [−4, 4]², log p̃ + U is 0 for U₂–U₄', () => {
    const u = uniformStream(310);
    for (const [id, target] of all.slice(1)) {
      expectMatchesReference(target, {}, randomPoints(u, 300, { x: [-4, 4], y: [-4, 4] }, 2), ([x, y]) => -U[id](x, y));
    }
  });
});

describe('Rezende–Mohamed energies: log Z', () => {
  it.each(all)('%s: grid log Z agrees with a fine independent Simpson rule, with negligible edge mass', (id, target) => {
    const f = targetField(target, {});
    // 121² trapezoid vs 1001² Simpson; the wall's kink at |x| = 4 costs the coarse grid ~7e-5
    expect(Math.abs(f.logZ - fineLogZ(id)), `${id}: ${f.logZ} vs ${fineLogZ(id)}`).toBeLessThan(2e-4);
    expect(f.edgeMass).toBeLessThan(1e-6);
  });

  it.each([
    ['u2', energyU2],
    ['u3', energyU3],
  ] as const)('%s: the closed-form log Z of the walled density matches the fine quadrature', (id, target) => {
    expect(Math.abs(target.exact!({}).logZ! - fineLogZ(id))).toBeLessThan(1e-6);
  });

  it('U₁ and U₂ are symmetric under θ → −θ: exact mean 0, and the grid agrees', () => {
    for (const t of [energyU1, energyU2]) {
      expect(t.exact!({}).mean).toEqual([0, 0]);
      const f = targetField(t, {});
      for (const m of f.mean) expect(Math.abs(m)).toBeLessThan(1e-5);
    }
  });

  it('the caveat of each walled energy names the box and the wall', () => {
    for (const t of [energyU2, energyU3, energyU4]) expect(t.caveat).toMatch(/\[−4, 4\]².*−½\(d\/0\.1\)²/);
    expect(energyU1.caveat).toBeUndefined();
  });
});

import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { families } from '../../core/families/registry';
import { estimators } from '../../core/objectives/estimators';
import { objectives } from '../../core/objectives/registry';
import { targets } from '../../core/targets/registry';
import { familyTex, lowerTimesTranspose, texMatrix, texNumber, texVector } from './familyTex';
import { fitTex } from './fitTex';

/** Parse strictly: a TeX error throws here instead of printing red on the page. */
const parses = (tex: string) => katex.renderToString(tex, { throwOnError: true, trust: false, strict: 'ignore' });

describe('numbers in TeX', () => {
  it('uses formatValue digits with an ASCII minus and TeX exponents', () => {
    expect(texNumber(0.123456)).toBe('0.1235');
    expect(texNumber(-0.3)).toBe('-0.3');
    expect(texNumber(1.5e-7)).toBe(String.raw`1.5 \times 10^{-7}`);
    expect(texNumber(Number.POSITIVE_INFINITY)).toBe(String.raw`\infty`);
    expect(texVector([0.12, -0.3])).toBe(String.raw`(0.12,\ -0.3)`);
    expect(texMatrix([[1, 0.5], [0.5, 2]])).toBe(String.raw`\begin{pmatrix}1 & 0.5\\0.5 & 2\end{pmatrix}`);
  });
  it('Σ = L Lᵀ', () => {
    expect(lowerTimesTranspose([[2, 0], [1, 3]])).toEqual([[4, 2], [2, 10]]);
  });
});

describe('q with its values', () => {
  it('mean-field writes μ and diag σ²', () => {
    expect(familyTex('mean-field', { mu: [0.12, -0.3], sigma: [0.5, 2] }, 2)).toBe(
      String.raw`q(\theta) = \mathcal{N}\big(\theta;\ \mu = (0.12,\ -0.3),\ \operatorname{diag}\sigma^2 = (0.25,\ 4)\big)`,
    );
    expect(familyTex('mean-field', { mu: [1], sigma: [0.5] }, 1)).toBe(String.raw`q(\theta) = \mathcal{N}\big(\theta;\ \mu = 1,\ \sigma^2 = 0.25\big)`);
  });
  it('full-rank writes Σ = L Lᵀ', () => {
    expect(familyTex('full-rank', { mu: [0, 1], L: [[1, 0], [0.5, 1]] }, 2)).toContain(String.raw`\begin{pmatrix}1 & 0.5\\0.5 & 1.25\end{pmatrix}`);
  });
  it('mixture lists every component', () => {
    const tex = familyTex('mixture', { weights: [0.25, 0.75], mu: [[0, 0], [1, 1]], sigma: [[1, 1], [0.5, 0.5]] }, 2);
    expect(tex).toContain(String.raw`\pi_{2} = 0.75`);
    expect(tex).toContain(String.raw`\sigma^2_{2} = (0.25,\ 0.25)`);
  });
  it('an unknown family shows its named parameters', () => {
    expect(familyTex('new-one', { a: [1, 2] }, 2)).toBe(String.raw`q_\phi(\theta),\quad \mathrm{a} = (1,\ 2)`);
  });
});

describe('every TeX string KaTeX is given parses', () => {
  const sample: Record<string, Record<string, number[] | number[][]>> = {
    'mean-field': { mu: [0, 1], sigma: [1, 2] },
    'full-rank': { mu: [0, 1], L: [[1, 0], [0.3, 1]] },
    'laplace-approx': { mu: [0, 1], cov: [[1, 0.2], [0.2, 1]], flooredEigenvalues: [0] },
    'student-t': { mu: [0, 1], L: [[1, 0], [0.3, 1]], nu: [4] },
    laplace: { mu: [0, 1], b: [1, 2] },
    mixture: { weights: [0.5, 0.5], mu: [[0, 0], [1, 1]], sigma: [[1, 1], [1, 1]] },
    'point-mass': { mu: [0, 1] },
    svgd: { particles: [[0, 0], [1, 1]] },
    'planar-flow': { mu: [0, 1], sigma: [1, 1], u: [[1, 0]], w: [[1, 0]], b: [0] },
    'radial-flow': { mu: [0, 1], sigma: [1, 1], z0: [[0, 0]], alpha: [1], beta: [1] },
    realnvp: { mu: [0, 1], sigma: [1, 1], couplings: [4], hidden: [16] },
  };
  it.each(targets.map((t) => [t.id, t.tex]))('target %s', (_, tex) => {
    expect(() => parses(String.raw`\log \tilde p(\theta) = ${tex}`)).not.toThrow();
  });
  it.each(families.map((f) => [f.id]))('family %s', (id) => {
    const params = sample[id];
    expect(params, `a sample of ${id}'s params for this test`).toBeDefined();
    const tex = familyTex(id, params, 2);
    expect(tex).not.toContain('q_\\phi(\\theta),'); // each family has its own line
    expect(() => parses(tex)).not.toThrow();
  });
  it.each(objectives.flatMap((o) => estimators.map((e) => [o.id, e.id, o, e] as const)))('objective %s with %s', (_o, _e, o, e) => {
    for (const by of ['objective', 'map', 'own-update'] as const) {
      const fit = fitTex(by, o, e);
      expect(() => parses(fit.objective)).not.toThrow();
      if (fit.estimator) expect(() => parses(fit.estimator as string)).not.toThrow();
    }
  });
});

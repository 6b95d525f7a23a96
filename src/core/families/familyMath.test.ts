import { describe, expect, it } from 'vitest';
import { erfc, logGamma as refLogGamma, meanAndStdErr } from '../testing/independentMath';
import { tf } from '../tf';
import { digamma, lgamma as logGamma } from '../targets/special';
import { chiSquareDraws, cholesky, hashFloats, logErfc, symmetricEigen } from './familyMath';

type Matrix = number[][];
const mul = (A: Matrix, B: Matrix) => A.map((r) => B[0].map((_, j) => r.reduce((s, v, k) => s + v * B[k][j], 0)));
const transpose = (A: Matrix) => A[0].map((_, j) => A.map((r) => r[j]));

describe('family math helpers', () => {
  it('log Γ (Lanczos) agrees with the reference Stirling series; ψ with the derivative of log Γ', () => {
    for (const x of [0.3, 0.5, 1, 2.5, 7, 15.5, 40]) {
      expect(logGamma(x)).toBeCloseTo(refLogGamma(x), 9);
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((refLogGamma(x + h) - refLogGamma(x - h)) / (2 * h), 6);
    }
  });

  it('log erfc in tf ops matches erfc (and its asymptotic series far out)', () => {
    const xs = [0, 0.1, 0.5, 1, 2, 3, 4, 5];
    const got = tf.tidy(() => logErfc(tf, tf.tensor1d([...xs, 8])).dataSync());
    for (const [i, x] of xs.entries()) expect(got[i]).toBeCloseTo(Math.log(erfc(x)), 5);
    expect(got[xs.length]).toBeCloseTo(-64 - Math.log(8 * Math.sqrt(Math.PI)) + Math.log(1 - 1 / 128 + 3 / 16384), 4);
  });

  it('Jacobi eigen-decomposition and Cholesky reconstruct their matrices', () => {
    const A = [
      [2, -1, 0.5],
      [-1, -3, 0.2],
      [0.5, 0.2, 1],
    ];
    const { values, vectors: V } = symmetricEigen(A);
    const back = mul(mul(V, values.map((l, i) => values.map((_, j) => (i === j ? l : 0)))), transpose(V));
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(back[i][j]).toBeCloseTo(A[i][j], 10);
    expect(values.filter((l) => l < 0)).toHaveLength(1);
    const S = [
      [4, 1.2],
      [1.2, 0.9],
    ];
    const L = cholesky(S);
    const LLt = mul(L, transpose(L));
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) expect(LLt[i][j]).toBeCloseTo(S[i][j], 12);
  });

  it.each([1, 3, 10])('χ²_ν draws have mean ν and variance 2ν (ν = %i)', (nu) => {
    const x = chiSquareDraws(hashFloats(new Float32Array([nu])), 100_000, nu);
    const { mean, stdErr } = meanAndStdErr(x);
    expect(Math.abs(mean - nu)).toBeLessThan(4 * stdErr);
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / (x.length - 1);
    expect(Math.abs(variance / (2 * nu) - 1)).toBeLessThan(0.05);
  });
});

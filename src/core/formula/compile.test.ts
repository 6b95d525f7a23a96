import { describe, expect, it } from 'vitest';
import { uniformStream } from '../random';
import { tf } from '../tf';
import type { Tensor2D } from '../tfTypes';
import { inferDim } from './ast';
import { compileFormula } from './compile';
import { evaluate, evaluator } from './evaluate';
import { parseFormula } from './parser';

const FORMULAS_1D = [
  '-x^2/2',
  '-(x-1)^2/(2*0.5^2)',
  'log(sigmoid(3*x))',
  'softplus(x) - x^3/10',
  'softplus(50*x)',
  'logsumexp(-(x-2)^2/2, -(x+2)^2/2)',
  'logsumexp(1000*x, 1000*x, 0)',
  'normal_lpdf(x, 1, 0.7)',
  'log1p(x^2) + expm1(-abs(x))',
  'sin(x) + cos(2*x) + tanh(x)',
  'tan(x/4)',
  'pow(abs(x) + 1, 1.5)',
  'max(x, -x/2) - min(x^2, 1)',
  '2^x * e^(-x^2)',
  'sqrt(1 + x^2) - exp(-x)',
  '-abs(x)^1.5',
  '-(x^4 - 4*x^2)/2',
  'x^3',
  '+x - -x',
  'log(2*pi)',
];
const FORMULAS_2D = [
  '-(x^2+y^2)/2',
  '-x^2/8 - (y + x^2/4 - 1)^2/2',
  'logsumexp(normal_lpdf(x,-1,0.6) + normal_lpdf(y,0,1), normal_lpdf(x,1,0.6) + normal_lpdf(y,0,1))',
  '-y^2',
  'log(1 + x^2 + y^2) - softplus(y*x)',
  '-(x*y - 1)^2 - (x^2 + y^2)/10',
  'normal_lpdf(y, sin(x), exp(x/4))',
];

/** Random points in [−2, 2]^d, rounded to float32 so both sides see the very same inputs. */
function randomPoints(n: number, dim: number, seed: number): Float32Array {
  const u = uniformStream(seed);
  return Float32Array.from({ length: n * dim }, () => -2 + 4 * u());
}

function pointAt(points: Float32Array, i: number, dim: number) {
  return dim === 1 ? { x: points[i] } : { x: points[2 * i], y: points[2 * i + 1] };
}

function runCompiled(src: string, points: Float32Array, dim: 1 | 2): Float32Array {
  const f = compileFormula(parseFormula(src), dim);
  return tf.tidy(() => f.logDensity(tf, tf.tensor2d(points, [points.length / dim, dim])).dataSync() as Float32Array);
}

describe('compiled tf ops agree with the plain-JS evaluator', () => {
  it.each([...FORMULAS_1D, ...FORMULAS_2D])('%s', (src) => {
    const ast = parseFormula(src);
    const dim = inferDim(ast);
    const n = 200;
    const points = randomPoints(n, dim, src.length);
    const got = runCompiled(src, points, dim);
    const fast = evaluator(ast);
    expect(got.length).toBe(n);
    for (let i = 0; i < n; i++) {
      const at = pointAt(points, i, dim);
      const want = evaluate(ast, at);
      // The grid evaluator used by the formula check is the same arithmetic, bit for bit.
      expect(fast(at.x, at.y ?? 0)).toBe(want);
      expect(Math.abs(got[i] - want), `${src} at ${JSON.stringify(pointAt(points, i, dim))}`).toBeLessThanOrEqual(
        1e-4 * Math.max(1, Math.abs(want)),
      );
    }
  });

  it('agrees on NaN and ±∞ too (log of a negative number, log 0, logsumexp of −∞)', () => {
    const points = Float32Array.from([-1, 0, 1]);
    expect(Array.from(runCompiled('log(x)', points, 1))).toEqual([Number.NaN, -Infinity, 0]);
    expect(Array.from(runCompiled('logsumexp(log(0*x), log(0*x))', points, 1))).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(Array.from(runCompiled('logsumexp(1/(0*x), 0)', Float32Array.from([1]), 1))).toEqual([Infinity]);
  });

  it('lets an x-only formula be 2D when asked, and gives a constant formula shape [n]', () => {
    const pts = Float32Array.from([1, 5, 2, 7]);
    expect(Array.from(runCompiled('-x^2', pts, 2))).toEqual([-1, -4]);
    expect(compileFormula(parseFormula('-x^2'), 2).dim).toBe(2);
    const c = runCompiled('log(2*pi)', pts, 2);
    expect(c.length).toBe(2);
    expect(c[0]).toBeCloseTo(Math.log(2 * Math.PI), 6);
  });

  it('leaves no tensors behind inside tf.tidy', () => {
    const f = compileFormula(parseFormula(FORMULAS_2D[2]));
    const theta = tf.tensor2d(randomPoints(10, 2, 1), [10, 2]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      f.logDensity(tf, theta);
    });
    expect(tf.memory().numTensors).toBe(before);
    theta.dispose();
  });
});

describe('constant folding', () => {
  async function kernels(src: string): Promise<string[]> {
    const f = compileFormula(parseFormula(src));
    const theta = tf.tensor2d([0.5, 1.5], [2, 1]);
    const info = await tf.profile(() => tf.tidy(() => f.logDensity(tf, theta)));
    theta.dispose();
    return info.kernelNames;
  }

  it('evaluates variable-free subexpressions in JS, so they cost no kernel', async () => {
    const names = await kernels('x + log(2*pi) * exp(1)^2');
    expect(names).not.toContain('Log');
    expect(names).not.toContain('Exp');
    expect(names).not.toContain('Pow');
  });

  it('uses Square for ^2 and Exp for e^…', async () => {
    expect(await kernels('-x^2')).toContain('Square');
    expect(await kernels('-x^2')).not.toContain('Pow');
    expect(await kernels('e^x')).toContain('Exp');
  });

  it('runs a logsumexp of any length as one stacked reduction, not 4 kernels per term', async () => {
    const terms = (k: number) => `logsumexp(${Array.from({ length: k }, (_, i) => `x*${i + 1}`).join(', ')}, 0)`;
    const few = (await kernels(terms(2))).filter((k) => k !== 'Multiply');
    const many = (await kernels(terms(24))).filter((k) => k !== 'Multiply');
    expect(many.filter((k) => k === 'Exp')).toHaveLength(1);
    expect(many.length).toBe(few.length);
  });
});

describe('autodiff through the compiled formula', () => {
  /** ∂f/∂θ by central differences of the float64 evaluator. */
  function finiteDifference(src: string, at: { x: number; y?: number }, key: 'x' | 'y'): number {
    const ast = parseFormula(src);
    const h = 1e-5;
    const plus = { ...at, [key]: (at[key] ?? 0) + h };
    const minus = { ...at, [key]: (at[key] ?? 0) - h };
    return (evaluate(ast, plus) - evaluate(ast, minus)) / (2 * h);
  }

  it.each([...FORMULAS_1D.filter((s) => s !== 'logsumexp(1000*x, 1000*x, 0)'), ...FORMULAS_2D])('%s', (src) => {
    const ast = parseFormula(src);
    const dim = inferDim(ast);
    const n = 50;
    const points = randomPoints(n, dim, 7 + src.length);
    const f = compileFormula(ast, dim);
    const grad = tf.tidy(() => {
      const g = tf.grad((theta) => tf.sum(f.logDensity(tf, theta as Tensor2D)))(tf.tensor2d(points, [n, dim]));
      return g.dataSync() as Float32Array;
    });
    for (let i = 0; i < n; i++) {
      const at = pointAt(points, i, dim);
      const keys = dim === 1 ? (['x'] as const) : (['x', 'y'] as const);
      keys.forEach((key, k) => {
        const want = finiteDifference(src, at, key);
        expect(Math.abs(grad[i * dim + k] - want), `∂/∂${key} of ${src} at ${JSON.stringify(at)}`).toBeLessThanOrEqual(
          1e-3 * Math.max(1, Math.abs(want)),
        );
      });
    }
  });

  it('gives 1000·(softmax weights) for a steep logsumexp without overflowing', () => {
    const f = compileFormula(parseFormula('logsumexp(1000*x, 1000*x, 0)'));
    const g = tf.tidy(() => tf.grad((t) => tf.sum(f.logDensity(tf, t as Tensor2D)))(tf.tensor2d([1, -1], [2, 1])).dataSync());
    expect(g[0]).toBeCloseTo(1000, 2);
    expect(g[1]).toBeCloseTo(0, 4);
  });
});

// The plain-JS formula gradient (tape.ts, gradient.ts) against tfjs autodiff of the compiled formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NormalStream } from '../random';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { type Expr, children, inferDim } from './ast';
import { compileFormula } from './compile';
import { evaluate } from './evaluate';
import { makeFormulaTarget } from './formulaDensity';
import { formulaLogDensityGrad } from './gradient';
import { parseFormula } from './parser';

interface Both {
  readonly js: { logp: Float64Array; grad: Float64Array };
  readonly tf: { logp: Float32Array; grad: Float32Array };
}

/** log p̃ and ∇ at the (float32) points by both paths. */
function both(ast: Expr, dim: 1 | 2, pts: Float32Array): Both {
  const n = pts.length / dim;
  const logp = new Float64Array(n);
  const grad = new Float64Array(n * dim);
  formulaLogDensityGrad(ast, dim)(Float64Array.from(pts), n, {}, logp, grad);
  const compiled = compileFormula(ast, dim);
  const [tl, tg] = tf.tidy(() => {
    const theta = tf.tensor2d(pts, [n, dim]);
    const g = tf.grad((t) => tf.sum(compiled.logDensity(tf, t as Tensor2D)))(theta);
    return [compiled.logDensity(tf, theta).dataSync() as Float32Array, g.dataSync() as Float32Array];
  });
  return { js: { logp, grad }, tf: { logp: tl, grad: tg } };
}

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * (1 + Math.abs(b));

function expectAgree(src: string, pts: Float32Array, dim: 1 | 2 = inferDim(parseFormula(src))): void {
  const r = both(parseFormula(src), dim, pts);
  for (let i = 0; i < r.js.logp.length; i++) {
    const at = `${src} at (${Array.from(pts.subarray(i * dim, i * dim + dim)).join(', ')})`;
    expect(close(r.js.logp[i], r.tf.logp[i], 1e-4), `log p̃ of ${at}: ${r.js.logp[i]} vs ${r.tf.logp[i]}`).toBe(true);
    for (let j = 0; j < dim; j++) {
      const k = i * dim + j;
      expect(close(r.js.grad[k], r.tf.grad[k], 1e-3), `∂${j} of ${at}: ${r.js.grad[k]} vs ${r.tf.grad[k]}`).toBe(true);
    }
  }
}

/** Standard normal points scaled by s (float32, as tfjs sees them). */
const points = (count: number, dim: number, s = 1, seed = 7) =>
  new NormalStream(seed).fill(new Float32Array(count * dim)).map((v) => s * v);

describe('formula gradient: hand-written cases cover every operator and function', () => {
  const cases: readonly [string, Float32Array?][] = [
    ['-(x^2 + y^2)/2 - x*y/3'],
    ['x^3 - 2^x + x^1 + e^y + pow(abs(x) + 1, y) + (abs(y) + 0.5)^0.5'],
    ['exp(-x) * sin(y) + cos(x*y) - tan(0.3*x)'],
    ['log(1 + x^2) + sqrt(y^2 + 1) + log1p(x^2) - expm1(-abs(y))'],
    ['tanh(x) * sigmoid(y) - softplus(3*x - y) + sigmoid(-40*x)'],
    ['min(x, y) + max(x^2, 2*y) - min(1, x) + max(y, -0.5)'],
    ['logsumexp(normal_lpdf(x, -2, 0.8) + normal_lpdf(y, 1, 1), normal_lpdf(x, 2, 0.6) + normal_lpdf(y, -1, 0.6))'],
    ['logsumexp(x, 0.5, -y, x*y)'],
    ['normal_lpdf(y, x, exp(x/2)) + normal_lpdf(x, 0, 3) + normal_lpdf(1, x, 2)'],
    ['-x/(1 + y^2) - pi*e/x^2 + --x'],
    ['-(x - 1)^2/2 + 3*log(2*pi)'],
    ['-abs(x)', Float32Array.from([-2, -0.5, 0.5, 3])],
    ['logsumexp(-x^2, -(x-3)^2) - softplus(x)/(2 + sin(x))', points(40, 1, 3)],
  ];
  for (const [src, pts] of cases) {
    it(src, () => expectAgree(src, pts ?? points(40, inferDim(parseFormula(src)), 1.5)));
  }

  it('a formula without variables has gradient 0 and its constant value', () => {
    const r = both(parseFormula('log(2) - pi'), 2, points(5, 2));
    for (let i = 0; i < 5; i++) expect(r.js.logp[i]).toBeCloseTo(Math.log(2) - Math.PI, 12);
    expect(Array.from(r.js.grad)).toEqual(Array.from(r.tf.grad));
  });

  it('where a derivative is undefined it follows tfjs: |v|′(0) = −1, ties go to the first argument', () => {
    const at = Float32Array.from([0, 0, 1, 1, -1, 2]);
    for (const src of ['abs(x) + abs(y - x)', 'max(x, y) + 2*min(x, y)', 'max(y, x) - min(y, x)', 'max(x, 0) + min(0, y)']) {
      const r = both(parseFormula(src), 2, at);
      expect(Array.from(r.js.grad), src).toEqual(Array.from(r.tf.grad));
    }
  });

  it('a power with a non-positive base: no log of it in ∂/∂exponent (tfjs sets that term to 0)', () => {
    expectAgree('(x - 1)^y + x^3', Float32Array.from([-2, 2, 0.5, 3, 1, 2, -1, -1]));
  });

  it('the formula target carries the gradient, reused across batch sizes without re-allocation', () => {
    const t = makeFormulaTarget('-(x^2+y^2)/2', { x: [-6, 6], y: [-6, 6] });
    const fn = t.logDensityGrad;
    if (!fn) throw new Error('no logDensityGrad');
    for (const n of [3, 300, 2]) {
      const z = Float64Array.from({ length: 2 * n }, (_, k) => k / n);
      const logp = new Float64Array(n);
      const grad = new Float64Array(2 * n);
      fn(z, n, {}, logp, grad);
      for (let k = 0; k < 2 * n; k++) expect(grad[k]).toBeCloseTo(-z[k], 12);
    }
  });
});

/** Well-formed formulas in x and y from the grammar: every operator and function, right arities. */
const { formula } = fc.letrec<{ formula: string; leaf: string }>((tie) => ({
  leaf: fc.constantFrom('x', 'y', 'x', 'y', 'pi', 'e', '2', '0.5', '3', '1.7'),
  formula: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    { arbitrary: tie('leaf'), weight: 3 },
    { arbitrary: tie('formula').map((a) => `-(${a})`), weight: 1 },
    {
      arbitrary: fc.tuple(tie('formula'), fc.constantFrom('+', '-', '*', '/', '^'), tie('formula')).map(([a, op, b]) => `(${a})${op}(${b})`),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tan', 'tanh', 'sigmoid', 'softplus', 'log1p', 'expm1'),
          tie('formula'),
        )
        .map(([f, a]) => `${f}(${a})`),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(fc.constantFrom('pow', 'min', 'max'), tie('formula'), tie('formula')).map(([f, a, b]) => `${f}(${a}, ${b})`),
      weight: 1,
    },
    { arbitrary: fc.array(tie('formula'), { minLength: 1, maxLength: 3 }).map((args) => `logsumexp(${args.join(', ')})`), weight: 1 },
    { arbitrary: fc.tuple(tie('formula'), tie('formula'), tie('formula')).map((a) => `normal_lpdf(${a.join(', ')})`), weight: 1 },
  ),
}));

/**
 * True where float32 (tfjs) and float64 (here) can be compared: every subexpression finite and
 * moderate, and no min/max/abs argument so close to its kink that float32 might take the other side.
 */
function wellConditioned(ast: Expr, x: number, y: number): boolean {
  const at = { x, y };
  const ok = (n: Expr): boolean => {
    const v = evaluate(n, at);
    if (!Number.isFinite(v) || Math.abs(v) > 1e3) return false;
    const kids = children(n);
    if (n.kind === 'call' && (n.fn === 'min' || n.fn === 'max') && Math.abs(evaluate(kids[0], at) - evaluate(kids[1], at)) < 1e-3) return false;
    if (n.kind === 'call' && n.fn === 'abs' && Math.abs(evaluate(kids[0], at)) < 1e-3) return false;
    if (n.kind === 'call' && ['log', 'sqrt', 'log1p', 'tan'].includes(n.fn) && Math.abs(v) > 20) return false;
    return kids.every(ok);
  };
  return ok(ast);
}

describe('formula gradient: property test on random well-formed formulas', () => {
  it('agrees with tfjs autodiff wherever both are well conditioned', () => {
    const pts = points(8, 2, 1.2, 11);
    let compared = 0;
    fc.assert(
      fc.property(formula, (src) => {
        const ast = parseFormula(src);
        const r = both(ast, 2, pts);
        for (let i = 0; i < 8; i++) {
          if (!wellConditioned(ast, pts[2 * i], pts[2 * i + 1])) continue;
          const g = [r.js.grad[2 * i], r.js.grad[2 * i + 1]];
          if (!g.every((v) => Number.isFinite(v) && Math.abs(v) < 1e3)) continue;
          compared++;
          expect(close(r.js.logp[i], r.tf.logp[i], 1e-3), `log p̃ of ${src} at point ${i}: ${r.js.logp[i]} vs ${r.tf.logp[i]}`).toBe(true);
          for (let j = 0; j < 2; j++) {
            expect(close(g[j], r.tf.grad[2 * i + j], 5e-3), `∂${j} of ${src} at point ${i}: ${g[j]} vs ${r.tf.grad[2 * i + j]}`).toBe(true);
          }
        }
      }),
      { numRuns: 400, seed: 20240601 },
    );
    expect(compared).toBeGreaterThan(1000);
  });
});

/**
 * The plain-JS ceiling for the benchmark (issue 4): a hand-derived full-rank Gaussian ELBO step on
 * the banana target in Float64Array loops, no tfjs. The engine's steps/s is reported as a fraction
 * of this, so "how far is tfjs from the metal" is one number.
 *
 * Banana (docs/targets.md#banana, after chi-feng/mcmc-demo): u = (x/a, a·y + a·b·(x² + a²)),
 * log p̃(x, y) = log N(u; (0, 4), [[1, .5], [.5, 1]]). The map (x, y) → u has |det J| = 1, so the
 * density is normalised on ℝ² (log Z = 0) and KL(q‖p) = −ELBO exactly.
 *
 * q = N(μ, LLᵀ), L = [[e^{s₁}, 0], [l₂₁, e^{s₂}]] (log-diagonal, as Stan's ADVI and the engine's
 * full-rank family). With z = μ + Lε and g = ∇log p̃(z) (docs/math.md#gaussian-fast-path):
 *   ∇_μ ELBO = mean g,  ∇_L ELBO = mean g εᵀ (lower triangle) + diag(1/Lᵢᵢ),
 * so on the log-diagonal ∇_{sᵢ} = Lᵢᵢ·mean(gᵢ εᵢ) + 1. Adam ascends the ELBO.
 */

import { uniformStream } from '../core/random';

export interface BananaParams {
  readonly a: number;
  readonly b: number;
}

export const BANANA_DEFAULT: BananaParams = { a: 2, b: 0.2 };

/** Precision matrix of [[1, .5], [.5, 1]] is (4/3)·[[1, −.5], [−.5, 1]]; log det Σ = log 0.75. */
const PREC = 4 / 3;
const LOG_NORM = -Math.log(2 * Math.PI) - 0.5 * Math.log(0.75);

/** log p̃(x, y) of the banana (normalised: log Z = 0). */
export function bananaLogDensity(x: number, y: number, p: BananaParams = BANANA_DEFAULT): number {
  const d1 = x / p.a;
  const d2 = p.a * y + p.a * p.b * (x * x + p.a * p.a) - 4;
  return -0.5 * PREC * (d1 * d1 - d1 * d2 + d2 * d2) + LOG_NORM;
}

/** log p̃ at (x, y), writing ∇log p̃ into out[0], out[1]. */
export function bananaGradient(x: number, y: number, out: Float64Array, p: BananaParams = BANANA_DEFAULT): number {
  const a = p.a;
  const d1 = x / a;
  const d2 = a * y + a * p.b * (x * x + a * a) - 4;
  // ∂/∂u of −½ dᵀ P d with P = (4/3)[[1, −.5], [−.5, 1]]
  const g1 = -PREC * (d1 - 0.5 * d2);
  const g2 = -PREC * (d2 - 0.5 * d1);
  // chain rule through u₁ = x/a, u₂ = a·y + a·b·(x² + a²)
  out[0] = g1 / a + g2 * 2 * a * p.b * x;
  out[1] = g2 * a;
  return -0.5 * PREC * (d1 * d1 - d1 * d2 + d2 * d2) + LOG_NORM;
}

/** Index of each variational parameter in the Float64Array φ = (μ₁, μ₂, s₁, l₂₁, s₂). */
export const PARAM = { mu1: 0, mu2: 1, s1: 2, l21: 3, s2: 4 } as const;
export const N_PARAMS = 5;

/** Entropy of a 2D Gaussian without its log-diagonal part: (d/2)(1 + log 2π). */
const ENTROPY_CONST = 1 + Math.log(2 * Math.PI);

/**
 * A Monte Carlo ELBO estimate with fixed noise eps (n pairs, interleaved ε₁, ε₂) and its exact
 * gradient in φ, written into grad. ELBO = mean log p̃(μ + Lε) + s₁ + s₂ + (d/2)(1 + log 2π).
 */
export function elboAndGradient(
  phi: Float64Array,
  eps: Float64Array,
  n: number,
  grad: Float64Array,
  p: BananaParams = BANANA_DEFAULT,
): number {
  const mu1 = phi[PARAM.mu1];
  const mu2 = phi[PARAM.mu2];
  const l11 = Math.exp(phi[PARAM.s1]);
  const l21 = phi[PARAM.l21];
  const l22 = Math.exp(phi[PARAM.s2]);
  const a = p.a;
  const ab = a * p.b;
  const aa = a * a;
  let sumLogp = 0;
  let gm1 = 0;
  let gm2 = 0;
  let g11 = 0;
  let g21 = 0;
  let g22 = 0;
  for (let i = 0; i < n; i++) {
    const e1 = eps[2 * i];
    const e2 = eps[2 * i + 1];
    const x = mu1 + l11 * e1;
    const y = mu2 + l21 * e1 + l22 * e2;
    // bananaGradient, inlined: this loop is the ceiling.
    const d1 = x / a;
    const d2 = a * y + ab * (x * x + aa) - 4;
    const u1 = -PREC * (d1 - 0.5 * d2);
    const u2 = -PREC * (d2 - 0.5 * d1);
    const gx = u1 / a + u2 * 2 * ab * x;
    const gy = u2 * a;
    sumLogp += -0.5 * PREC * (d1 * d1 - d1 * d2 + d2 * d2);
    gm1 += gx;
    gm2 += gy;
    g11 += gx * e1;
    g21 += gy * e1;
    g22 += gy * e2;
  }
  const inv = 1 / n;
  grad[PARAM.mu1] = gm1 * inv;
  grad[PARAM.mu2] = gm2 * inv;
  grad[PARAM.s1] = g11 * inv * l11 + 1;
  grad[PARAM.l21] = g21 * inv;
  grad[PARAM.s2] = g22 * inv * l22 + 1;
  return sumLogp * inv + LOG_NORM + phi[PARAM.s1] + phi[PARAM.s2] + ENTROPY_CONST;
}

/** Standard normal noise (mulberry32 from random.ts + Box–Muller, both outputs used) into a Float64Array. */
export class Normal64 {
  private readonly uniform: () => number;

  constructor(seed: number) {
    this.uniform = uniformStream(seed);
  }

  /** Fill out (its length must be even) with independent N(0, 1) draws. */
  fill(out: Float64Array): Float64Array {
    for (let i = 0; i < out.length; i += 2) {
      const u = this.uniform() || 2 ** -32;
      const v = this.uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      const th = 2 * Math.PI * v;
      out[i] = r * Math.cos(th);
      out[i + 1] = r * Math.sin(th);
    }
    return out;
  }
}

export interface CeilingOptions {
  readonly samples: number;
  readonly lr?: number;
  readonly seed?: number;
  readonly banana?: BananaParams;
  /** Where q starts (the engine starts a little off the domain's centre). */
  readonly init?: { readonly mean: readonly [number, number]; readonly scale: number };
}

/** The whole ceiling: noise, ELBO gradient, Adam (β = 0.9, 0.999, ε = 1e-8), all in Float64Arrays. */
export class CeilingFit {
  readonly phi = new Float64Array(N_PARAMS);
  private readonly m = new Float64Array(N_PARAMS);
  private readonly v = new Float64Array(N_PARAMS);
  private readonly grad = new Float64Array(N_PARAMS);
  private readonly eps: Float64Array;
  private readonly noise: Normal64;
  private readonly samples: number;
  private readonly lr: number;
  private readonly banana: BananaParams;
  private t = 0;
  /** The last step's Monte Carlo ELBO (before its update). */
  lastElbo = Number.NaN;

  constructor(options: CeilingOptions) {
    this.samples = options.samples;
    this.lr = options.lr ?? 0.05;
    this.banana = options.banana ?? BANANA_DEFAULT;
    this.noise = new Normal64(options.seed ?? 1);
    this.eps = new Float64Array(2 * this.samples);
    const init = options.init ?? { mean: [-0.9, 0.9], scale: 1 };
    this.phi[PARAM.mu1] = init.mean[0];
    this.phi[PARAM.mu2] = init.mean[1];
    this.phi[PARAM.s1] = Math.log(init.scale);
    this.phi[PARAM.s2] = Math.log(init.scale);
  }

  get step(): number {
    return this.t;
  }

  /** n Adam steps of ELBO ascent. */
  run(n: number): void {
    const { phi, m, v, grad, eps } = this;
    const b1 = 0.9;
    const b2 = 0.999;
    for (let k = 0; k < n; k++) {
      this.noise.fill(eps);
      this.lastElbo = elboAndGradient(phi, eps, this.samples, grad, this.banana);
      this.t++;
      const c1 = 1 - b1 ** this.t;
      const c2 = 1 - b2 ** this.t;
      for (let j = 0; j < N_PARAMS; j++) {
        const g = grad[j];
        m[j] = b1 * m[j] + (1 - b1) * g;
        v[j] = b2 * v[j] + (1 - b2) * g * g;
        phi[j] += (this.lr * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + 1e-8);
      }
    }
  }

  /** A many-sample ELBO with its own fixed noise (the same noise every call, so values compare). */
  elbo(samples = 20_000): number {
    const eps = new Normal64(0x5eed).fill(new Float64Array(2 * samples));
    return elboAndGradient(this.phi, eps, samples, new Float64Array(N_PARAMS), this.banana);
  }

  /** KL(q‖p) = log Z − ELBO, with log Z = 0 for the banana. */
  kl(samples = 20_000): number {
    return -this.elbo(samples);
  }
}

export interface CeilingTiming {
  readonly samples: number;
  readonly stepsPerSecond: number;
  readonly steps: number;
  readonly ms: number;
  /** KL(q‖p) after the timed steps (a check that the timed loop fitted something). */
  readonly kl: number;
}

/** Steps per second of the ceiling at one batch size, for `budgetMs` of wall time after a warm-up. */
export function timeCeiling(samples: number, budgetMs: number, now: () => number = () => performance.now()): CeilingTiming {
  const fit = new CeilingFit({ samples });
  fit.run(50); // let the JIT settle
  const chunk = Math.max(1, Math.round(16384 / samples));
  let steps = 0;
  const t0 = now();
  let t = t0;
  while (t - t0 < budgetMs) {
    fit.run(chunk);
    steps += chunk;
    t = now();
  }
  return { samples, stepsPerSecond: (steps / (t - t0)) * 1000, steps, ms: t - t0, kl: fit.kl() };
}

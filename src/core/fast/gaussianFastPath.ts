import type { RunConfig } from '../config';
import type { VariationalFamily } from '../families/types';
import type { TF } from '../tfTypes';
import { allFinite, representable } from '../engine/divergence';
import { fastGradients, type LogDensityGrad } from './targetGradients';

/**
 * The engine's fast path for Gaussian families under the reparameterised ELBO with Adam or SGD
 * (docs/math.md#gaussian-fast-path): the same parameterisation, noise and update as the tfjs path,
 * in float64 loops, because tfjs costs per op, not per flop (docs/architecture.md#engine-speed:
 * ~1 ms per tfjs step vs ~0.03 ms here). The tf variables stay the source of truth for everything
 * else: parameters are written back before any read.
 *
 * Gradients of −ELBO, ELBO = mean log p̃(μ + Lε) + Σ log Lᵢᵢ + const (entropy):
 *   ∂μ = −mean g,  ∂L_jk (j > k) = −mean g_j ε_k,  ∂s_j = −(mean g_j ε_j · L_jj + 1),  L_jj = e^{s_j},
 * and for mean-field (L diagonal, σ = e^{s}) only the μ and s terms.
 */
export class GaussianFastPath {
  private readonly values: Float64Array[];
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];
  private t = 0;
  /** The last state that passed `step`'s test, and its step number (see engine/divergence.ts). */
  private readonly checkpoint: Float64Array[];
  private checkpointStep = 0;
  private z = new Float64Array(0);
  private logp = new Float64Array(0);
  private grad = new Float64Array(0);

  private constructor(
    private readonly kind: 'mean-field' | 'full-rank',
    private readonly dim: number,
    private readonly family: VariationalFamily,
    private readonly logDensityGrad: LogDensityGrad,
  ) {
    this.values = family.variables.map((v) => Float64Array.from(v.dataSync()));
    this.m = this.values.map((a) => new Float64Array(a.length));
    this.v = this.values.map((a) => new Float64Array(a.length));
    this.checkpoint = this.values.map((a) => Float64Array.from(a));
  }

  /** The fast path for this run, or null when it does not apply (then tfjs does everything). */
  static tryCreate(config: RunConfig, dim: number, family: VariationalFamily): GaussianFastPath | null {
    const grad = fastGradients[config.target.id];
    const kind = config.family.id;
    if (!grad || (kind !== 'mean-field' && kind !== 'full-rank')) return null;
    if (config.objective.id !== 'reverse-kl' || config.estimator !== 'reparam') return null;
    return new GaussianFastPath(kind, dim, family, grad);
  }

  /**
   * One step on ε (row-major [n, dim]) from the state of step `step`: parameters change in place.
   * The state is tested first (representable in float32, finite gradient); a bad one is left
   * as it is and false returned. A good one becomes the checkpoint before the update.
   */
  step(eps: Float32Array, n: number, config: RunConfig, step: number): boolean {
    if (!representable(this.values, this.parts().s)) return false;
    const grads = this.gradients(eps, n, config);
    if (!allFinite(grads)) return false;
    for (let k = 0; k < this.values.length; k++) this.checkpoint[k].set(this.values[k]);
    this.checkpointStep = step;
    this.apply(grads, config);
    return true;
  }

  /** The parameters as they are (not copied: the iterate average reads them after each step). */
  get currentValues(): readonly Float64Array[] {
    return this.values;
  }

  /** Whether the current state passes the test (after the last step of a batch). */
  currentIsGood(): boolean {
    return representable(this.values, this.parts().s);
  }

  /** Back to the checkpoint with Adam restarted (its moments may be what blew up); returns its step. */
  restoreCheckpoint(): number {
    for (let k = 0; k < this.values.length; k++) this.values[k].set(this.checkpoint[k]);
    this.resetAdam();
    return this.checkpointStep;
  }

  /** The parameters, copied (the run swaps in the iterate average for read-outs). */
  getValues(): Float64Array[] {
    return this.values.map((a) => Float64Array.from(a));
  }

  setValues(values: readonly ArrayLike<number>[]): void {
    for (let k = 0; k < values.length; k++) this.values[k].set(values[k]);
  }

  /** ∇(−ELBO) at ε, one array per tf variable in the family's order (tested against tfjs autodiff). */
  gradients(eps: Float32Array, n: number, config: RunConfig): Float64Array[] {
    const d = this.dim;
    if (this.z.length !== n * d) {
      this.z = new Float64Array(n * d);
      this.grad = new Float64Array(n * d);
      this.logp = new Float64Array(n);
    }
    const mu = this.values[0];
    const full = this.kind === 'full-rank';
    const off = full ? this.values[1] : null;
    const s = full ? this.values[2] : this.values[1];
    // z = μ + Lε with L = strict-lower(off) + diag(e^s)
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let acc = mu[j] + Math.exp(s[j]) * eps[i * d + j];
        if (off) for (let k = 0; k < j; k++) acc += off[j * d + k] * eps[i * d + k];
        this.z[i * d + j] = acc;
      }
    }
    this.logDensityGrad(this.z, n, config.target.params, this.logp, this.grad);
    const gMu = new Float64Array(d);
    const gS = new Float64Array(d);
    const gOff = off ? new Float64Array(d * d) : null;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const g = this.grad[i * d + j];
        gMu[j] -= g / n;
        gS[j] -= (g * eps[i * d + j]) / n;
        if (gOff) for (let k = 0; k < j; k++) gOff[j * d + k] -= (g * eps[i * d + k]) / n;
      }
    }
    for (let j = 0; j < d; j++) gS[j] = gS[j] * Math.exp(s[j]) - 1;
    return full ? [gMu, gOff as Float64Array, gS] : [gMu, gS];
  }

  /** Adam exactly as tfjs's AdamOptimizer (β₁ = 0.9, β₂ = 0.999, ε = 1e−8), or plain SGD. */
  private apply(grads: Float64Array[], config: RunConfig): void {
    const lr = config.lr;
    if (config.optimizer === 'sgd') {
      grads.forEach((g, k) => {
        for (let i = 0; i < g.length; i++) this.values[k][i] -= lr * g[i];
      });
      return;
    }
    this.t++;
    const c1 = 1 - 0.9 ** this.t;
    const c2 = 1 - 0.999 ** this.t;
    grads.forEach((g, k) => {
      const m = this.m[k];
      const v = this.v[k];
      const x = this.values[k];
      for (let i = 0; i < g.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * g[i];
        v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
        x[i] -= (lr * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + 1e-8);
      }
    });
  }

  /** z = μ + Lε for ε row-major [n, dim], as float32 (display samples, evaluation draws). */
  sample(eps: Float32Array, n: number): Float32Array {
    const d = this.dim;
    const out = new Float32Array(n * d);
    const { mu, off, s } = this.parts();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        let acc = mu[j] + Math.exp(s[j]) * eps[i * d + j];
        if (off) for (let k = 0; k < j; k++) acc += off[j * d + k] * eps[i * d + k];
        out[i * d + j] = acc;
      }
    }
    return out;
  }

  /** log q at points [n, dim]: −½‖L⁻¹(z − μ)‖² − Σ log Lᵢᵢ − (d/2) log 2π, by forward substitution. */
  logQ(points: Float32Array, n: number): Float32Array {
    const d = this.dim;
    const out = new Float32Array(n);
    const { mu, off, s } = this.parts();
    let logDet = 0;
    for (let j = 0; j < d; j++) logDet += s[j];
    const c = logDet + 0.5 * d * Math.log(2 * Math.PI);
    const v = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      let quad = 0;
      for (let j = 0; j < d; j++) {
        let r = points[i * d + j] - mu[j];
        if (off) for (let k = 0; k < j; k++) r -= off[j * d + k] * v[k];
        v[j] = r / Math.exp(s[j]);
        quad += v[j] * v[j];
      }
      out[i] = -0.5 * quad - c;
    }
    return out;
  }

  /** log w = log p̃(z) − log q(z) for z = μ + Lε (the evaluation batch of a snapshot). */
  logWeights(eps: Float32Array, n: number, config: RunConfig): Float64Array {
    const z = this.sample(eps, n);
    const logq = this.logQ(z, n);
    const logp = new Float64Array(n);
    this.logDensityGrad(Float64Array.from(z), n, config.target.params, logp, new Float64Array(n * this.dim));
    for (let i = 0; i < n; i++) logp[i] -= logq[i];
    return logp;
  }

  private parts(): { mu: Float64Array; off: Float64Array | null; s: Float64Array } {
    const full = this.kind === 'full-rank';
    return { mu: this.values[0], off: full ? this.values[1] : null, s: full ? this.values[2] : this.values[1] };
  }

  /** Take the parameters from the family's tf variables again (a state imported at `step`) and restart Adam. */
  reload(step: number): void {
    this.family.variables.forEach((variable, k) => {
      this.values[k].set(variable.dataSync());
      this.checkpoint[k].set(this.values[k]);
    });
    this.checkpointStep = step;
    this.resetAdam();
  }

  /** A fresh Adam (the learning rate comes from the config at each step). */
  resetAdam(): void {
    for (const a of [...this.m, ...this.v]) a.fill(0);
    this.t = 0;
  }

  /** Copy the parameters into the family's tf variables (before snapshots and read-outs). */
  writeBack(tf: TF): void {
    this.family.variables.forEach((variable, k) => {
      tf.tidy(() => variable.assign(tf.tensor(Float32Array.from(this.values[k]), variable.shape)));
    });
  }
}

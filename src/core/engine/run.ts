import type { RunConfig } from '../config';
import { makeGrid } from '../exact/grid';
import type { Grid } from '../exact/grid';
import { gridMoments, klPQ, klQP, quadratureLogZ } from '../exact/quadrature';
import { findFamily } from '../families/registry';
import type { FamilyInit, VariationalFamily } from '../families/types';
import { findObjective } from '../objectives/registry';
import type { ObjectiveSpec } from '../objectives/types';
import { NormalStream } from '../random';
import { findTarget } from '../targets/registry';
import type { Domain, TargetSpec } from '../targets/types';
import { tf } from '../tf';
import type { Tensor2D } from '../tf';
import { makeOptimizer } from './optimizer';
import type { TunableOptimizer } from './optimizer';
import type { Snapshot, TargetField } from './snapshot';

export const DISPLAY_SAMPLES = 300;
export const EVAL_SAMPLES = 1000;

export class DivergenceError extends Error {
  constructor(step: number) {
    super(
      `The optimisation diverged at step ${step}: q's parameters became NaN or infinite. ` +
        'Lower the learning rate (or raise samples per step) and press Reset.',
    );
    this.name = 'DivergenceError';
  }
}

/** Where a fresh q starts: a little off the domain's centre, so the learner sees it travel. */
export function initialQ(domain: Domain, dim: number): FamilyInit {
  const cx = (domain.x[0] + domain.x[1]) / 2;
  const hx = (domain.x[1] - domain.x[0]) / 2;
  if (dim === 1 || !domain.y) return { mean: [cx - 0.15 * hx], scale: 1 };
  const cy = (domain.y[0] + domain.y[1]) / 2;
  const hy = (domain.y[1] - domain.y[0]) / 2;
  return { mean: [cx - 0.15 * hx, cy + 0.15 * hy], scale: 1 };
}

/**
 * One run: a target, a family with its tf variables, an optimiser and seeded noise streams.
 * The training noise depends only on (seed, step), never on how often the UI asks for frames,
 * so the same config always reproduces the same trajectory.
 */
export class Run {
  private config: RunConfig;
  private readonly target: TargetSpec;
  private readonly objective: ObjectiveSpec;
  private readonly family: VariationalFamily;
  private readonly optimizer: TunableOptimizer;
  private readonly trainNoise: NormalStream;
  private readonly evalNoise: NormalStream;
  private readonly displayEps: Float32Array;
  private grid: Grid;
  private gridPoints: Tensor2D;
  private fieldState: TargetField;
  private steps = 0;
  private fieldVersion = 0;

  constructor(config: RunConfig) {
    this.config = config;
    const target = findTarget(config.target.id);
    const familySpec = findFamily(config.family.id);
    const objective = findObjective(config.objective);
    if (!target || !familySpec || !objective) throw new Error('RunConfig names an unknown target, family or objective');
    this.target = target;
    this.objective = objective;
    const domain = target.domain(config.target.params);
    this.family = familySpec.create(tf, target.dim, initialQ(domain, target.dim), config.family.options);
    this.optimizer = makeOptimizer(config.optimizer, config.lr);
    this.trainNoise = new NormalStream(config.seed);
    this.evalNoise = new NormalStream(config.seed ^ 0x2545f491);
    this.displayEps = new NormalStream(0x5eed).fill(new Float32Array(DISPLAY_SAMPLES * target.dim));
    this.grid = makeGrid(domain, target.dim);
    this.gridPoints = tf.tensor2d(this.grid.points, [this.grid.points.length / target.dim, target.dim]);
    this.fieldState = this.computeField();
  }

  get step(): number {
    return this.steps;
  }

  get dim(): number {
    return this.target.dim;
  }

  get field(): TargetField {
    return this.fieldState;
  }

  /**
   * Apply a live change. Returns false when the change needs a fresh Run (another target,
   * family, objective, optimiser or seed); true when it was applied in place.
   */
  update(next: RunConfig): boolean {
    const c = this.config;
    if (
      next.target.id !== c.target.id ||
      next.family.id !== c.family.id ||
      JSON.stringify(next.family.options) !== JSON.stringify(c.family.options) ||
      next.objective !== c.objective ||
      next.estimator !== c.estimator ||
      next.optimizer !== c.optimizer ||
      next.seed !== c.seed
    ) {
      return false;
    }
    const targetChanged = JSON.stringify(next.target.params) !== JSON.stringify(c.target.params);
    this.config = next;
    if (next.lr !== c.lr) this.optimizer.setLearningRate(next.lr);
    if (targetChanged) {
      const domain = this.target.domain(next.target.params);
      if (JSON.stringify(domain) !== JSON.stringify(this.grid.domain)) {
        this.grid = makeGrid(domain, this.target.dim);
        this.gridPoints.dispose();
        this.gridPoints = tf.tensor2d(this.grid.points, [this.grid.points.length / this.target.dim, this.target.dim]);
      }
      this.fieldState = this.computeField();
    }
    return true;
  }

  /** n steps of stochastic gradient descent on the objective's loss. */
  run(n: number): void {
    const { samples } = this.config;
    const dim = this.target.dim;
    const buf = new Float32Array(samples * dim);
    for (let i = 0; i < n; i++) {
      this.trainNoise.fill(buf);
      tf.tidy(() => {
        const eps = tf.tensor2d(buf, [samples, dim]);
        this.optimizer.optimizer.minimize(
          () =>
            this.objective.loss({ tf, target: this.target, params: this.config.target.params, family: this.family, eps }),
          false,
          this.family.variables,
        );
      });
      this.steps++;
    }
  }

  /** Wait for queued device work (WebGL runs ops asynchronously) by reading q's parameters back. */
  flush(): void {
    this.family.moments();
  }

  snapshot(): Snapshot {
    const dim = this.target.dim;
    const params = this.config.target.params;
    const evalEps = this.evalNoise.fill(new Float32Array(EVAL_SAMPLES * dim));
    const [values, samples, logq] = tf.tidy(() => {
      const z = this.family.sample(tf.tensor2d(evalEps, [EVAL_SAMPLES, dim]));
      const w = tf.sub(this.target.logDensity(tf, z, params), this.family.logQ(z));
      const display = this.family.sample(tf.tensor2d(this.displayEps, [DISPLAY_SAMPLES, dim]));
      return [w.dataSync(), display.dataSync(), this.family.logQ(this.gridPoints).dataSync()] as [
        Float32Array,
        Float32Array,
        Float32Array,
      ];
    });
    const moments = this.family.moments();
    if (moments.mean.some((m) => !Number.isFinite(m)) || moments.cov.flat().some((v) => !Number.isFinite(v))) {
      throw new DivergenceError(this.steps);
    }
    let sum = 0;
    let sumSq = 0;
    for (const v of values) {
      sum += v;
      sumSq += v * v;
    }
    const elbo = sum / values.length;
    const variance = Math.max(0, sumSq / values.length - elbo * elbo);
    const { logp, logZ } = this.fieldState;
    const kl = klQP(logq, logp, logZ, this.grid);
    return {
      step: this.steps,
      elbo,
      elboStdErr: Math.sqrt(variance / (values.length - 1)),
      evalSamples: values.length,
      logZ,
      klQP: kl.kl,
      klPQ: klPQ(logp, logq, logZ, this.grid),
      qMassInside: kl.qMassInside,
      mean: moments.mean,
      cov: moments.cov,
      params: this.family.params(),
      samples,
      logq,
      fieldVersion: this.fieldState.version,
    };
  }

  dispose(): void {
    this.family.dispose();
    this.optimizer.dispose();
    this.gridPoints.dispose();
  }

  private computeField(): TargetField {
    const params = this.config.target.params;
    const logp = tf.tidy(() => this.target.logDensity(tf, this.gridPoints, params).dataSync() as Float32Array);
    const { logZ, edgeMass } = quadratureLogZ(logp, this.grid);
    const { mean, cov } = gridMoments(logp, logZ, this.grid);
    return {
      version: ++this.fieldVersion,
      dim: this.target.dim,
      domain: this.grid.domain,
      nx: this.grid.nx,
      ny: this.grid.ny,
      logp,
      logZ,
      edgeMass,
      mean,
      cov,
      exact: this.target.exact?.(params) ?? {},
    };
  }
}

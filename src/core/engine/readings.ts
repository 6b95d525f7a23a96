import { cuboFromLogWeights, elboFromLogWeights } from '../exact/bounds';
import type { Grid } from '../exact/grid';
import { psisKhat } from '../exact/psis';
import type { Moments } from '../families/types';
import type { ObjectiveSpec } from '../objectives/types';
import { fitWarnings, klReadouts, unresolvedOnGrid } from './readouts';
import type { Readings, TargetField } from './snapshot';

/** What the expensive read-outs are computed from (engine/evaluation.ts makes logw and logq). */
export interface ReadingsInputs {
  /** log w = log p̃(z) − log q(z) at fresh draws z ~ q (null: q has no density). */
  readonly logw: Float64Array | null;
  /** log q on the plot grid (null: not known there). */
  readonly logq: Float32Array | null;
  readonly field: TargetField;
  readonly grid: Grid;
  readonly objective: ObjectiveSpec;
  readonly objectiveOptions: Readonly<Record<string, number>>;
  readonly hasDensity: boolean;
  readonly moments: Moments;
  readonly step: number;
  readonly gradSnr: number | null;
  readonly gradSnrStep: number;
  readonly evalSamples: number;
}

/**
 * The ELBO and its standard error, the objective's bound, CUBO₂ and PSIS k̂ from the evaluation
 * batch; the KLs by quadrature or log Z − ELBO (readouts.ts); the warnings (docs/math.md#the-read-outs).
 */
export function readingsOf(a: ReadingsInputs): Readings {
  const { logw, logq, field, grid } = a;
  const elbo = logw ? elboFromLogWeights(logw) : null;
  const khat = logw ? psisKhat(logw) : null;
  const kl = klReadouts({ logq, logp: field.logp, logZ: field.logZ, grid, elbo: elbo ? { value: elbo.value, stdErr: elbo.stdErr } : null, hasDensity: a.hasDensity });
  return {
    readoutStep: a.step,
    elbo: elbo?.value ?? null,
    elboStdErr: elbo?.stdErr ?? null,
    evalSamples: a.evalSamples,
    objectiveBound: logw ? a.objective.bound(logw, a.objectiveOptions) : null,
    cubo: logw ? cuboFromLogWeights(logw) : null,
    khat,
    gradSnr: a.gradSnr,
    gradSnrStep: a.gradSnrStep,
    logZ: field.logZ,
    ...kl,
    warnings: fitWarnings({ ...kl, khat, qUnresolved: unresolvedOnGrid(a.moments.mean, a.moments.cov, grid) }),
    logq,
    fieldVersion: field.version,
  };
}

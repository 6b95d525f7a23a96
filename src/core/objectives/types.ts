import type { FamilyInit, VariationalFamily } from '../families/types';
import type { TargetSpec } from '../targets/types';
import type { Scalar, Tensor2D, TF } from '../tfTypes';

export type { FamilyInit };

export interface ObjectiveContext {
  readonly tf: TF;
  readonly target: TargetSpec;
  readonly params: Readonly<Record<string, number>>;
  readonly family: VariationalFamily;
  /** Standard-normal noise of shape [samples, dim] for this step. */
  readonly eps: Tensor2D;
}

/** An objective is a loss to MINIMISE whose negative is the bound shown to the learner. */
export interface ObjectiveSpec {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  loss(ctx: ObjectiveContext): Scalar;
}

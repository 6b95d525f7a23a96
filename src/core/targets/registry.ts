import { banana } from './banana';
import { bimodal1d } from './bimodal1d';
import { correlatedGaussian } from './correlatedGaussian';
import type { TargetSpec } from './types';

/** Every target the playground offers, in picker order. Adding one is one file plus one line here. */
export const targets: readonly TargetSpec[] = [correlatedGaussian, banana, bimodal1d];

export function findTarget(id: string): TargetSpec | undefined {
  return targets.find((t) => t.id === id);
}

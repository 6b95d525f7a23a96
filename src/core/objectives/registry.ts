import { cubo } from './cubo';
import { forwardKl } from './forwardKl';
import { iwae } from './iwae';
import { renyi } from './renyi';
import { reverseKl } from './reverseKl';
import type { ObjectiveSpec } from './types';

/** Every objective, in picker order; reverse KL first (it is the default). One file plus one line here. */
export const objectives: readonly ObjectiveSpec[] = [reverseKl, forwardKl, iwae, renyi, cubo];

export function findObjective(id: string): ObjectiveSpec | undefined {
  return objectives.find((o) => o.id === id);
}

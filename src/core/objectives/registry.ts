import { reverseKl } from './reverseKl';
import type { ObjectiveSpec } from './types';

export const objectives: readonly ObjectiveSpec[] = [reverseKl];

export function findObjective(id: string): ObjectiveSpec | undefined {
  return objectives.find((o) => o.id === id);
}

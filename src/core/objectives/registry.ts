import { cubo } from './cubo';
import { forwardKl } from './forwardKl';
import { iwae } from './iwae';
import { renyi } from './renyi';
import { reverseKl } from './reverseKl';
import type { ObjectiveInfo } from './types';

/**
 * Every objective's catalogue entry, in picker order; reverse KL first (it is the default): what
 * the page reads. Adding one is `<id>.ts` (its info) and `<id>.loss.ts` (its loss and bound), plus
 * one line here and one in losses.ts (docs/architecture.md#registries).
 */
export const objectives: readonly ObjectiveInfo[] = [reverseKl, forwardKl, iwae, renyi, cubo];

/** The objective's catalogue entry; the engine's findObjective (losses.ts) adds its loss. */
export function findObjectiveInfo(id: string): ObjectiveInfo | undefined {
  return objectives.find((o) => o.id === id);
}

import { cuboLoss } from './cubo.loss';
import { forwardKlLoss } from './forwardKl.loss';
import { iwaeLoss } from './iwae.loss';
import { renyiLoss } from './renyi.loss';
import { reverseKlLoss } from './reverseKl.loss';
import { objectives } from './registry';
import type { ObjectiveInfo, ObjectiveLoss, ObjectiveSpec } from './types';

/**
 * Each objective's loss and read-out bound by id. Only the engine, the CLI and the tests import
 * this file, so the page's bundle holds the catalogue (registry.ts) without the losses
 * (docs/architecture.md#registries). One line per objective, beside its line in registry.ts.
 */
const losses: Readonly<Record<string, ObjectiveLoss>> = {
  'reverse-kl': reverseKlLoss,
  'forward-kl': forwardKlLoss,
  iwae: iwaeLoss,
  renyi: renyiLoss,
  cubo: cuboLoss,
};

function withLoss(info: ObjectiveInfo): ObjectiveSpec {
  const loss = losses[info.id];
  if (!loss) throw new Error(`objective ${info.id} is in registry.ts but not in losses.ts`);
  return { ...info, ...loss };
}

/** Every objective with its loss, in picker order (the engine's and the tests' list). */
export const objectiveSpecs: readonly ObjectiveSpec[] = objectives.map(withLoss);

/** The whole objective (catalogue and loss) for the engine; the page uses findObjectiveInfo. */
export function findObjective(id: string): ObjectiveSpec | undefined {
  return objectiveSpecs.find((o) => o.id === id);
}

import type { FittedBy } from '../../core/families/types';
import type { EstimatorSpec, ObjectiveInfo } from '../../core/objectives/types';
import { enMath } from '../i18n/en/math';
import type { Words } from '../i18n/words';

/** The captions fitTex words (the math section's, docs/i18n.md). */
export type FitWords = Pick<Words, 'mathByMap' | 'mathByOwnUpdate' | 'mathObjective' | 'mathGradientExact' | 'mathEstimator' | 'mathEstimatorNote'>;

/** What the math panel shows for how q is fitted (docs/math.md#the-math-on-screen). */
export interface FitTex {
  readonly objectiveLabel: string;
  readonly objective: string;
  readonly estimatorLabel: string;
  /** null: no gradient estimator applies (the family has its own rule, or the gradient is exact). */
  readonly estimator: string | null;
  readonly note: string | null;
}

/** MAP families maximise log p̃ at a point; SVGD moves its particles by the kernelised Stein direction. */
const MAP = String.raw`\hat\theta = \arg\max_\theta\ \log \tilde p(\theta)`;
const SVGD = String.raw`\theta_i \leftarrow \theta_i + \epsilon\,\hat\phi(\theta_i),\quad \hat\phi(\theta) = \frac{1}{n}\sum_{j=1}^{n}\big[k(\theta_j, \theta)\,\nabla_{\theta_j} \log \tilde p(\theta_j) + \nabla_{\theta_j} k(\theta_j, \theta)\big]`;
/** Forward KL's gradient is exact on the grid: no sampling, so no estimator (docs/math.md#forward-kl). */
const FORWARD_GRADIENT = String.raw`\nabla_\phi \mathrm{KL}(p\,\|\,q_\phi) = -\sum_i w_i\, \nabla_\phi \log q_\phi(\theta_i),\quad w_i = p(\theta_i)\,\Delta A_i`;

/**
 * @param w the captions in the language on screen (English by default)
 * @param names the objective's and the estimator's names as the page words them (their specs' by default)
 */
export function fitTex(
  fittedBy: FittedBy,
  objective: ObjectiveInfo,
  estimator: EstimatorSpec,
  w: FitWords = enMath,
  names: { readonly objective: string; readonly estimator: string } = { objective: objective.name, estimator: estimator.name },
): FitTex {
  if (fittedBy === 'map') return { objectiveLabel: w.mathByMap, objective: MAP, estimatorLabel: '', estimator: null, note: null };
  if (fittedBy === 'own-update') return { objectiveLabel: w.mathByOwnUpdate, objective: SVGD, estimatorLabel: '', estimator: null, note: null };
  if (objective.id === 'forward-kl') {
    return { objectiveLabel: w.mathObjective(names.objective), objective: objective.tex, estimatorLabel: w.mathGradientExact, estimator: FORWARD_GRADIENT, note: null };
  }
  return {
    objectiveLabel: w.mathObjective(names.objective),
    objective: objective.tex,
    estimatorLabel: w.mathEstimator(names.estimator),
    estimator: estimator.tex,
    note: objective.id === 'reverse-kl' ? null : w.mathEstimatorNote(names.objective),
  };
}

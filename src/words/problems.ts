import { ConfigError, type PlacedProblem } from '../core/config';
import type { Problem } from '../core/rules';

/**
 * English words for the codes of src/core/rules.ts. Core returns codes with parameters; the
 * worker, the CLI, the link reader and the UI word them here, so every caller says the same
 * thing, and a second language is a second table of the same keys (src/ui/i18n/zh/notices.ts).
 * Each entry is a function of already formatted strings, as the page's dictionary wants.
 */
export const englishProblemWords = {
  problemSamplesBelowK: (samples: string, K: string) => `samples per step (${samples}) must be at least K = ${K}`,
  problemSamplesBelowKFor: (samples: string, K: string, objective: string) => `samples per step (${samples}) must be at least K = ${K} for ${objective}`,
  problemFamilyDim: (family: string, target: string, reason: string) => `${family} cannot fit ${target}: ${reason}`,
  problemObjectiveFamily: (objective: string, family: string, reason: string) => `${objective} cannot fit ${family}: ${reason}`,
  problemEstimatorObjective: (objective: string, estimators: string, estimator: string) => `${objective} works with the ${estimators} estimator(s), not ${estimator}`,
  problemEstimatorDensity: (estimator: string, family: string) => `the ${estimator} estimator needs log q at any point, which ${family} does not have`,
  problemRunCount: (max: string, got: string) => `a session compares 1 to ${max} runs, got ${got}`,
  problemListLength: (key: string, got: string, runs: string) => `${key} has ${got} values for ${runs} runs: give one value for every run or one per run`,
  problemAt: (path: string, text: string) => `${path}: ${text}`,
};

export type ProblemWords = { readonly [K in keyof typeof englishProblemWords]: (...a: Parameters<(typeof englishProblemWords)[K]>) => string };

/** A problem in the table's language. */
export function wordProblemIn(p: Problem, t: ProblemWords): string {
  switch (p.code) {
    case 'samples-below-k':
      return p.objective ? t.problemSamplesBelowKFor(String(p.samples), String(p.K), p.objective) : t.problemSamplesBelowK(String(p.samples), String(p.K));
    case 'family-dim':
      return t.problemFamilyDim(p.family, p.target, p.reason);
    case 'objective-family':
      return t.problemObjectiveFamily(p.objective, p.family, p.reason);
    case 'estimator-objective':
      return t.problemEstimatorObjective(p.objective, p.estimators.join(', '), p.estimator);
    case 'estimator-density':
      return t.problemEstimatorDensity(p.estimator, p.family);
    case 'run-count':
      return t.problemRunCount(String(p.max), String(p.got));
    case 'list-length':
      return t.problemListLength(p.key, String(p.got), String(p.runs));
    case 'text':
      return p.text;
  }
}

/** A schema's refusal, each problem at its place, in the table's language. */
export function wordPlacedIn(problems: readonly PlacedProblem[], t: ProblemWords, separator: string): string {
  return problems.map((p) => (p.path ? t.problemAt(p.path, wordProblemIn(p.problem, t)) : wordProblemIn(p.problem, t))).join(separator);
}

/** English words for a rules.ts problem (the CLI, the worker, the embed API, the link reader). */
export function wordProblem(p: Problem): string {
  return wordProblemIn(p, englishProblemWords);
}

/** An error's message, with a ConfigError's codes put into words. */
export function wordError(e: unknown): string {
  if (e instanceof ConfigError) return wordPlacedIn(e.problems, englishProblemWords, '; ');
  return e instanceof Error ? e.message : String(e);
}

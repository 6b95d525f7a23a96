import { ConfigError } from '../core/config';
import type { Problem } from '../core/rules';

/**
 * English words for the codes of src/core/rules.ts. Core returns codes with parameters; the
 * worker, the CLI, the link reader and the UI word them here, so every caller says the same
 * thing, and a second language is a second table.
 */
export function wordProblem(p: Problem): string {
  switch (p.code) {
    case 'samples-below-k':
      return `samples per step (${p.samples}) must be at least K = ${p.K}${p.objective ? ` for ${p.objective}` : ''}`;
    case 'family-dim':
      return `${p.family} cannot fit ${p.target}: ${p.reason}`;
    case 'objective-family':
      return `${p.objective} cannot fit ${p.family}: ${p.reason}`;
    case 'estimator-objective':
      return `${p.objective} works with the ${p.estimators.join(', ')} estimator(s), not ${p.estimator}`;
    case 'estimator-density':
      return `the ${p.estimator} estimator needs log q at any point, which ${p.family} does not have`;
    case 'run-count':
      return `a session compares 1 to ${p.max} runs, got ${p.got}`;
    case 'list-length':
      return `${p.key} has ${p.got} values for ${p.runs} runs: give one value for every run or one per run`;
    case 'text':
      return p.text;
  }
}

/** An error's message, with a ConfigError's codes put into words. */
export function wordError(e: unknown): string {
  if (e instanceof ConfigError) return e.problems.map((p) => (p.path ? `${p.path}: ` : '') + wordProblem(p.problem)).join('; ');
  return e instanceof Error ? e.message : String(e);
}

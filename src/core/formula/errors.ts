import { type FormulaProblem, formulaMessage } from './problems';

export { column } from './problems';

/**
 * A mistake in a typed formula. `position` is the 0-based offset of the offending character (the
 * formula's length for "unexpected end"), for the caret; messages speak in 1-based columns, as
 * editors and learners count. `problem` is the mistake as a code, which the page words in its
 * language; `message` is its English.
 */
export class FormulaError extends Error {
  readonly position: number;
  readonly problem: FormulaProblem;

  constructor(problem: FormulaProblem, position: number) {
    super(formulaMessage(problem));
    this.name = 'FormulaError';
    this.problem = problem;
    this.position = position;
  }
}

/**
 * The formula on one line and a caret under the offending column, for a monospace box in the UI:
 * "x + # y\n    ^". Tabs and newlines are shown as single spaces so that the caret lines up.
 */
export function renderCaret(formula: string, position: number): string {
  const flat = formula.replace(/\s/g, ' ');
  const at = Math.max(0, Math.min(position, flat.length));
  return `${flat}\n${' '.repeat(at)}^`;
}

/** Optimal-string-alignment distance: counts a swapped pair ("lgo" → "log") as one edit. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Names people type for ours (other languages' spellings). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['ln', 'log'],
  ['logistic', 'sigmoid'],
  ['expit', 'sigmoid'],
  ['lse', 'logsumexp'],
]);

/**
 * The known name a typo most likely meant, or null. Short names get one edit of slack, longer ones
 * two, so "z" is not "corrected" to "e" while "expp" → "exp" and "sofplus" → "softplus" are.
 */
export function suggest(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const alias = ALIASES.get(lower);
  if (alias && known.includes(alias)) return alias;
  if (known.includes(lower)) return lower;
  const slack = name.length >= 6 ? 2 : name.length >= 3 ? 1 : 0;
  let best: string | null = null;
  let bestD = slack + 1;
  for (const k of known) {
    // Too different in length to be within the slack: skip the O(n·m) table (names can be long).
    if (Math.abs(k.length - lower.length) > slack) continue;
    const dist = editDistance(lower, k);
    if (dist < bestD) {
      best = k;
      bestD = dist;
    }
  }
  return best;
}

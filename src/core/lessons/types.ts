/**
 * A lesson (docs/lessons.md): a configuration of the playground, a short text about it, what to
 * watch, a question, one or two "try this" changes, and the numbers its text states with where
 * the page shows each. Like a target's description, its prose is content, kept in its own file.
 */

/**
 * Where the page shows a number a lesson states: a run's read-out (docs/math.md#the-read-outs),
 * a moment of run's q (coordinate `coord`), the mean of the model's parameter under q for a
 * constrained target (E_q[g(u)]), or the EM fixed point the lesson draws (coordinate `coord`).
 */
export type LessonReading =
  | 'klQP'
  | 'klPQ'
  | 'elbo'
  | 'logZ'
  | 'khat'
  | 'bound'
  | 'gradSnr'
  | 'mean'
  | 'variance'
  | 'constrainedMean'
  | 'emFixedPoint';

interface ClaimBase {
  /** Which run's read-out (0-based, as session.runs). */
  readonly run: number;
  readonly reading: LessonReading;
  /** For mean, variance and emFixedPoint: the coordinate (0 or 1). */
  readonly coord?: number;
}

/** A number the text states: the page must show value ± tolerance, or a value above or below a threshold. */
export type LessonClaim =
  | (ClaimBase & { readonly value: number; readonly tolerance: number })
  | (ClaimBase & { readonly above: number })
  | (ClaimBase & { readonly below: number });

/** A "try this" button: flat link keys applied over the current session (docs/link-format.md). */
export interface LessonTry {
  readonly label: string;
  readonly change: Readonly<Record<string, string>>;
}

/** Something a lesson draws on the 2D plot beside p and q (computed in core from the target's parameters). */
export type LessonOverlay = 'em-path';

export interface LessonSpec {
  readonly id: string;
  readonly title: string;
  /**
   * The session, as the link writes it (`target=…&family=…`, docs/link-format.md). It goes through
   * the link reader, so a lesson cannot hold a configuration the page would refuse (tested).
   */
  readonly link: string;
  /** At most 150 words (tested). Unicode maths, no markup. */
  readonly text: string;
  readonly watch: string;
  readonly question: string;
  readonly tries: readonly LessonTry[];
  /** Every number the text states, and where the page shows it (e2e/lessons.spec.ts reads them). */
  readonly claims: readonly LessonClaim[];
  readonly overlay?: LessonOverlay;
  /** Where the lesson's example comes from (docs/references.md). */
  readonly source?: string;
}

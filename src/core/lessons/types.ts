/**
 * A lesson (docs/lessons.md): a configuration of the playground, a short text about it, what to
 * watch, a question, one or two "try this" changes, and the numbers its text states with where
 * the page shows each. The spec (`<id>.ts`) holds what the link reader and the store need at
 * once; the prose in both languages (`<id>.prose.ts`, beside it) loads when the lesson opens, so
 * that the page's first JS carries no lesson text (issue 9's budget).
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

/** A "try this" button: flat link keys applied over the current session (docs/link-format.md); its label is in the prose. */
export interface LessonTry {
  readonly change: Readonly<Record<string, string>>;
}

/** The languages a lesson is written in (the page's, src/words/lang.ts; core does not import words). */
export interface InBothLanguages<T> {
  readonly en: T;
  readonly zh: T;
}

/** A lesson's prose in one language. */
export interface LessonWords {
  /** English: at most 150 words (tested). Unicode maths, no markup; `\n` separates paragraphs. */
  readonly text: string;
  readonly watch: string;
  readonly question: string;
  /** One label per try, in the spec's order. */
  readonly tries: readonly string[];
}

/** A lesson's prose file: both languages, and where the example comes from (docs/references.md). */
export interface LessonProse extends InBothLanguages<LessonWords> {
  readonly source?: string;
}

/** Something a lesson draws on the 2D plot beside p and q (computed in core from the target's parameters). */
export type LessonOverlay = 'em-path';

export interface LessonSpec {
  readonly id: string;
  /** Short: the menu lists every title, so they are in the page's first JS. */
  readonly title: InBothLanguages<string>;
  /**
   * The session, as the link writes it (`target=…&family=…`, docs/link-format.md). It goes through
   * the link reader, so a lesson cannot hold a configuration the page would refuse (tested).
   */
  readonly link: string;
  readonly tries: readonly LessonTry[];
  /** Every number the text states, and where the page shows it (e2e/lessons.spec.ts reads them). */
  readonly claims: readonly LessonClaim[];
  /**
   * The step by which the claims hold and keep holding (default 500): a deep flow is still
   * finding both halves of its target at 1,000 steps on some seeds (flows.ts).
   */
  readonly settlesBy?: number;
  readonly overlay?: LessonOverlay;
  /** The prose (`<id>.prose.ts`), a chunk of its own loaded when the lesson opens. */
  readonly prose: () => Promise<LessonProse>;
}

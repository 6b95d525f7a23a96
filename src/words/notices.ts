import type { PlacedProblem } from '../core/config';
import type { Problem } from '../core/rules';
import { englishNoteWords, type Fallback, type FlatNote, type NoteWords, noteText } from '../core/flatNotes';
import { englishProblemWords, type ProblemWords, wordPlacedIn, wordProblemIn } from './problems';

/** Why the engine worker was replaced (workerSupervisor.ts). */
export type FaultReason = { readonly code: 'threw'; readonly text: string } | { readonly code: 'silent'; readonly seconds: number };

/**
 * A notice as the store keeps it: a code with parameters, worded when it is shown, in the
 * language on screen then (a switch rewords the notices already there). English: the tables
 * below and beside (flatNotes.ts, problems.ts); 简体中文: src/ui/i18n/zh/notices.ts.
 */
export type NoticeMessage =
  /** Something the link asked for that could not be done as asked. */
  | { readonly code: 'link'; readonly note: FlatNote }
  /** A change made in the page that the rules adjusted (a family that cannot fit, samples below K). */
  | { readonly code: 'adjusted'; readonly note: FlatNote }
  /** A change refused by the schema (nothing changed). */
  | { readonly code: 'refused'; readonly problems: readonly PlacedProblem[] }
  /** The worker failed and was replaced; `step` is where its runs carried on (0: from the start). */
  | { readonly code: 'restarted'; readonly reason: FaultReason; readonly step: number }
  /** The worker failed `faults` times in a minute and was left stopped. */
  | { readonly code: 'gave-up'; readonly reason: FaultReason; readonly faults: number }
  /** The GPU context was lost and the engine carried on on cpu from `step`. */
  | { readonly code: 'webgl-lost'; readonly step: number }
  /** The engine's own words (an exception's message): shown as they are, in a frame of the page's language. */
  | { readonly code: 'engine-text'; readonly text: string };

export const englishNoticeWords = {
  noticeLink: (text: string) => `Link: ${text}`,
  noticeFaultThrew: (text: string) => `it threw an error: ${text}`,
  noticeFaultSilent: (seconds: string) => `it stopped answering for ${seconds} s`,
  noticeRestarted: (reason: string) => `The engine stopped unexpectedly (${reason}); it was restarted.`,
  noticeRestartedFrom: (reason: string, step: string) => `The engine stopped unexpectedly (${reason}); it was restarted and carried on from step ${step}.`,
  noticeGaveUp: (faults: string, reason: string) =>
    `The engine stopped ${faults} times within a minute (last: ${reason}), so it was not restarted again. Reload the page to start afresh; your settings are kept in the link.`,
  noticeWebglLost: (step: string) => `WebGL stopped working (the GPU context was lost). The engine switched to the cpu backend and carried on from step ${step}; it may be slower.`,
  noticeEngineText: (text: string) => text,
};

/** Every table a notice is worded with: one language's words for notes, problems and notices. */
export type NoticeWords = NoteWords &
  ProblemWords & { readonly [K in keyof typeof englishNoticeWords]: (...a: Parameters<(typeof englishNoticeWords)[K]>) => string };

/** The English tables together: what the CLI, the embed API and an English page say. */
export const englishNotices: NoticeWords = { ...englishNoteWords, ...englishProblemWords, ...englishNoticeWords };

/** How a notice's numbers and lists are written in one language. */
export interface NoticeStyle {
  readonly count: (n: number) => string;
  /** Between the problems of one refusal. */
  readonly separator: string;
  /** The problem with its specs' names and reasons in this language (by its ids); as it is when absent. */
  readonly names?: (p: Problem) => Problem;
  /** The same for a fallback that names a family. */
  readonly fallbackNames?: (f: Fallback) => Fallback;
}

function faultText(r: FaultReason, t: NoticeWords, style: NoticeStyle): string {
  return r.code === 'threw' ? t.noticeFaultThrew(r.text) : t.noticeFaultSilent(style.count(r.seconds));
}

/** A notice in the table's language. */
export function wordNoticeIn(m: NoticeMessage, t: NoticeWords, style: NoticeStyle): string {
  const named = style.names ?? ((p: Problem) => p);
  const word = (p: Problem) => wordProblemIn(named(p), t);
  const named_ = (n: FlatNote): FlatNote => (n.fallback && style.fallbackNames ? { ...n, fallback: style.fallbackNames(n.fallback) } : n);
  switch (m.code) {
    case 'link':
      return t.noticeLink(noteText(named_(m.note), t, word));
    case 'adjusted':
      return noteText(named_(m.note), t, word);
    case 'refused':
      return wordPlacedIn(
        m.problems.map((p) => ({ ...p, problem: named(p.problem) })),
        t,
        style.separator,
      );
    case 'restarted':
      return m.step > 0 ? t.noticeRestartedFrom(faultText(m.reason, t, style), style.count(m.step)) : t.noticeRestarted(faultText(m.reason, t, style));
    case 'gave-up':
      return t.noticeGaveUp(style.count(m.faults), faultText(m.reason, t, style));
    case 'webgl-lost':
      return t.noticeWebglLost(style.count(m.step));
    case 'engine-text':
      return t.noticeEngineText(m.text);
  }
}

const englishCount = (n: number) => Math.round(n).toLocaleString('en-US');

/** A notice in English (the embed API's messages). */
export function wordNotice(m: NoticeMessage): string {
  return wordNoticeIn(m, englishNotices, { count: englishCount, separator: '; ' });
}

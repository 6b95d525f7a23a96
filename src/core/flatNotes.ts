import { echo, type NumberWhy } from './numbers';
import type { Problem } from './rules';

/**
 * What the lenient reader of a link (or the CLI's flat settings) had to do about a value, as
 * codes with parameters: the page words them in the language on screen at the moment it shows
 * them (src/ui/i18n/…/notices.ts), the CLI and the embed API in English (englishNoteWords).
 * User text in them is already cut to a quotable length (echo).
 */
export type FlatMessage =
  /** A rules.ts problem (run count, list length, a family that cannot fit, samples below K). */
  | { readonly code: 'rule'; readonly problem: Problem }
  | { readonly code: 'number'; readonly key: string; readonly got: string; readonly why: NumberWhy }
  /** An unknown or empty choice (`got` is '' when empty). */
  | { readonly code: 'choice'; readonly key: string; readonly got: string; readonly valid: readonly string[] }
  /** A formula that cannot be a target: `reason` is the formula checker's own sentence. */
  | { readonly code: 'formula'; readonly formula: string; readonly reason: string }
  /** A message carried as it is (the formula box's reader). */
  | { readonly code: 'text'; readonly text: string }
  /** Settings the reader does not know, named (a few) and counted. */
  | { readonly code: 'unknown-settings'; readonly names: readonly string[]; readonly count: number; readonly valid: readonly string[] }
  // The view's keys (src/state/url.ts): the link, not the session.
  /** Parts of the link that are not %-encoded right: the first, as an example, and how many. */
  | { readonly code: 'bad-encoding'; readonly first: string; readonly count: number }
  | { readonly code: 'autoplay'; readonly got: string }
  | { readonly code: 'view-choice'; readonly key: 'theme' | 'lang'; readonly got: string; readonly valid: readonly string[] }
  | { readonly code: 'lesson'; readonly got: string; readonly valid: readonly string[] }
  | { readonly code: 'hide'; readonly unknown: readonly string[]; readonly valid: readonly string[] }
  | { readonly code: 'origin'; readonly got: string };

/** What was done instead. */
export type Fallback =
  /** `family`: the fallback is that family (its id), so a page in another language names it. */
  | { readonly code: 'using'; readonly value: string; readonly family?: string }
  | { readonly code: 'default-target'; readonly name: string }
  | { readonly code: 'first-runs'; readonly max: number }
  | { readonly code: 'default-every-run' }
  | { readonly code: 'same-every-run'; readonly value: string }
  | { readonly code: 'objective-reparam'; readonly objective: string }
  | { readonly code: 'ignored'; readonly count: number }
  | { readonly code: 'no-autoplay' }
  | { readonly code: 'system-theme' }
  | { readonly code: 'browser-lang' }
  | { readonly code: 'no-lesson' }
  | { readonly code: 'shown'; readonly count: number }
  | { readonly code: 'no-host' };

/** One thing the reader did about one value; `run` (0-based) when it concerns one run of several. */
export interface FlatNote {
  readonly run?: number;
  readonly message: FlatMessage;
  /** null: the message says it all (unknown settings are "ignored"). */
  readonly fallback: Fallback | null;
}

/** At most this many unknown names are listed, in at most this many characters. */
export const MAX_LISTED = 10;
const MAX_LIST_CHARS = 200;

/** "a", "b", … quoted and cut, so 100,000 junk keys make one short sentence, not megabytes. */
export function listNames(names: readonly string[], count = names.length): string {
  let text = '';
  let shown = 0;
  for (const n of names) {
    const item = `"${echo(n)}"`;
    if (shown === MAX_LISTED || text.length + item.length > MAX_LIST_CHARS) break;
    text += shown === 0 ? item : `, ${item}`;
    shown++;
  }
  return shown < count ? `${text}, …` : text;
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * The English words of a note, one function of already formatted strings per code (a second
 * language is a second table of the same keys: src/ui/i18n/zh/notices.ts). English stays here,
 * beside the codes, because the CLI and core's own tests read it.
 */
export const englishNoteWords = {
  noteRun: (run: string, message: string) => `run ${run}: ${message}`,
  noteOr: (a: string, b: string) => `${a} or ${b}`,
  noteWithFallback: (message: string, fallback: string) => `${message}; ${fallback}.`,
  noteNotNumber: (key: string, got: string) => `${key} must be a plain decimal number (got "${got}")`,
  noteUnderflow: (key: string, got: string) => `${key} is too close to 0 to represent; write 0 if you mean 0 (got "${got}")`,
  noteTooSmall: (key: string, min: string, got: string) => `${key} must be ≥ ${min} (got "${got}")`,
  noteTooLarge: (key: string, max: string, got: string) => `${key} must be ≤ ${max} (got "${got}")`,
  noteNotInteger: (key: string, got: string) => `${key} must be an integer (got "${got}")`,
  noteChoiceEmpty: (key: string, valid: string) => `${key} is empty; valid: ${valid}`,
  noteChoiceUnknown: (key: string, got: string, valid: string) => `unknown ${key} "${got}"; valid: ${valid}`,
  noteFormulaUnusable: (formula: string, reason: string) => `formula "${formula}": ${reason}`,
  noteUnknownSetting: (name: string) => `ignored unknown setting "${name}".`,
  noteUnknownSettingError: (name: string, valid: string) => `unknown setting "${name}"; valid: ${valid}`,
  noteUnknownSettings: (count: string, list: string) => `${count} unknown settings ignored: ${list}.`,
  noteUnknownSettingsError: (count: string, list: string, valid: string) => `${count} unknown settings: ${list}; valid: ${valid}`,
  noteBadEncodingOne: (part: string) => `could not read "${part}" in the link (bad %-encoding)`,
  noteBadEncodingMany: (count: string, part: string) => `could not read ${count} parts of the link (bad %-encoding), e.g. "${part}"`,
  noteAutoplayBad: (got: string) => `autoplay must be 1 or 0 (got "${got}")`,
  noteThemeBad: (valid: string, got: string) => `theme must be ${valid} (got "${got}")`,
  noteLangBad: (valid: string, got: string) => `lang must be ${valid} (got "${got}")`,
  noteLessonUnknown: (got: string, valid: string) => `unknown lesson "${got}"; valid: ${valid}`,
  noteHideUnknownOne: (part: string, valid: string) => `hide: unknown part ${part} (valid: ${valid})`,
  noteHideUnknownMany: (parts: string, valid: string) => `hide: unknown parts ${parts} (valid: ${valid})`,
  noteOriginBad: (got: string) => `origin must be a page's origin such as https://course.example.org (got "${got}")`,
  noteUsingValue: (value: string) => `using ${value}`,
  noteUsingDefaultTarget: (name: string) => `using the default target, ${name}`,
  noteUsingFirstRuns: (max: string) => `using the first ${max}`,
  noteUsingDefaultEveryRun: 'using the default for every run',
  noteUsingSameEveryRun: (value: string) => `using "${value}" for every run`,
  noteUsingObjectiveReparam: (objective: string) => `using ${objective} with the reparam estimator`,
  noteIgnoredIt: 'ignored it',
  noteIgnoredThem: 'ignored them',
  noteNotStartingItself: 'not starting by itself',
  noteFollowingSystemTheme: "following the system's theme",
  noteUsingBrowserLang: "using the browser's language",
  noteShowingNoLesson: 'showing no lesson',
  noteShowingIt: 'showing it',
  noteShowingThem: 'showing them',
  noteTalkingToNoHost: 'talking to no host page',
};

/** A table of a note's words in one language: the same keys as the English one. */
export type NoteWords = { readonly [K in keyof typeof englishNoteWords]: (typeof englishNoteWords)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

/** How `lr must be` etc. are said: a number's refusal, with what was typed. */
function numberText(t: NoteWords, key: string, got: string, why: NumberWhy): string {
  switch (why.code) {
    case 'not-number':
      return t.noteNotNumber(key, got);
    case 'underflow':
      return t.noteUnderflow(key, got);
    case 'too-small':
      return t.noteTooSmall(key, String(why.min), got);
    case 'too-large':
      return t.noteTooLarge(key, String(why.max), got);
    case 'not-integer':
      return t.noteNotInteger(key, got);
  }
}

/** A note's message in the table's language, without the fallback (a strict caller's refusal). */
export function noteMessage(note: FlatNote, t: NoteWords, word: (p: Problem) => string): string {
  const text = messageText(note.message, t, word);
  return note.run === undefined ? text : t.noteRun(String(note.run + 1), text);
}

function messageText(m: FlatMessage, t: NoteWords, word: (p: Problem) => string): string {
  switch (m.code) {
    case 'rule':
      return word(m.problem);
    case 'number':
      return numberText(t, m.key, m.got, m.why);
    case 'choice':
      return m.got === '' ? t.noteChoiceEmpty(m.key, m.valid.join(', ')) : t.noteChoiceUnknown(m.key, m.got, m.valid.join(', '));
    case 'formula':
      return t.noteFormulaUnusable(m.formula, m.reason);
    case 'text':
      return m.text;
    case 'unknown-settings':
      return m.count === 1 ? t.noteUnknownSettingError(m.names[0], m.valid.join(', ')) : t.noteUnknownSettingsError(String(m.count), listNames(m.names, m.count), m.valid.join(', '));
    case 'bad-encoding':
      return m.count === 1 ? t.noteBadEncodingOne(m.first) : t.noteBadEncodingMany(String(m.count), m.first);
    case 'autoplay':
      return t.noteAutoplayBad(m.got);
    case 'view-choice':
      return m.key === 'theme' ? t.noteThemeBad(m.valid.join(', '), m.got) : t.noteLangBad(m.valid.reduce((a, b) => t.noteOr(a, b)), m.got);
    case 'lesson':
      return t.noteLessonUnknown(m.got, m.valid.join(', '));
    case 'hide':
      return m.unknown.length === 1 ? t.noteHideUnknownOne(quoted(m.unknown), m.valid.join(', ')) : t.noteHideUnknownMany(quoted(m.unknown), m.valid.join(', '));
    case 'origin':
      return t.noteOriginBad(m.got);
  }
}

function fallbackText(f: Fallback, t: NoteWords): string {
  switch (f.code) {
    case 'using':
      return t.noteUsingValue(f.value);
    case 'default-target':
      return t.noteUsingDefaultTarget(f.name);
    case 'first-runs':
      return t.noteUsingFirstRuns(String(f.max));
    case 'default-every-run':
      return t.noteUsingDefaultEveryRun;
    case 'same-every-run':
      return t.noteUsingSameEveryRun(f.value);
    case 'objective-reparam':
      return t.noteUsingObjectiveReparam(f.objective);
    case 'ignored':
      return f.count > 1 ? t.noteIgnoredThem : t.noteIgnoredIt;
    case 'no-autoplay':
      return t.noteNotStartingItself;
    case 'system-theme':
      return t.noteFollowingSystemTheme;
    case 'browser-lang':
      return t.noteUsingBrowserLang;
    case 'no-lesson':
      return t.noteShowingNoLesson;
    case 'shown':
      return f.count > 1 ? t.noteShowingThem : t.noteShowingIt;
    case 'no-host':
      return t.noteTalkingToNoHost;
  }
}

/** A note with what was done instead (the page's notice); unknown settings say "ignored" themselves. */
export function noteText(note: FlatNote, t: NoteWords, word: (p: Problem) => string): string {
  const m = note.message;
  if (m.code === 'unknown-settings') return m.count === 1 ? t.noteUnknownSetting(m.names[0]) : t.noteUnknownSettings(String(m.count), listNames(m.names, m.count));
  const message = noteMessage(note, t, word);
  return note.fallback === null ? message : t.noteWithFallback(message, fallbackText(note.fallback, t));
}

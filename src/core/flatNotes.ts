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
  | { readonly code: 'using'; readonly value: string }
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
  noteWithFallback: (message: string, fallback: string) => `${message}; ${fallback}.`,
  notNumber: (key: string, got: string) => `${key} must be a plain decimal number (got "${got}")`,
  underflow: (key: string, got: string) => `${key} is too close to 0 to represent; write 0 if you mean 0 (got "${got}")`,
  tooSmall: (key: string, min: string, got: string) => `${key} must be ≥ ${min} (got "${got}")`,
  tooLarge: (key: string, max: string, got: string) => `${key} must be ≤ ${max} (got "${got}")`,
  notInteger: (key: string, got: string) => `${key} must be an integer (got "${got}")`,
  choiceEmpty: (key: string, valid: string) => `${key} is empty; valid: ${valid}`,
  choiceUnknown: (key: string, got: string, valid: string) => `unknown ${key} "${got}"; valid: ${valid}`,
  formulaUnusable: (formula: string, reason: string) => `formula "${formula}": ${reason}`,
  unknownSetting: (name: string) => `ignored unknown setting "${name}".`,
  unknownSettingError: (name: string, valid: string) => `unknown setting "${name}"; valid: ${valid}`,
  unknownSettings: (count: string, list: string) => `${count} unknown settings ignored: ${list}.`,
  unknownSettingsError: (count: string, list: string, valid: string) => `${count} unknown settings: ${list}; valid: ${valid}`,
  badEncodingOne: (part: string) => `could not read "${part}" in the link (bad %-encoding)`,
  badEncodingMany: (count: string, part: string) => `could not read ${count} parts of the link (bad %-encoding), e.g. "${part}"`,
  autoplayBad: (got: string) => `autoplay must be 1 or 0 (got "${got}")`,
  themeBad: (valid: string, got: string) => `theme must be ${valid} (got "${got}")`,
  langBad: (valid: string, got: string) => `lang must be ${valid} (got "${got}")`,
  lessonUnknown: (got: string, valid: string) => `unknown lesson "${got}"; valid: ${valid}`,
  hideUnknownOne: (part: string, valid: string) => `hide: unknown part ${part} (valid: ${valid})`,
  hideUnknownMany: (parts: string, valid: string) => `hide: unknown parts ${parts} (valid: ${valid})`,
  originBad: (got: string) => `origin must be a page's origin such as https://course.example.org (got "${got}")`,
  usingValue: (value: string) => `using ${value}`,
  usingDefaultTarget: (name: string) => `using the default target, ${name}`,
  usingFirstRuns: (max: string) => `using the first ${max}`,
  usingDefaultEveryRun: 'using the default for every run',
  usingSameEveryRun: (value: string) => `using "${value}" for every run`,
  usingObjectiveReparam: (objective: string) => `using ${objective} with the reparam estimator`,
  ignoredIt: 'ignored it',
  ignoredThem: 'ignored them',
  notStartingItself: 'not starting by itself',
  followingSystemTheme: "following the system's theme",
  usingBrowserLang: "using the browser's language",
  showingNoLesson: 'showing no lesson',
  showingIt: 'showing it',
  showingThem: 'showing them',
  talkingToNoHost: 'talking to no host page',
};

/** A table of a note's words in one language: the same keys as the English one. */
export type NoteWords = { readonly [K in keyof typeof englishNoteWords]: (typeof englishNoteWords)[K] extends (...a: infer A) => string ? (...a: A) => string : string };

/** How `lr must be` etc. are said: a number's refusal, with what was typed. */
function numberText(t: NoteWords, key: string, got: string, why: NumberWhy): string {
  switch (why.code) {
    case 'not-number':
      return t.notNumber(key, got);
    case 'underflow':
      return t.underflow(key, got);
    case 'too-small':
      return t.tooSmall(key, String(why.min), got);
    case 'too-large':
      return t.tooLarge(key, String(why.max), got);
    case 'not-integer':
      return t.notInteger(key, got);
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
      return m.got === '' ? t.choiceEmpty(m.key, m.valid.join(', ')) : t.choiceUnknown(m.key, m.got, m.valid.join(', '));
    case 'formula':
      return t.formulaUnusable(m.formula, m.reason);
    case 'text':
      return m.text;
    case 'unknown-settings':
      return m.count === 1 ? t.unknownSettingError(m.names[0], m.valid.join(', ')) : t.unknownSettingsError(String(m.count), listNames(m.names, m.count), m.valid.join(', '));
    case 'bad-encoding':
      return m.count === 1 ? t.badEncodingOne(m.first) : t.badEncodingMany(String(m.count), m.first);
    case 'autoplay':
      return t.autoplayBad(m.got);
    case 'view-choice':
      return m.key === 'theme' ? t.themeBad(m.valid.join(', '), m.got) : t.langBad(m.valid.join(' or '), m.got);
    case 'lesson':
      return t.lessonUnknown(m.got, m.valid.join(', '));
    case 'hide':
      return m.unknown.length === 1 ? t.hideUnknownOne(quoted(m.unknown), m.valid.join(', ')) : t.hideUnknownMany(quoted(m.unknown), m.valid.join(', '));
    case 'origin':
      return t.originBad(m.got);
  }
}

function fallbackText(f: Fallback, t: NoteWords): string {
  switch (f.code) {
    case 'using':
      return t.usingValue(f.value);
    case 'default-target':
      return t.usingDefaultTarget(f.name);
    case 'first-runs':
      return t.usingFirstRuns(String(f.max));
    case 'default-every-run':
      return t.usingDefaultEveryRun;
    case 'same-every-run':
      return t.usingSameEveryRun(f.value);
    case 'objective-reparam':
      return t.usingObjectiveReparam(f.objective);
    case 'ignored':
      return f.count > 1 ? t.ignoredThem : t.ignoredIt;
    case 'no-autoplay':
      return t.notStartingItself;
    case 'system-theme':
      return t.followingSystemTheme;
    case 'browser-lang':
      return t.usingBrowserLang;
    case 'no-lesson':
      return t.showingNoLesson;
    case 'shown':
      return f.count > 1 ? t.showingThem : t.showingIt;
    case 'no-host':
      return t.talkingToNoHost;
  }
}

/** A note with what was done instead (the page's notice); unknown settings say "ignored" themselves. */
export function noteText(note: FlatNote, t: NoteWords, word: (p: Problem) => string): string {
  const m = note.message;
  if (m.code === 'unknown-settings') return m.count === 1 ? t.unknownSetting(m.names[0]) : t.unknownSettings(String(m.count), listNames(m.names, m.count));
  const message = noteMessage(note, t, word);
  return note.fallback === null ? message : t.noteWithFallback(message, fallbackText(note.fallback, t));
}

import { echo } from '../core/numbers';
import { LANGS, type Lang } from '../words/lang';
import type { SessionConfig } from '../core/session';
import { applyTry, lessonFlat } from '../core/lessons/link';
import { findLesson, lessons } from '../core/lessons/registry';
import { type FlatConfig, type ResolvedSession, resolveSession, toFlatSession } from '../core/sessionFlat';
import { englishNoteWords, type Fallback, type FlatMessage, type FlatNote, noteMessage, noteText } from '../core/flatNotes';
import { wordProblem } from '../words/problems';
import { type HidePart, HIDE_PARTS } from './embed/embedApi';
import { THEME_CHOICES, type ThemeChoice, type ViewOptions } from './store';

type Report = (message: FlatMessage, fallback: Fallback) => void;

export interface ParsedHash extends ResolvedSession {
  readonly view: ViewOptions;
}

/**
 * Read `#target=banana&family=mean-field,full-rank&autoplay=1` into a session (lenient): the link
 * format is docs/link-format.md.
 */
export function parseHash(hash: string): ParsedHash {
  // Entries, not assignments: `flat["__proto__"] = v` would set the prototype and drop the key
  // silently; Object.fromEntries makes it an ordinary (unknown, reported) setting.
  const entries = new Map<string, string>();
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  // Each problem twice, as resolveSession gives them: with what was done instead (the page's
  // notice), and without (a strict caller's refusal: the embed's configure).
  const problems: string[] = [];
  const errors: string[] = [];
  const notes: FlatNote[] = [];
  const report: Report = (message, fallback) => {
    const n = { message, fallback };
    notes.push(n);
    problems.push(noteText(n, englishNoteWords, wordProblem));
    errors.push(noteMessage(n, englishNoteWords, wordProblem));
  };
  const unreadable: string[] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    try {
      entries.set(decodeURIComponent(rawKey), decodeURIComponent(rawValue.replace(/\+/g, ' ')));
    } catch {
      unreadable.push(part);
    }
  }
  if (unreadable.length > 0) report({ code: 'bad-encoding', first: echo(unreadable[0]), count: unreadable.length }, { code: 'ignored', count: unreadable.length });
  let flat: Readonly<Record<string, string>> = Object.fromEntries(entries);
  const autoplayRaw = entries.get('autoplay');
  let autoplay = false;
  if (autoplayRaw !== undefined) {
    if (autoplayRaw === '1' || autoplayRaw === 'true') autoplay = true;
    else if (autoplayRaw !== '0' && autoplayRaw !== 'false') {
      report({ code: 'autoplay', got: echo(autoplayRaw) }, { code: 'no-autoplay' });
    }
  }
  const hide = readHide(entries.get('hide'), report);
  const origin = readOrigin(entries.get('origin'), report);
  const theme = readTheme(entries.get('theme'), report);
  const lang = readLang(entries.get('lang'), report);
  const lesson = readLesson(entries.get('lesson'), report);
  // `#lesson=ID` is the lesson's session, with any session keys the link adds applied over it as a
  // "try this" is (`#lesson=flows&speed=500&seed=3`: an instructor's tweak). A link that names a
  // target is a whole session (as the page writes it back, every key present) and stands alone.
  const spec = lesson === null ? undefined : findLesson(lesson);
  if (spec && !entries.has('target')) flat = applyTry(lessonFlat(spec), flat);
  const resolved = resolveSession(flat, wordProblem);
  return {
    session: resolved.session,
    problems: [...problems, ...resolved.problems],
    errors: [...errors, ...resolved.errors],
    notes: [...notes, ...resolved.notes],
    view: { autoplay, hide, origin, theme, lang, lesson },
  };
}

function readTheme(raw: string | undefined, report: Report): ThemeChoice {
  if (raw === undefined || raw === '') return 'system';
  if ((THEME_CHOICES as readonly string[]).includes(raw)) return raw as ThemeChoice;
  report({ code: 'view-choice', key: 'theme', got: echo(raw), valid: THEME_CHOICES }, { code: 'system-theme' });
  return 'system';
}

function readLang(raw: string | undefined, report: Report): Lang | null {
  if (raw === undefined || raw === '') return null;
  if ((LANGS as readonly string[]).includes(raw)) return raw as Lang;
  report({ code: 'view-choice', key: 'lang', got: echo(raw), valid: LANGS }, { code: 'browser-lang' });
  return null;
}

/** `lesson=ID`: a lesson of the registry (docs/lessons.md); an unknown one is named and none shown. */
function readLesson(raw: string | undefined, report: Report): string | null {
  if (raw === undefined || raw === '') return null;
  if (findLesson(raw)) return raw;
  report({ code: 'lesson', got: echo(raw), valid: lessons.map((l) => l.id) }, { code: 'no-lesson' });
  return null;
}

/** `hide=transport,engine`: known parts in HIDE_PARTS order; unknown ones are named and skipped. */
function readHide(raw: string | undefined, report: Report): HidePart[] {
  if (raw === undefined || raw.trim() === '') return [];
  const asked = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const unknown = asked.filter((p) => !(HIDE_PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    report({ code: 'hide', unknown: unknown.map((p) => echo(p)), valid: HIDE_PARTS }, { code: 'shown', count: unknown.length });
  }
  return HIDE_PARTS.filter((p) => asked.includes(p));
}

/**
 * `origin=https://course.example.org`: the only page the embed talks to. One that is not an
 * origin (scheme://host[:port], nothing after) is refused, and the embed then talks to no page
 * rather than to every page.
 */
function readOrigin(raw: string | undefined, report: Report): string | null {
  if (raw === undefined || raw === '') return null;
  let origin = '';
  try {
    const url = new URL(raw);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.origin === raw.replace(/\/$/, '')) origin = url.origin;
  } catch {
    // not a URL at all: talks to none
  }
  if (origin === '') report({ code: 'origin', got: echo(raw) }, { code: 'no-host' });
  return origin;
}

/**
 * The hash that reproduces `session` (plus view options), with human-readable keys. Commas stay
 * as they are: they separate the runs' values and read better than %2C.
 */
export function formatHash(session: SessionConfig, view: ViewOptions): string {
  // The lesson first: it names what the link is about.
  const flat: FlatConfig = { ...(view.lesson ? { lesson: view.lesson } : {}), ...toFlatSession(session) };
  if (view.autoplay) flat.autoplay = '1';
  if (view.hide.length > 0) flat.hide = view.hide.join(',');
  if (view.origin) flat.origin = view.origin;
  if (view.theme !== 'system') flat.theme = view.theme;
  if (view.lang) flat.lang = view.lang;
  return `#${Object.entries(flat)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`)
    .join('&')}`;
}

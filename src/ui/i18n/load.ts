import type { Lang } from '../../words/lang';
import { en } from './en';
import { fetchZh } from './zhChunk';
import type { WordsOf } from './wordsOf';

/**
 * The dictionaries and their loading, without React (docs/i18n.md). English is in the page's
 * bundle; 简体中文 is a chunk of its own, fetched only when the page speaks it, so the bundle a
 * reader of English loads does not grow with the second language.
 */
export type Words = WordsOf<typeof en>;

const loaded: Partial<Record<Lang, Words>> = { en };
const pending: Partial<Record<Lang, Promise<Words>>> = {};
const listeners = new Set<() => void>();

/** The language's words once loaded; until then, English. */
export function wordsIfLoaded(lang: Lang): Words {
  return loaded[lang] ?? en;
}

export function loadLanguage(lang: Lang): Promise<Words> {
  const have = loaded[lang];
  if (have) return Promise.resolve(have);
  pending[lang] ??= fetchZh().then(({ zh }) => {
    loaded.zh = zh;
    for (const f of listeners) f();
    return zh;
  });
  return pending[lang];
}

export function onLanguageLoaded(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

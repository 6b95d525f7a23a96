/**
 * The page's languages (docs/i18n.md). `lang=` in the link picks one; without it the browser's
 * first language decides: any Chinese → 简体中文, else English.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', zh: '简体中文' };

/** A BCP 47 tag (navigator.language) → one of ours. */
export function langOf(tag: string | undefined): Lang {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/**
 * The language a page opened with, read before the store exists: the link's `lang=` (a value the
 * link reader would refuse falls back to the browser's, as it does there), else the browser's.
 */
export function openingLang(hash: string, browser: string | undefined): Lang {
  const chosen = new URLSearchParams(hash.replace(/^#/, '')).get('lang');
  return chosen === 'en' || chosen === 'zh' ? chosen : langOf(browser);
}

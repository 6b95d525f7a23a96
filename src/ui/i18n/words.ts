import { useEffect, useSyncExternalStore } from 'react';
import { usePlayground } from '../../state/store';
import { type Lang, langOf } from '../../words/lang';
import { en } from './en';
import { zh } from './zh';

/**
 * A typed dictionary rather than an i18n library (docs/i18n.md): the two languages are checked
 * by the type checker (zh.ts is typed by en.ts, so a missing key fails `tsc`), words with
 * numbers are plain functions with typed parameters, and nothing is loaded at run time.
 */
export type Words = { readonly [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const DICTIONARIES: Readonly<Record<Lang, Words>> = { en, zh };

const subscribeLanguage = (onChange: () => void) => {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
};

/** The language on screen: the link's `lang=`, else the browser's. */
export function useLang(): Lang {
  const chosen = usePlayground((s) => s.view.lang);
  const browser = useSyncExternalStore(subscribeLanguage, () => langOf(navigator.language), () => 'en' as const);
  return chosen ?? browser;
}

export function useWords(): Words {
  return DICTIONARIES[useLang()];
}

/** Keep <html lang> true, so screen readers speak the right language. */
export function useLangAttribute(): void {
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  }, [lang]);
}

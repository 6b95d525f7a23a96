import { useEffect, useSyncExternalStore } from 'react';
import { usePlayground } from '../../state/store';
import { type Lang, langOf } from '../../words/lang';
import { loadLanguage, onLanguageLoaded, type Words, wordsIfLoaded } from './load';

/**
 * A typed dictionary rather than an i18n library (docs/i18n.md): the two languages are checked
 * by the type checker (each zh/ section is typed by its en/ section, so a missing key fails
 * `tsc`), words with numbers are plain functions with typed parameters, and the second language
 * is a chunk fetched only when it is spoken.
 */
export type { Words } from './load';

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

/** The words of the language on screen; English for the moment a switch takes to load the other. */
export function useWords(): Words {
  const lang = useLang();
  const words = useSyncExternalStore(onLanguageLoaded, () => wordsIfLoaded(lang), () => wordsIfLoaded(lang));
  useEffect(() => {
    void loadLanguage(lang);
  }, [lang]);
  return words;
}

/** Keep <html lang> true, so screen readers speak the right language. */
export function useLangAttribute(): void {
  const lang = useLang();
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  }, [lang]);
}

import type { Lang } from '../words/lang';
import { type NoticeMessage, type NoticeStyle, wordNoticeIn } from '../words/notices';
import { formatCount } from './format';
import type { CatalogueWords } from './i18n/catalogue';
import type { Words } from './i18n/words';
import { namedFallback, namedProblem } from './problemNames';

const STYLES: Readonly<Record<Lang, NoticeStyle>> = {
  en: { count: formatCount, separator: '; ' },
  zh: { count: formatCount, separator: '；' },
};

/**
 * A notice in the language on screen: the store keeps codes (src/words/notices.ts), so a
 * language switch rewords the notices already shown. The dictionary holds each language's table.
 */
export function noticeText(m: NoticeMessage, w: Words, lang: Lang, cat?: CatalogueWords): string {
  return wordNoticeIn(m, w, cat ? { ...STYLES[lang], names: (p) => namedProblem(p, cat), fallbackNames: (f) => namedFallback(f, cat) } : STYLES[lang]);
}

/** The engine error's own line under its bold frame ("Engine error."): its raw words need no second frame. */
export function engineErrorText(m: NoticeMessage, w: Words, lang: Lang, cat?: CatalogueWords): string {
  return m.code === 'engine-text' ? m.text : noticeText(m, w, lang, cat);
}

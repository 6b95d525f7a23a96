import type { Lang } from '../words/lang';
import { type NoticeMessage, type NoticeStyle, wordNoticeIn } from '../words/notices';
import { formatCount } from './format';
import type { Words } from './i18n/words';

const STYLES: Readonly<Record<Lang, NoticeStyle>> = {
  en: { count: formatCount, separator: '; ' },
  zh: { count: formatCount, separator: '；' },
};

/**
 * A notice in the language on screen: the store keeps codes (src/words/notices.ts), so a
 * language switch rewords the notices already shown. The dictionary holds each language's table.
 */
export function noticeText(m: NoticeMessage, w: Words, lang: Lang): string {
  return wordNoticeIn(m, w, STYLES[lang]);
}

/** The engine error's own line under its bold frame ("Engine error."): its raw words need no second frame. */
export function engineErrorText(m: NoticeMessage, w: Words, lang: Lang): string {
  return m.code === 'engine-text' ? m.text : noticeText(m, w, lang);
}

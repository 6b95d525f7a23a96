import { actions } from '../../state/controller';
import { LANG_NAMES, LANGS, type Lang } from '../../words/lang';
import { useLang, useWords } from '../i18n/words';

/** English or 简体中文, mid-run: the runs go on, only the words change (lang= in the link). */
export function LanguageSwitch() {
  const lang = useLang();
  const w = useWords();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{w.language}</span>
      <select className="topbar-button" value={lang} onChange={(e) => actions.setLang(e.currentTarget.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l === 'zh' ? 'zh-Hans' : 'en'}>
            {LANG_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

import { actions } from '../../state/controller';
import { useResolvedTheme } from '../theme';
import { useWords } from '../i18n/words';

/** Light or dark, whatever the system says; the choice goes into the link (theme=). */
export function ThemeToggle() {
  const theme = useResolvedTheme();
  const dark = theme === 'dark';
  const w = useWords();
  return (
    <button type="button" className="topbar-button" aria-pressed={dark} onClick={() => actions.setTheme(dark ? 'light' : 'dark')} title={w.darkThemeTitle}>
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> {w.darkTheme}
    </button>
  );
}

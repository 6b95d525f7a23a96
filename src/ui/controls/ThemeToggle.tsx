import { actions } from '../../state/controller';
import { useResolvedTheme } from '../theme';

/** Light or dark, whatever the system says; the choice goes into the link (theme=). */
export function ThemeToggle() {
  const theme = useResolvedTheme();
  const dark = theme === 'dark';
  return (
    <button type="button" className="topbar-button" aria-pressed={dark} onClick={() => actions.setTheme(dark ? 'light' : 'dark')} title="Switch between the light and the dark theme">
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}

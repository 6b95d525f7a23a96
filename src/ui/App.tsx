import type { CSSProperties } from 'react';
import type { HidePart } from '../state/embed/embedApi';
import { fullPlaygroundLink } from '../state/embed/links';
import { usePlayground } from '../state/store';
import { FamilyPanel } from './controls/FamilyPanel';
import './embedded.css';
import { TargetPanel } from './controls/TargetPanel';
import { Transport } from './controls/Transport';
import { KeyboardShortcuts } from './keyboard/KeyboardShortcuts';
import { LiveSummary } from './metrics/LiveSummary';
import { ThemeToggle } from './controls/ThemeToggle';
import { EmbedButton } from './embed/EmbedDialog';
import { useThemeAttribute } from './theme';
import { LessonMenu } from './lessons/LessonMenu';
import { LessonPanel } from './lessons/LessonPanel';
import { ExportMenu } from './export/ExportMenu';
import { ChartWaiting, MetricsChart } from './metrics/MetricsChart';
import { MathPanel } from './math/MathPanel';
import { MetricsPanel, MetricsWaiting } from './metrics/MetricsPanel';
import { Notices } from './Notices';
import { PlotPanel } from './plots/PlotPanel';
import { runColour } from './runs/colours';
import { Comparison } from './runs/Comparison';
import { LanguageSwitch } from './controls/LanguageSwitch';
import { useLangAttribute, useWords } from './i18n/words';
import { without } from './layoutClasses';
import { SIDE_PANEL_STAGE, StageClock, Staged } from './boot/Staged';

/**
 * One run reads left to right like the computation; several runs are compared side by side.
 * `embedded` (embed.html): no page chrome, the page fills its frame, and a link opens the full
 * playground. Parts named in `hide=` are marked `data-part` and taken away by styles.css.
 */
export function App({ embedded = false }: { embedded?: boolean }) {
  const count = usePlayground((s) => s.runs.length);
  const hide = usePlayground((s) => s.view.hide);
  useThemeAttribute();
  useLangAttribute();
  const w = useWords();
  return (
    <div className={embedded ? 'app embedded' : 'app'} data-hide={hide.join(' ')}>
      {embedded ? (
        <EmbedBar />
      ) : (
        <header className="topbar" data-part="header">
          <h1>
            {w.title} <span className="tagline">{w.tagline}</span>
          </h1>
          <div className="topbar-actions">
            <LessonMenu />
            <LanguageSwitch />
            <ThemeToggle />
            <ExportMenu />
            <EmbedButton />
          </div>
        </header>
      )}
      <Transport />
      <Notices />
      <LiveSummary />
      <KeyboardShortcuts />
      <StageClock />
      <LessonPanel />
      {count === 1 ? <SingleRun hide={hide} /> : <Comparison count={count} hide={hide} />}
    </div>
  );
}

/** The embed's one line of chrome: what this is, and the same configuration in the full playground. */
function EmbedBar() {
  const link = usePlayground((s) => fullPlaygroundLink(s.session));
  const w = useWords();
  return (
    <header className="topbar embed-bar" data-part="header">
      <h1 className="embed-name">{w.title}</h1>
      <a href={link} target="_blank" rel="noopener">
        {w.openFull}
      </a>
    </header>
  );
}


/** target → picture → family; numbers underneath. */
function SingleRun({ hide }: { hide: readonly HidePart[] }) {
  const colour = runColour(usePlayground((s) => s.runs[0]?.colour ?? 0));
  return (
    <div style={{ '--q': colour } as CSSProperties}>
      <main className={`workspace${without(hide, 'target', 'plot', 'family')}`}>
        <Staged at={SIDE_PANEL_STAGE} waiting={<SideWaiting part="target" />}>
          <TargetPanel />
        </Staged>
        <PlotPanel run={0} />
        <Staged at={SIDE_PANEL_STAGE} waiting={<SideWaiting part="family" />}>
          <FamilyPanel run={0} />
        </Staged>
      </main>
      <div className={`bottom${without(hide, 'chart', 'metrics')}`}>
        <Staged at={1} waiting={<ChartWaiting />}>
          <MetricsChart />
        </Staged>
        <div data-testid="run-0">
          <Staged at={2} waiting={<MetricsWaiting />}>
            <MetricsPanel run={0} />
          </Staged>
        </div>
      </div>
      <Staged at={3}>
        <MathPanel run={0} />
      </Staged>
    </div>
  );
}

/** A side panel before its stage (Staged.tsx): the room it will take, under the plot. */
function SideWaiting({ part }: { part: 'target' | 'family' }) {
  return <section className={`panel ${part}-panel side-waiting`} aria-busy="true" data-part={part} />;
}

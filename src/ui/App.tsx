import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { MAX_RUNS } from '../core/rules';
import { actions } from '../state/controller';
import { usePlayground } from '../state/store';
import { AveragingToggle, FamilyPanel } from './controls/FamilyPanel';
import { TargetPanel } from './controls/TargetPanel';
import { Transport } from './controls/Transport';
import { EmbedButton } from './embed/EmbedDialog';
import { MetricsChart } from './metrics/MetricsChart';
import { MetricsPanel } from './metrics/MetricsPanel';
import { Notices } from './Notices';
import { PlotPanel } from './plots/PlotPanel';
import { runColour } from './runs/colours';
import { CompareTable } from './runs/CompareTable';
import { RunCard } from './runs/RunCard';

/** One run reads left to right like the computation; several runs are compared side by side. */
export function App() {
  const count = usePlayground((s) => s.runs.length);
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          VI Playground <span className="tagline">variational inference, with the true KL on screen</span>
        </h1>
        <EmbedButton />
      </header>
      <Transport />
      <Notices />
      {count === 1 ? <SingleRun /> : <Comparison count={count} />}
    </div>
  );
}

/** target → picture → family; numbers underneath. */
function SingleRun() {
  const colour = runColour(usePlayground((s) => s.runs[0]?.colour ?? 0));
  return (
    <div style={{ '--q': colour } as CSSProperties}>
      <main className="workspace">
        <TargetPanel />
        <PlotPanel run={0} />
        <FamilyPanel run={0} />
      </main>
      <div className="bottom">
        <MetricsChart />
        <div data-testid="run-0">
          <MetricsPanel run={0} />
        </div>
      </div>
    </div>
  );
}

/** Small multiples of the runs beside the shared target; curves and the table underneath. */
function Comparison({ count }: { count: number }) {
  // The runs' own keys: a card keeps its state (an open settings fold) when a run before it goes.
  const keys = usePlayground(useShallow((s) => s.runs.map((r) => r.key)));
  return (
    <>
      <main className="compare">
        <div className="compare-side">
          <TargetPanel />
          <div className="panel session-panel">
            <button type="button" className="add-run" onClick={actions.addRun} disabled={count >= MAX_RUNS}>
              + add a run
            </button>
            <AveragingToggle />
          </div>
        </div>
        <div className={`runs-grid runs-${count}`}>
          {keys.map((key, i) => (
            <RunCard key={key} run={i} />
          ))}
        </div>
      </main>
      <div className="bottom compare-bottom">
        <MetricsChart />
        <CompareTable />
      </div>
    </>
  );
}

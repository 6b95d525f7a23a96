import { useShallow } from 'zustand/react/shallow';
import { MAX_RUNS } from '../../core/rules';
import { actions } from '../../state/controller';
import type { HidePart } from '../../state/embed/embedApi';
import { usePlayground } from '../../state/store';
import { Staged } from '../boot/Staged';
import { AveragingToggle } from '../controls/FamilyPanel';
import { TargetPanel } from '../controls/TargetPanel';
import { useWords } from '../i18n/words';
import { ChartWaiting, MetricsChart } from '../metrics/MetricsChart';
import { without } from '../layoutClasses';
import { CompareTable } from './CompareTable';
import { RunCard } from './RunCard';

/** Small multiples of the runs beside the shared target; curves and the table underneath. */
export function Comparison({ count, hide }: { count: number; hide: readonly HidePart[] }) {
  // The runs' own keys: a card keeps its state (an open settings fold) when a run before it goes.
  const keys = usePlayground(useShallow((s) => s.runs.map((r) => r.key)));
  const w = useWords();
  return (
    <>
      <main className={`compare${without(hide, 'target', 'family')}`}>
        <div className="compare-side">
          <TargetPanel />
          <div className="panel session-panel">
            <button type="button" className="add-run" data-part="family" onClick={actions.addRun} disabled={count >= MAX_RUNS}>
              {w.addRun}
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
      <div className={`bottom compare-bottom${without(hide, 'chart', 'metrics')}`}>
        <Staged at={1} waiting={<ChartWaiting />}>
          <MetricsChart />
        </Staged>
        <Staged at={2}>
          <CompareTable />
        </Staged>
      </div>
    </>
  );
}

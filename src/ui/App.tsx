import { FamilyPanel } from './controls/FamilyPanel';
import { TargetPanel } from './controls/TargetPanel';
import { Transport } from './controls/Transport';
import { MetricsChart } from './metrics/MetricsChart';
import { MetricsPanel } from './metrics/MetricsPanel';
import { Notices } from './Notices';
import { PlotPanel } from './plots/PlotPanel';

/** Reads left to right like the computation: target → picture → family; numbers underneath. */
export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          VI Playground <span className="tagline">variational inference, with the true KL on screen</span>
        </h1>
      </header>
      <Transport />
      <Notices />
      <main className="workspace">
        <TargetPanel />
        <PlotPanel />
        <FamilyPanel />
      </main>
      <div className="bottom">
        <MetricsChart />
        <MetricsPanel />
      </div>
    </div>
  );
}

import { usePlayground } from '../../state/store';
import { formatValue } from '../format';
import { DensityPlot1D } from './DensityPlot1D';
import { DensityPlot2D } from './DensityPlot2D';

/** The centre of the screen: p and q drawn together, with a legend and quadrature caveats. */
export function PlotPanel() {
  const field = usePlayground((s) => s.field);
  const snapshot = usePlayground((s) => s.snapshot);
  return (
    <section className="panel plot-panel" aria-label="Densities">
      <div className="legend">
        <span className="key p-key">p(θ) target</span>
        <span className="key q-key">
          q(θ){field?.dim === 2 ? ': 39 / 86 / 99 % regions and samples' : ' and samples'}
        </span>
      </div>
      {field === null ? (
        <div className="plot-placeholder">Preparing the target…</div>
      ) : field.dim === 2 ? (
        <DensityPlot2D field={field} snapshot={snapshot} />
      ) : (
        <DensityPlot1D field={field} snapshot={snapshot} />
      )}
      {field && field.edgeMass > 1e-3 && (
        <p className="caveat" role="note">
          {formatValue(field.edgeMass * 100)} % of p sits on the plot's edge: log Z and the KLs miss the mass outside.
        </p>
      )}
      {snapshot?.qMassInside != null && snapshot.qMassInside < 0.995 && (
        <p className="caveat" role="note">
          {formatValue((1 - snapshot.qMassInside) * 100)} % of q lies outside the plot: KL(q‖p) shown covers the inside only.
        </p>
      )}
    </section>
  );
}

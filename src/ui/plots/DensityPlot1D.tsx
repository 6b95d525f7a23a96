import { area, line, scaleLinear } from 'd3';
import type { Snapshot, TargetField } from '../../core/engine/snapshot';
import { Q_COLOR } from './DensityPlot2D';

const W = 560;
const H = 340;
const M = { left: 40, right: 10, top: 10, bottom: 28 };

/** The 1D view: p's density filled, q's density as a line, q's display samples as a rug. */
export function DensityPlot1D({ field, snapshot }: { field: TargetField; snapshot: Snapshot | null }) {
  const [x0, x1] = field.domain.x;
  const n = field.nx;
  const xs = Array.from({ length: n }, (_, i) => x0 + ((x1 - x0) * i) / (n - 1));
  const p = Array.from(field.logp, (v) => Math.exp(v - field.logZ));
  const q = snapshot?.logq && snapshot.fieldVersion === field.version ? Array.from(snapshot.logq, Math.exp) : null;
  const top = Math.max(...p, ...(q ?? [0])) * 1.08;
  const sx = scaleLinear([x0, x1], [M.left, W - M.right]);
  const sy = scaleLinear([0, Math.min(top, 3 * Math.max(...p))], [H - M.bottom, M.top]).clamp(true);
  const pArea = area<number>()
    .x((_, i) => sx(xs[i]))
    .y0(sy(0))
    .y1((d) => sy(d))(p);
  const qLine = q
    ? line<number>()
        .x((_, i) => sx(xs[i]))
        .y((d) => sy(d))(q)
    : null;
  return (
    <svg className="density-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Target density p filled and q as a line">
      <path d={pArea ?? ''} className="p-area" />
      {qLine && <path d={qLine} fill="none" stroke={Q_COLOR} strokeWidth={2.2} />}
      {snapshot && (
        <path
          d={Array.from(snapshot.samples, (v) => `M${sx(v).toFixed(1)},${H - M.bottom}v-8`).join('')}
          stroke={Q_COLOR}
          strokeOpacity={0.5}
        />
      )}
      <g className="axes">
        {sx.ticks(10).map((t) => (
          <g key={`x${t}`} transform={`translate(${sx(t)},${H - M.bottom})`}>
            <line y2={4} />
            <text y={16} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
        {sy.ticks(4).map((t) => (
          <g key={`y${t}`} transform={`translate(${M.left},${sy(t)})`}>
            <line x2={-4} />
            <text x={-7} dy="0.32em" textAnchor="end">
              {t}
            </text>
          </g>
        ))}
        <text className="axis-name" x={W - M.right} y={H - M.bottom - 5} textAnchor="end">
          θ
        </text>
      </g>
    </svg>
  );
}

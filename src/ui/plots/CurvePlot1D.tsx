import { area, line, type ScaleLinear, scaleLinear } from 'd3';
import type { ReactNode } from 'react';
import { Q_COLOR } from './DensityPlot2D';
import { useWords } from '../i18n/words';
import { withKl } from './plotLabel';

const W = 560;
const H = 300;
/** The 1D plot's viewBox, for the placeholder drawn before the grid arrives. */
export const CURVE_W = W;
export const CURVE_H = H;
const M = { left: 40, right: 10, top: 10, bottom: 28 };

/** Two densities over one axis: p filled, q as a line, q's samples as a rug. */
export function CurvePlot1D(props: {
  xs: ArrayLike<number>;
  p: ArrayLike<number>;
  q: ArrayLike<number> | null;
  rug: ArrayLike<number> | null;
  domain: readonly [number, number];
  axisName: string;
  label: string;
  /** KL(q‖p) now, for the text alternative. */
  kl?: number | null;
  colour?: string;
  /** Drawn over the curves (the gradient arrows and step-through, ui/explain); baseY is the axis. */
  overlay?: (geometry: { sx: ScaleLinear<number, number>; sy: ScaleLinear<number, number>; baseY: number }) => ReactNode;
  hideRug?: boolean;
}) {
  const { xs, p, q, rug, domain, axisName, label, colour = Q_COLOR, overlay, hideRug = false } = props;
  const w = useWords();
  const pMax = Math.max(...Array.from(p).filter(Number.isFinite));
  const qMax = q ? Math.max(...Array.from(q).filter(Number.isFinite)) : 0;
  // A very peaked q must not flatten p into the axis: cap the axis at 3× p's peak.
  const top = Math.min(Math.max(pMax, qMax) * 1.08, 3 * pMax);
  const sx = scaleLinear(domain, [M.left, W - M.right]);
  const sy = scaleLinear([0, top], [H - M.bottom, M.top]).clamp(true);
  const idx = Array.from({ length: xs.length }, (_, i) => i);
  const pArea = area<number>()
    .defined((i) => Number.isFinite(p[i]))
    .x((i) => sx(xs[i]))
    .y0(sy(0))
    .y1((i) => sy(p[i]))(idx);
  const qLine = q
    ? line<number>()
        .defined((i) => Number.isFinite(q[i]))
        .x((i) => sx(xs[i]))
        .y((i) => sy(q[i]))(idx)
    : null;
  return (
    <svg className="density-plot" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={withKl(label, props.kl ?? null, w)}>
      <path d={pArea ?? ''} className="p-area" />
      {qLine && <path d={qLine} fill="none" stroke={colour} strokeWidth={2.2} />}
      {rug && !hideRug && (
        <path
          d={Array.from(rug, (v) => `M${sx(v).toFixed(1)},${H - M.bottom}v-8`).join('')}
          stroke={colour}
          strokeOpacity={0.5}
        />
      )}
      {overlay?.({ sx, sy, baseY: H - M.bottom })}
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
          {axisName}
        </text>
      </g>
    </svg>
  );
}

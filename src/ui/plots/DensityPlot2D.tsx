import { type scaleLinear, scaleSequential } from 'd3';
import { interpolateBlues } from './blues';
import { memo, type ReactNode, useId, useMemo } from 'react';
import type { Snapshot, TargetField } from '../../core/engine/snapshot';
import type { ContourJob } from './contourPaths';
import { useResolvedTheme } from '../theme';
import { useWords } from '../i18n/words';
import { withKl } from './plotLabel';
import { type GridFrame, M, type PlotGeometry, plotGeometry, SIZE } from './plotGeometry';
import { useContourPaths } from './useContourPaths';
import { useStableGrid } from './useStableGrid';

export type { PlotGeometry } from './plotGeometry';

export const Q_COLOR = '#D55E00';
const Q_MASSES = [0.393, 0.865, 0.989] as const;
const P_LEVELS = 10;

/**
 * The 2D view: p as filled contours (a sequential blue ramp), q as its 39/86/99 % regions in one
 * contrasting hue, plus q's display samples (fixed ε, so they glide rather than flicker).
 */
export function DensityPlot2D(props: {
  field: TargetField;
  snapshot: Snapshot | null;
  colour?: string;
  /** Drawn over q inside the plot box (the gradient arrows and step-through, ui/explain). */
  overlay?: (geometry: PlotGeometry) => ReactNode;
  hideSamples?: boolean;
  /** A lesson's path on the plane (EM's iterates, docs/lessons.md), drawn as dots joined by a dotted line. */
  lessonPath?: readonly (readonly [number, number])[];
}) {
  const { field, snapshot, colour = Q_COLOR, overlay, hideSamples = false, lessonPath } = props;
  // One clip path per plot: the comparison screen draws up to four on one page.
  const clipId = useId();
  // Scales and the contour projection change only with the field (a new target or slider move).
  const frame = useMemo((): GridFrame => ({ domain: field.domain, nx: field.nx, ny: field.ny }), [field]);
  const { sx, sy, path } = useMemo(() => plotGeometry(frame), [frame]);
  const theme = useResolvedTheme();
  const w = useWords();

  // Both kinds of contours are computed off the main thread (contour.worker.ts) and drawn when
  // they arrive; each is drawn only over the field it belongs to.
  const pJob = useMemo((): ContourJob => ({ kind: 'p', frame, logp: field.logp, logZ: field.logZ, levels: P_LEVELS }), [field, frame]);
  const pDrawn = useContourPaths(pJob);
  const pBands = useMemo(() => {
    if (!pDrawn || pDrawn.job.frame !== frame) return [];
    const { paths, max } = pDrawn.result;
    // Light: white → blue (PRML's figures). Dark: the same blues from dark to light, so high
    // density is still the mark that stands out from the background.
    const colour = scaleSequential(theme === 'dark' ? (t: number) => interpolateBlues(0.95 - 0.6 * t) : interpolateBlues).domain([-0.15 * max, max]);
    return paths.map((c) => ({ d: c.d, fill: colour(c.value) }));
  }, [pDrawn, frame, theme]);

  // q's contours are recomputed when log q on the grid was refreshed, not with every frame.
  const logq = useStableGrid(snapshot?.logq ?? null, snapshot?.readoutStep ?? -1, snapshot?.fieldVersion ?? -1);
  const onField = snapshot?.fieldVersion === field.version;
  const qJob = useMemo((): ContourJob | null => (logq && onField ? { kind: 'q', frame, logq, masses: Q_MASSES } : null), [logq, onField, frame]);
  const qDrawn = useContourPaths(qJob);
  const qLines = qDrawn && qJob && qDrawn.job.frame === frame ? qDrawn.result.paths.map((c) => ({ d: c.d, i: c.value })) : [];

  // q's samples as one path of round dots: one SVG element, not hundreds for React to diff each
  // frame (four runs draw 1,200 of them 30 times a second).
  let dots = '';
  if (snapshot && !hideSamples) {
    const s = snapshot.samples;
    for (let i = 0; i + 1 < s.length; i += 2) dots += `M${sx(s[i]).toFixed(1)},${sy(s[i + 1]).toFixed(1)}h0`;
  }
  const mean = snapshot?.mean;

  return (
    <svg className="density-plot" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={withKl(w.plot2DAlt, snapshot, w)}>
      <rect x={M.left} y={M.top} width={SIZE - M.left - M.right} height={SIZE - M.top - M.bottom} className="plot-bg" />
      <clipPath id={clipId}>
        <rect x={M.left} y={M.top} width={SIZE - M.left - M.right} height={SIZE - M.top - M.bottom} />
      </clipPath>
      <g clipPath={`url(#${clipId})`}>
        <g className="p-bands">
          {pBands.map((b) => (
            <path key={b.d.length + b.fill} d={b.d} fill={b.fill} />
          ))}
        </g>
        <path className="q-samples" d={dots} stroke={colour} strokeWidth={3.6} strokeLinecap="round" />
        <g className="q-lines" fill="none" stroke={colour}>
          {qLines.map((l) => (
            <path key={l.i} d={l.d} strokeWidth={l.i === 0 ? 2.2 : l.i === 1 ? 1.6 : 1} strokeDasharray={l.i === 2 ? '4 3' : undefined} />
          ))}
        </g>
        {mean && (
          <g className="q-mean" stroke={colour} strokeWidth={2}>
            <line x1={sx(mean[0]) - 5} x2={sx(mean[0]) + 5} y1={sy(mean[1])} y2={sy(mean[1])} />
            <line x1={sx(mean[0])} x2={sx(mean[0])} y1={sy(mean[1]) - 5} y2={sy(mean[1]) + 5} />
          </g>
        )}
        {overlay?.({ sx, sy, path })}
        {lessonPath && lessonPath.length > 0 && (
          <g className="lesson-path" data-testid="lesson-path">
            <path d={lessonPath.map(([a, b], i) => `${i === 0 ? 'M' : 'L'}${sx(a).toFixed(1)},${sy(b).toFixed(1)}`).join('')} fill="none" strokeDasharray="3 3" />
            {lessonPath.map(([a, b], i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the path's points are its order
              <circle key={i} cx={sx(a)} cy={sy(b)} r={i === lessonPath.length - 1 ? 4.5 : 3} />
            ))}
          </g>
        )}
      </g>
      <Axes sx={sx} sy={sy} />
    </svg>
  );
}

// Memoised: the scales change with the field only, and the axes were re-rendered with every frame.
const Axes = memo(function Axes({ sx, sy }: { sx: ReturnType<typeof scaleLinear<number, number>>; sy: ReturnType<typeof scaleLinear<number, number>> }) {
  const [bx] = sy.range();
  const [lx] = sx.range();
  return (
    <g className="axes">
      {sx.ticks(6).map((t) => (
        <g key={`x${t}`} transform={`translate(${sx(t)},${bx})`}>
          <line y2={4} />
          <text y={16} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      {sy.ticks(6).map((t) => (
        <g key={`y${t}`} transform={`translate(${lx},${sy(t)})`}>
          <line x2={-4} />
          <text x={-7} dy="0.32em" textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      <text className="axis-name" x={SIZE - M.right} y={bx - 5} textAnchor="end">
        θ₁
      </text>
      <text className="axis-name" x={lx + 5} y={M.top + 12}>
        θ₂
      </text>
    </g>
  );
});

import { type ContourMultiPolygon, line } from 'd3';
import type { Snapshot, TargetField } from '../../core/engine/snapshot';
import { usePlayground } from '../../state/store';
import { formatValue } from '../format';
import { useWords, type Words } from '../i18n/words';
import { contourPolygons, hdrLogLevels } from '../plots/densityGrid';
import { arrowPath, arrowSet } from './arrowGeometry';
import { type ScoreView, useScores } from './useScores';

/**
 * What the gradient toggle and the step-through draw over run 0's plot (docs/math.md#see-the-gradient),
 * loaded on first use. Stages: 'noise' the display ε in the base space (drawn on the same axes);
 * 'push' θ = T_φ(ε) with a line from each ε to its θ; 'score' each θ coloured by
 * f = log p̃ − log q; 'move' the old q dashed beside the new one after the step.
 */

type Scale = (v: number) => number;
const TYPICAL = 26;
const Q_MASSES = [0.393, 0.865] as const;

/** Viridis at 9 stops (d3-scale-chromatic's ramp pulled ~3 kB into the page's shared d3 chunk). */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];
const rgb = (hex: string) => [1, 3, 5].map((k) => Number.parseInt(hex.slice(k, k + 2), 16));

/** viridis(t) for t in [0, 1], linear between the stops. */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const [a, b] = [rgb(VIRIDIS[k]), rgb(VIRIDIS[k + 1])];
  return `rgb(${a.map((v, i) => Math.round(v + (b[i] - v) * (x - k))).join(',')})`;
}

/** f's colour: viridis over its 5–95 % range (a few extreme samples do not wash out the rest). */
function scoreColour(f: Float64Array): { colour: (v: number) => string; lo: number; hi: number } {
  const sorted = Array.from(f).filter(Number.isFinite).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const lo = at(0.05);
  const hi = Math.max(at(0.95), lo + 1e-9);
  return { colour: (v) => (Number.isFinite(v) ? viridis((v - lo) / (hi - lo)) : '#999'), lo, hi };
}

/** A key in the plot's top-left corner: what the arrows or colours mean, with their scale. */
function Key({ x, y, lines, right = false }: { x: number; y: number; lines: string[]; right?: boolean }) {
  if (lines.length === 0) return null;
  // A Han character takes about two Latin ones' width.
  const width = 8 + 6.1 * Math.max(...lines.map((l) => l.length + (l.match(/[\u3000-\u9fff\uff00-\uffef]/g)?.length ?? 0)));
  return (
    <g className="explain-key" transform={`translate(${right ? x - width : x},${y})`}>
      <rect width={width} height={6 + 14 * lines.length} rx={4} />
      {lines.map((l, i) => (
        <text key={l} x={6} y={15 + 14 * i}>
          {l}
        </text>
      ))}
    </g>
  );
}

function keyLines(view: ScoreView | null, gradients: boolean, unit: number, stage: string | null, w: Words): string[] {
  const lines: string[] = [];
  if (!view) return [w.keyNoGradient];
  if (gradients && stage !== 'noise') {
    lines.push(view.pathwise ? w.keyArrowsPathwise : w.keyArrowsScore);
    lines.push(w.keyArrowScale(String(TYPICAL), formatValue(unit)));
  }
  if (stage === 'score') {
    if (view.f) lines.push(view.fFromGrid ? w.keyColourGrid : w.keyColour);
    else lines.push(w.keyNoColour);
  }
  return lines;
}

export function Overlay2D(props: { field: TargetField; snapshot: Snapshot | null; sx: Scale; sy: Scale; path: (c: ContourMultiPolygon) => string; colour: string }) {
  const { field, snapshot, sx, sy, path, colour } = props;
  const explain = usePlayground((s) => s.explain);
  const view = useScores(0, field, snapshot);
  const w = useWords();
  const stage = explain.stage;
  const s = snapshot?.samples;
  const arrows = view && s && explain.gradients && stage !== 'noise' ? arrowSet(s, view.grad, 2, sx, sy, TYPICAL) : null;
  return (
    <g className="explain" data-testid="explain-overlay">
      {stage === 'noise' && view && <NoiseLayer2D eps={view.eps} sx={sx} sy={sy} />}
      {stage === 'push' && view && s && <PushLayer2D eps={view.eps} samples={s} sx={sx} sy={sy} />}
      {stage === 'score' && view?.f && s && <ScoreLayer2D f={view.f} samples={s} sx={sx} sy={sy} />}
      {stage === 'move' && explain.before && snapshot && <MoveLayer2D before={explain.before} after={snapshot} field={field} sx={sx} sy={sy} path={path} colour={colour} />}
      {arrows && <path className="gradient-arrows" data-testid="gradient-arrows" data-count={arrows.arrows.length} d={arrowPath(arrows.arrows)} />}
      <Key x={62} y={12} lines={keyLines(view, explain.gradients, arrows?.unit ?? 0, stage, w)} />
    </g>
  );
}

function dotsPath(xy: ArrayLike<number>, sx: Scale, sy: Scale): string {
  let d = '';
  for (let i = 0; i + 1 < xy.length; i += 2) d += `M${sx(xy[i]).toFixed(1)},${sy(xy[i + 1]).toFixed(1)}h0`;
  return d;
}

/** ε ~ N(0, I) on the same axes, with its 1σ and 2σ circles. */
function NoiseLayer2D({ eps, sx, sy }: { eps: Float32Array; sx: Scale; sy: Scale }) {
  const [cx, cy] = [sx(0), sy(0)];
  const [rx, ry] = [Math.abs(sx(1) - cx), Math.abs(sy(1) - cy)];
  return (
    <g data-testid="stage-noise" data-count={eps.length / 2}>
      {[1, 2].map((k) => (
        <ellipse key={k} className="eps-circle" cx={cx} cy={cy} rx={k * rx} ry={k * ry} />
      ))}
      <path className="eps-dots" d={dotsPath(eps, sx, sy)} />
      <text className="explain-label" x={cx + 2 * rx + 4} y={cy - 4}>
        ε ~ N(0, I)
      </text>
    </g>
  );
}

/** Each ε joined to its θ = T_φ(ε). */
function PushLayer2D({ eps, samples, sx, sy }: { eps: Float32Array; samples: Float32Array; sx: Scale; sy: Scale }) {
  let links = '';
  for (let i = 0; i + 1 < samples.length; i += 2) links += `M${sx(eps[i]).toFixed(1)},${sy(eps[i + 1]).toFixed(1)}L${sx(samples[i]).toFixed(1)},${sy(samples[i + 1]).toFixed(1)}`;
  return (
    <g data-testid="stage-push" data-count={samples.length / 2}>
      <path className="eps-dots faint" d={dotsPath(eps, sx, sy)} />
      <path className="push-links" d={links} />
    </g>
  );
}

/** θᵢ coloured by fᵢ = log p̃(θᵢ) − log q(θᵢ). */
function ScoreLayer2D({ f, samples, sx, sy }: { f: Float64Array; samples: Float32Array; sx: Scale; sy: Scale }) {
  const { colour, lo, hi } = scoreColour(f);
  return (
    <g data-testid="stage-score" data-count={f.length}>
      {Array.from(f, (v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sample i is the i-th fixed display ε, the same every frame
        <circle key={i} className="score-dot" cx={sx(samples[2 * i])} cy={sy(samples[2 * i + 1])} r={3.2} fill={colour(v)} />
      ))}
      <ScoreScale lo={lo} hi={hi} colour={colour} x={62} />
    </g>
  );
}

/** A small colour ramp of f with its 5 % and 95 % values. */
function ScoreScale({ lo, hi, colour, x }: { lo: number; hi: number; colour: (v: number) => string; x: number }) {
  const steps = 8;
  return (
    <g className="score-scale" transform={`translate(${x},70)`}>
      {Array.from({ length: steps }, (_, k) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed swatches of the ramp, in order
        <rect key={k} x={k * 12} width={12} height={8} fill={colour(lo + ((hi - lo) * k) / (steps - 1))} />
      ))}
      <text y={20}>{formatValue(lo)}</text>
      <text x={steps * 12} y={20} textAnchor="end">
        {formatValue(hi)}
      </text>
    </g>
  );
}

/** The old q (dashed grey contours and its mean) beside the new one, and the mean's move. */
function MoveLayer2D(props: { before: Snapshot; after: Snapshot; field: TargetField; sx: Scale; sy: Scale; path: (c: ContourMultiPolygon) => string; colour: string }) {
  const { before, after, field, sx, sy, path, colour } = props;
  const old =
    before.logq && before.fieldVersion === field.version
      ? (() => {
          const { levels, values } = hdrLogLevels(before.logq, Q_MASSES);
          return contourPolygons(values, field.nx, field.ny, levels).map((c) => path(c));
        })()
      : [];
  const [a, b] = [before.mean, after.mean];
  return (
    <g data-testid="stage-move" data-from={before.step} data-to={after.step}>
      {old.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one path per probability mass level, in order
        <path key={i} className="old-q" d={d} />
      ))}
      {a.length === 2 && b.length === 2 && (
        <path className="mean-move" stroke={colour} d={arrowPath([{ x1: sx(a[0]), y1: sy(a[1]), x2: sx(b[0]), y2: sy(b[1]) }], 6)} />
      )}
    </g>
  );
}

/** The same stages on a 1D plot: ε and arrows on rows above the axis, the rug coloured by f. */
export function Overlay1D(props: { field: TargetField; snapshot: Snapshot | null; sx: Scale; sy: Scale; baseY: number; colour: string }) {
  const { field, snapshot, sx, sy, baseY, colour } = props;
  const right = sx(field.domain.x[1]);
  const explain = usePlayground((s) => s.explain);
  const view = useScores(0, field, snapshot);
  const w = useWords();
  const stage = explain.stage;
  const s = snapshot?.samples;
  const row = (i: number) => baseY - 16 - (i % 12) * 4;
  const epsRow = (i: number) => baseY - 70 - (i % 12) * 3;
  const arrows = view && s && explain.gradients && stage !== 'noise' ? arrowSet(s, view.grad, 1, sx, row, TYPICAL) : null;
  const colourOf = view?.f ? scoreColour(view.f) : null;
  return (
    <g className="explain" data-testid="explain-overlay">
      {stage === 'noise' && view && (
        <g data-testid="stage-noise" data-count={view.eps.length}>
          <path className="eps-dots" d={Array.from(view.eps, (e, i) => `M${sx(e).toFixed(1)},${epsRow(i)}h0`).join('')} />
          <text className="explain-label" x={sx(0)} y={baseY - 110} textAnchor="middle">
            ε ~ N(0, 1)
          </text>
        </g>
      )}
      {stage === 'push' && view && s && (
        <g data-testid="stage-push" data-count={s.length}>
          <path className="eps-dots faint" d={Array.from(view.eps, (e, i) => `M${sx(e).toFixed(1)},${epsRow(i)}h0`).join('')} />
          <path className="push-links" d={Array.from(s, (t, i) => `M${sx(view.eps[i]).toFixed(1)},${epsRow(i)}L${sx(t).toFixed(1)},${baseY - 4}`).join('')} />
        </g>
      )}
      {stage === 'score' && view?.f && s && colourOf && (
        <g data-testid="stage-score" data-count={s.length}>
          {Array.from(s, (t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: sample i is the i-th fixed display ε, the same every frame
            <line key={i} x1={sx(t)} x2={sx(t)} y1={baseY} y2={baseY - 12} stroke={colourOf.colour((view.f as Float64Array)[i])} strokeWidth={1.6} />
          ))}
          <ScoreScale lo={colourOf.lo} hi={colourOf.hi} colour={colourOf.colour} x={right - 100} />
        </g>
      )}
      {stage === 'move' && explain.before && snapshot && <MoveLayer1D before={explain.before} after={snapshot} field={field} sx={sx} sy={sy} colour={colour} />}
      {arrows && <path className="gradient-arrows" data-testid="gradient-arrows" data-count={arrows.arrows.length} d={arrowPath(arrows.arrows, 3)} />}
      <Key x={right - 4} y={8} right lines={keyLines(view, explain.gradients, arrows?.unit ?? 0, stage, w)} />
    </g>
  );
}

function MoveLayer1D(props: { before: Snapshot; after: Snapshot; field: TargetField; sx: Scale; sy: Scale; colour: string }) {
  const { before, after, field, sx, sy } = props;
  const [x0, x1] = field.domain.x;
  const n = field.nx;
  const logq = before.logq && before.fieldVersion === field.version ? before.logq : null;
  const d = logq
    ? (line<number>()
        .defined((i) => Number.isFinite(logq[i]))
        .x((i) => sx(x0 + ((x1 - x0) * i) / (n - 1)))
        .y((i) => sy(Math.exp(logq[i])))(Array.from({ length: n }, (_, i) => i)) ?? '')
    : '';
  return (
    <g data-testid="stage-move" data-from={before.step} data-to={after.step}>
      <path className="old-q" d={d} />
      <path className="mean-move" stroke={props.colour} d={arrowPath([{ x1: sx(before.mean[0]), y1: sy(0) - 30, x2: sx(after.mean[0]), y2: sy(0) - 30 }], 6)} />
    </g>
  );
}

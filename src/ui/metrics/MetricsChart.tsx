import { extent, line, scaleLinear, scaleLog } from 'd3';
import type { HistoryPoint } from '../../state/history';
import { type PlaygroundState, usePlayground } from '../../state/store';
import { runColour } from '../runs/colours';
import { type Words, useWords } from '../i18n/words';
import { useThrottled } from '../useThrottled';

const selectRuns = (s: PlaygroundState) => s.runs;

const W = 360;
const H = 150;
const M = { left: 46, right: 10, top: 12, bottom: 24 };
const ELBO_COLOR = '#0072B2';
const KL_FLOOR = 1e-4;

interface Series {
  readonly key: number;
  readonly history: readonly HistoryPoint[];
  readonly colour: string;
  readonly name: string;
}

/** The chart before it has two points to draw: the room the curves will take (styles.css). */
export function ChartWaiting() {
  const w = useWords();
  return (
    <section className="panel chart-panel chart-empty" data-part="chart">
      {w.chartEmpty}
    </section>
  );
}

/**
 * ELBO rising to the log Z line, and KL(q‖p) falling on a log axis, against steps: one curve per
 * run in the run's colour (alone, the ELBO keeps its own blue as before).
 */
export function MetricsChart() {
  // Ten times a second is enough for curves (five when compared: each run adds two paths), and
  // drawing them in the plots' frame would make it a long task on a slow phone (useThrottled).
  const several = usePlayground((s) => s.runs.length > 1);
  const runs = useThrottled(selectRuns, several ? 200 : 100);
  const w = useWords();
  const series: Series[] = runs.map((r, i) => ({ key: r.key, history: thin(r.history), colour: runColour(r.colour), name: w.runN(i + 1) }));
  const all = series.flatMap((s) => s.history);
  if (all.length < 2) return <ChartWaiting />;
  const sx = stepScale(all);
  return (
    <section className="panel chart-panel" aria-label={w.chartLabel} data-part="chart">
      <ElboChart series={series} sx={sx} all={all} w={w} />
      <KlChart series={series} sx={sx} w={w} />
    </section>
  );
}

/**
 * At most about two points per pixel column: a 2,000-point history drawn into a 300 px chart
 * only costs the main thread (four runs redraw both charts every frame). The last point stays.
 */
const MAX_DRAWN = 2 * (W - M.left - M.right);
function thin(history: readonly HistoryPoint[]): readonly HistoryPoint[] {
  if (history.length <= MAX_DRAWN) return history;
  const every = Math.ceil(history.length / MAX_DRAWN);
  return history.filter((_, i) => i % every === 0 || i === history.length - 1);
}

function stepScale(history: readonly HistoryPoint[]) {
  const [s0, s1] = extent(history, (h) => h.step) as [number, number];
  return scaleLinear([s0, Math.max(s1, s0 + 1)], [M.left, W - M.right]);
}

type Scale = ReturnType<typeof scaleLinear<number, number>>;

function ElboChart({ series, sx, all, w }: { series: readonly Series[]; sx: Scale; all: readonly HistoryPoint[]; w: Words }) {
  // Ignore each run's first frames' very low ELBO so the approach to log Z stays readable.
  const tails = series.flatMap((s) => s.history.slice(Math.floor(s.history.length * 0.1)));
  const values = tails.flatMap((h) => [h.elbo, h.logZ]).filter((v) => Number.isFinite(v));
  const lo = values.length ? Math.min(...values) : -1;
  const hi = values.length ? Math.max(...values) : 1;
  const pad = Math.max(0.05, (hi - lo) * 0.1);
  const sy = scaleLinear([lo - pad, hi + pad], [H - M.bottom, M.top]).clamp(true).nice();
  const single = series.length === 1;
  // log Z is the session's (one target): drawn once across the steps any run has reached.
  const logZ = line<HistoryPoint>()
    .x((h) => sx(h.step))
    .y((h) => sy(h.logZ))([...all].sort((a, b) => a.step - b.step));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label={w.chartElboLabel}>
      <ChartAxes sx={sx} yTicks={sy.ticks(4).map((t) => ({ t, y: sy(t), label: String(t) }))} title={w.chartElboTitle} />
      <path d={logZ ?? ''} fill="none" style={{ stroke: 'var(--muted)' }} strokeDasharray="5 4" strokeWidth={1.5} />
      {series.map((s) => (
        <path
          key={s.key}
          d={
            line<HistoryPoint>()
              .defined((h) => Number.isFinite(h.elbo))
              .x((h) => sx(h.step))
              .y((h) => sy(h.elbo))(s.history) ?? ''
          }
          fill="none"
          stroke={single ? ELBO_COLOR : s.colour}
          strokeWidth={1.6}
        />
      ))}
      <text x={W - M.right} y={M.top + 10} textAnchor="end" className="chart-key">
        {single && <tspan fill={ELBO_COLOR}>ELBO </tspan>}
        <tspan style={{ fill: 'var(--muted)' }}>– – log Z</tspan>
      </text>
    </svg>
  );
}

function KlChart({ series, sx, w }: { series: readonly Series[]; sx: Scale; w: Words }) {
  const floored = (h: HistoryPoint) => (Number.isNaN(h.kl) ? Number.NaN : Math.max(KL_FLOOR, h.kl));
  const top = Math.max(1, ...series.flatMap((s) => s.history.map(floored)).filter((k) => !Number.isNaN(k)));
  const sy = scaleLog([KL_FLOOR, top], [H - M.bottom, M.top]).clamp(true);
  const ticks = sy.ticks().filter((t) => Math.log10(t) % 1 === 0);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label={w.chartKlLabel}>
      <ChartAxes sx={sx} yTicks={ticks.map((t) => ({ t, y: sy(t), label: t >= 1 ? String(t) : `1e${Math.log10(t)}` }))} title={w.chartKlTitle} />
      {series.map((s) => (
        <path
          key={s.key}
          d={
            line<HistoryPoint>()
              .defined((h) => !Number.isNaN(floored(h)))
              .x((h) => sx(h.step))
              .y((h) => sy(floored(h)))(s.history) ?? ''
          }
          fill="none"
          stroke={s.colour}
          strokeWidth={1.6}
        />
      ))}
    </svg>
  );
}

function ChartAxes(props: { sx: Scale; yTicks: { t: number; y: number; label: string }[]; title: string }) {
  const { sx, yTicks, title } = props;
  return (
    <g className="axes">
      {yTicks.map(({ t, y, label }) => (
        <g key={t} transform={`translate(${M.left},${y})`}>
          <line x2={W - M.left - M.right} className="gridline" />
          <text x={-5} dy="0.32em" textAnchor="end">
            {label.replace('-', '−')}
          </text>
        </g>
      ))}
      {sx.ticks(4).map((t) => (
        <g key={t} transform={`translate(${sx(t)},${H - M.bottom})`}>
          <line y2={4} />
          <text y={15} textAnchor="middle">
            {t >= 1000 ? `${t / 1000}k` : t}
          </text>
        </g>
      ))}
      <text x={M.left} y={M.top - 2} className="chart-title">
        {title}
      </text>
    </g>
  );
}

import { extent, line, scaleLinear, scaleLog } from 'd3';
import type { HistoryPoint } from '../../state/history';
import { usePlayground } from '../../state/store';
import { Q_COLOR } from '../plots/DensityPlot2D';

const W = 360;
const H = 150;
const M = { left: 46, right: 10, top: 12, bottom: 24 };
const ELBO_COLOR = '#0072B2';
const KL_FLOOR = 1e-4;

/** ELBO rising to the log Z line, and KL(q‖p) falling on a log axis, against steps. */
export function MetricsChart() {
  const history = usePlayground((s) => s.history);
  if (history.length < 2) {
    return <section className="panel chart-panel chart-empty">Press Play: the ELBO and KL curves appear here.</section>;
  }
  return (
    <section className="panel chart-panel" aria-label="ELBO and KL against steps">
      <ElboChart history={history} />
      <KlChart history={history} />
    </section>
  );
}

function stepScale(history: readonly HistoryPoint[]) {
  const [s0, s1] = extent(history, (h) => h.step) as [number, number];
  return scaleLinear([s0, Math.max(s1, s0 + 1)], [M.left, W - M.right]);
}

function ElboChart({ history }: { history: readonly HistoryPoint[] }) {
  const sx = stepScale(history);
  // Ignore the first frames' very low ELBO so the approach to log Z stays readable.
  const tail = history.slice(Math.floor(history.length * 0.1));
  const values = tail.flatMap((h) => [h.elbo, h.logZ]).filter((v) => Number.isFinite(v));
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(0.05, (hi - lo) * 0.1);
  const sy = scaleLinear([lo - pad, hi + pad], [H - M.bottom, M.top]).clamp(true).nice();
  const elbo = line<HistoryPoint>()
    .defined((h) => Number.isFinite(h.elbo))
    .x((h) => sx(h.step))
    .y((h) => sy(h.elbo))(history);
  const logZ = line<HistoryPoint>()
    .x((h) => sx(h.step))
    .y((h) => sy(h.logZ))(history);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label="ELBO against steps with the log Z line">
      <ChartAxes sx={sx} yTicks={sy.ticks(4).map((t) => ({ t, y: sy(t), label: String(t) }))} title="ELBO (nats)" />
      <path d={logZ ?? ''} fill="none" stroke="#555" strokeDasharray="5 4" strokeWidth={1.5} />
      <path d={elbo ?? ''} fill="none" stroke={ELBO_COLOR} strokeWidth={1.6} />
      <text x={W - M.right} y={M.top + 10} textAnchor="end" className="chart-key">
        <tspan fill={ELBO_COLOR}>ELBO</tspan> <tspan fill="#555">– – log Z</tspan>
      </text>
    </svg>
  );
}

function KlChart({ history }: { history: readonly HistoryPoint[] }) {
  const sx = stepScale(history);
  const kls = history.map((h) => (Number.isNaN(h.kl) ? Number.NaN : Math.max(KL_FLOOR, h.kl)));
  const sy = scaleLog([KL_FLOOR, Math.max(1, ...kls.filter((k) => !Number.isNaN(k)))], [H - M.bottom, M.top]).clamp(true);
  const kl = line<number>()
    .defined((v) => !Number.isNaN(v))
    .x((_, i) => sx(history[i].step))
    .y((v) => sy(v))(kls);
  const ticks = sy.ticks().filter((t) => Math.log10(t) % 1 === 0);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="chart" role="img" aria-label="KL(q‖p) against steps on a log axis">
      <ChartAxes sx={sx} yTicks={ticks.map((t) => ({ t, y: sy(t), label: t >= 1 ? String(t) : `1e${Math.log10(t)}` }))} title="KL(q‖p) (nats, log)" />
      <path d={kl ?? ''} fill="none" stroke={Q_COLOR} strokeWidth={1.6} />
    </svg>
  );
}

function ChartAxes(props: {
  sx: ReturnType<typeof scaleLinear<number, number>>;
  yTicks: { t: number; y: number; label: string }[];
  title: string;
}) {
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

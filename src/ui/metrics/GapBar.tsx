import { scaleLinear } from 'd3';
import { useRef } from 'react';
import { usePlayground } from '../../state/store';
import { formatError, formatValue } from '../format';
import { useWords } from '../i18n/words';
import { gapDomain, gapSplit } from './gapSplit';

const W = 420;
const H = 46;
const M = { left: 6, right: 6, top: 4, bottom: 18 };
const BAR = 18;

/**
 * log Z split into ELBO and KL(q‖p) on one number line (docs/math.md#the-log-z-bar): the ELBO is
 * everything up to its mark, KL(q‖p) the gap from there to log Z. Drawn relative to log Z, so
 * negative values need no special case; the axis holds the largest gap seen since the run started.
 */
export function GapBar({ run }: { run: number }) {
  const snapshot = usePlayground((s) => s.runs[run]?.snapshot ?? null);
  const highWater = useRef({ step: -1, kl: 0 });
  const w = useWords();
  const split = snapshot ? gapSplit(snapshot) : null;
  if (!snapshot || !split) {
    return (
      <div className="gap-bar" data-testid="gap-bar">
        <p className="fineprint">{snapshot ? w.gapNoSplit : ''}</p>
      </div>
    );
  }
  // A reset (the step went back) starts a new high-water mark.
  const hw = highWater.current;
  if (snapshot.step < hw.step) hw.kl = 0;
  hw.step = snapshot.step;
  hw.kl = Math.max(hw.kl, split.kl);
  const x = scaleLinear(gapDomain(split, hw.kl), [M.left, W - M.right]);
  const y0 = M.top;
  const xElbo = Math.max(M.left, x(split.elbo));
  const xLogZ = x(split.logZ);
  return (
    <div className="gap-bar" data-testid="gap-bar">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={w.gapAria(formatValue(split.logZ), formatValue(split.elbo), formatValue(split.kl))}>
        <rect className="gap-elbo" x={M.left} y={y0} width={Math.max(0, xElbo - M.left)} height={BAR} />
        <rect className="gap-kl" x={xElbo} y={y0} width={Math.max(0, xLogZ - xElbo)} height={BAR} />
        <line className="gap-logz" x1={xLogZ} x2={xLogZ} y1={y0 - 3} y2={y0 + BAR + 3} />
        <g className="axes">
          {x.ticks(6).map((t) => (
            <g key={t} transform={`translate(${x(t)},${y0 + BAR + 2})`}>
              <line y2={3} />
              <text y={13} textAnchor="middle">
                {formatValue(t)}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {/* Two lines that never re-wrap: wrapping as the numbers' lengths changed moved the text every frame (layout shift). */}
      <p className="gap-sum">
        <span className="gap-line">
          <span className="gap-key logz-key">log Z</span> <b data-testid="gap-logz">{formatValue(split.logZ)}</b> =
        </span>{' '}
        <span className="gap-line">
          <span className="gap-key elbo-key">ELBO</span> <b data-testid="gap-elbo">{formatValue(split.elbo)}</b> +{' '}
          <span className="gap-key kl-key">KL(q‖p)</span> <b data-testid="gap-kl">{formatValue(split.kl)}</b> {w.nats}
        </span>
      </p>
      <p className="fineprint" data-testid="gap-method">
        {split.method === 'elbo-gap'
          ? w.gapByGap(split.mcStdErr !== null ? ` (± ${formatError(split.mcStdErr)})` : '')
          : w.gapByQuadrature(split.mcElbo !== null ? w.gapMonteCarlo(`${formatValue(split.mcElbo)}${split.mcStdErr !== null ? ` ± ${formatError(split.mcStdErr)}` : ''}`) : '')}
      </p>
    </div>
  );
}

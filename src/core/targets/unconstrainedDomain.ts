/** How far below its peak, in nats, a 1D log density must fall at each end of the plot. */
export const TAIL_DROP = 16;

/** Round outward to a step of 10^⌊log₁₀(width/10)⌋, so the axis ends read as round numbers. */
function roundOutward(lo: number, hi: number): [number, number] {
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 10));
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/**
 * A plot interval for a unimodal 1D log density whose shape moves with the sliders (a posterior
 * in unconstrained space): walk out from the mode in steps of scale/20 until log f is TAIL_DROP
 * nats below its peak on each side. With exponential tails of rate r ≥ ½ the mass left outside
 * is then ≲ e^{−16}/r relative to the peak: far below anything the plot or log Z can show.
 */
export function tailDomain(logf: (u: number) => number, mode: number, scale: number): [number, number] {
  const peak = logf(mode);
  const h = scale / 20;
  const walk = (dir: 1 | -1): number => {
    let u = mode;
    for (let i = 0; i < 1_000_000 && peak - logf(u) < TAIL_DROP; i++) u += dir * h;
    return u;
  };
  return roundOutward(walk(-1), walk(1));
}

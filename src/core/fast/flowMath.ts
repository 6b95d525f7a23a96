/** Scalar helpers the flows' fast paths share (docs/math.md#fast-paths). */

export const LOG_2PI = Math.log(2 * Math.PI);

/** log(1 + eˣ) without overflow. */
export const softplus = (x: number): number => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)));

/** softplus′(x) = 1/(1 + e⁻ˣ). */
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

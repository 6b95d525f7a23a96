import { NormalStream } from '../random';

/** How many draws from q the page shows each frame. */
export const DISPLAY_SAMPLES = 300;
const DISPLAY_SEED = 0x5eed;

/**
 * The fixed ε, [DISPLAY_SAMPLES, dim] standard normals, behind every frame's display samples
 * (θᵢ = T_φ(εᵢ), so the dots glide rather than flicker). Deterministic, so the page can redraw the
 * same ε without the worker sending them (the step-through's first stage, docs/math.md#see-the-gradient).
 */
export function displayNoise(dim: number): Float32Array {
  return new NormalStream(DISPLAY_SEED).fill(new Float32Array(DISPLAY_SAMPLES * dim));
}

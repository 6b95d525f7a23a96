/**
 * Each family at its smallest size: the same ops as at any size (so the same tensor leaks, if
 * any), in a fraction of the time (tfjs costs per op). Shared by the 10,000-step leak test and
 * `npm run leaks` so both check the same workloads.
 */
export const SMALLEST_FAMILY_OPTIONS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  mixture: { K: 2 },
  'planar-flow': { layers: 2 },
  'radial-flow': { layers: 2 },
  realnvp: { couplings: 2 },
  svgd: { particles: 10 },
};

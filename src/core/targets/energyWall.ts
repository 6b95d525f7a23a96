/**
 * What the page's info files (energyU2–U4) need to know about the box wall of the Rezende &
 * Mohamed energies (docs/targets.md#energies); the wall itself, in tf ops and plain JS, is in
 * energyMath.ts, which only their density files import.
 */

/** The box [−B, B]² in which U₂–U₄ live, and the wall's width outside it (docs/targets.md#energies). */
export const ENERGY_BOX = 4;
export const WALL_WIDTH = 0.1;

/** What the learner is told about the wall (one sentence per energy). */
export const WALL_CAVEAT =
  'e^{−U} has infinite mass on ℝ² (nothing stops it along x), so outside the box [−4, 4]² a steep wall ' +
  '−½(d/0.1)² is added to log p̃, d being the distance from the box; inside the box p̃ is exactly e^{−U}.';

/**
 * log ∫ of the walled density when, for every x, ∫ e^{−U(x, y)} dy = cy does not depend on x and
 * the y-wall never bites: Z = cy · (8 + 2·0.1·√(π/2)) (the box's width plus two half-Gaussian
 * walls).
 */
export function walledLogZ(cy: number): number {
  return Math.log(cy) + Math.log(2 * ENERGY_BOX + 2 * WALL_WIDTH * Math.sqrt(Math.PI / 2));
}

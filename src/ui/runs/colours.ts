/**
 * Run colours from the Okabe–Ito palette (colour-blind safe; Okabe & Ito 2008, "Color Universal
 * Design"). p is drawn in blues, so the blues are left out: vermillion (run 1, the colour q had
 * alone), bluish green, reddish purple, orange.
 */
export const RUN_COLOURS = ['#D55E00', '#009E73', '#CC79A7', '#E69F00'] as const;
export const RUN_COLOUR_NAMES = ['vermillion', 'bluish green', 'reddish purple', 'orange'] as const;

export function runColour(colour: number): string {
  return RUN_COLOURS[colour % RUN_COLOURS.length];
}

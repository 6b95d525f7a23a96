/** q's mass outside the plot from which its note shows, and under which a shown note goes. */
export const OUTSIDE_SAY = 0.005;
export const OUTSIDE_UNSAY = 0.001;

/**
 * Whether to say that `outside` of q's mass lies outside the plot (the KL shown covers the inside
 * only): from 0.5 %, and once said, until it is under 0.1 %, so a q whose mass hovers near the
 * edge does not make the note blink (and, below a plot, the page move: issue 9).
 */
export function outsideNoteShown(outside: number | null, wasShown: boolean): boolean {
  if (outside === null) return false;
  return outside > OUTSIDE_SAY || (wasShown && outside > OUTSIDE_UNSAY);
}

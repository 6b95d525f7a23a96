import { describe, expect, it } from 'vitest';
import { outsideNoteShown } from './outsideNote';

describe('the note on q outside the plot', () => {
  it('shows from 0.5 % and stays until under 0.1 %', () => {
    const seq = [0, 0.004, 0.006, 0.004, 0.002, 0.0011, 0.0009, 0.004, 0.0051];
    let shown = false;
    const out = seq.map((v) => (shown = outsideNoteShown(v, shown)));
    expect(out).toEqual([false, false, true, true, true, true, false, false, true]);
  });
  it('goes when there is no reading (a new run)', () => {
    expect(outsideNoteShown(null, true)).toBe(false);
  });
});

import type { enControls } from '../en/controls';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the controls: target, family, objective and estimator pickers, sliders, formula box: the same keys as en/controls.ts. */
export const zhControls: WordsOf<typeof enControls> = {};

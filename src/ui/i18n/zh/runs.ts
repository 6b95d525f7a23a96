import type { enRuns } from '../en/runs';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the comparison's run cards and table: the same keys as en/runs.ts. */
export const zhRuns: WordsOf<typeof enRuns> = {};

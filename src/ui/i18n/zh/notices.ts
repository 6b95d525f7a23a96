import type { enNotices } from '../en/notices';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the notices' texts: the link reader's problems, the engine's messages, divergence: the same keys as en/notices.ts. */
export const zhNotices: WordsOf<typeof enNotices> = {};

import type { enDialogs } from '../en/dialogs';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the Embed and Export dialogs: the same keys as en/dialogs.ts. */
export const zhDialogs: WordsOf<typeof enDialogs> = {};

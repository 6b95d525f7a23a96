import type { enLessons } from '../en/lessons';
import type { WordsOf } from '../wordsOf';

/** 简体中文 for the lessons' menu and panel (each lesson's own prose lives beside the lesson): the same keys as en/lessons.ts. */
export const zhLessons: WordsOf<typeof enLessons> = {};

/** English words for the lessons' menu and panel (each lesson's own prose lives beside the lesson) (docs/i18n.md). */
export const enLessons = {};

/** English words for the comparison's run cards and table (docs/i18n.md). */
export const enRuns = {};

/** English words for the notices' texts: the link reader's problems, the engine's messages, divergence (docs/i18n.md). */
export const enNotices = {};

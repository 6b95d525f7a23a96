/** English words for the Embed and Export dialogs (docs/i18n.md). */
export const enDialogs = {};

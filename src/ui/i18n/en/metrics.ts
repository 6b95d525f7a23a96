/** English words for the metrics panel, the charts' labels and the live read-outs (docs/i18n.md). */
export const enMetrics = {};

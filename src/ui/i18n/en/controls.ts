/** English words for the controls: target, family, objective and estimator pickers, sliders, formula box (docs/i18n.md). */
export const enControls = {};

/**
 * One language's words for a section of the page, typed by the English section (docs/i18n.md):
 * a string stays a string, a function of formatted numbers keeps its parameters.
 */
export type WordsOf<T> = { readonly [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string };

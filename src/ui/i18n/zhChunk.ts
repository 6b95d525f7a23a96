/**
 * The 简体中文 chunk (docs/i18n.md), fetched once. The entries start it before the page's own code
 * loads, so they import this alone: load.ts, which holds the English tables, comes with the page.
 */
let zhChunk: Promise<typeof import('./zh/index')> | null = null;

export function fetchZh(): Promise<typeof import('./zh/index')> {
  zhChunk ??= import('./zh/index');
  return zhChunk;
}

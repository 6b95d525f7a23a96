import type { Words } from '../load';
import { zhChrome } from './chrome';
import { zhControls } from './controls';
import { zhMetrics } from './metrics';
import { zhRuns } from './runs';
import { zhNotices } from './notices';
import { zhDialogs } from './dialogs';
import { zhLessons } from './lessons';
import { zhMath } from './math';

/** 简体中文, a chunk of its own that loads only when the page speaks it (docs/i18n.md). */
export const ZH_SECTIONS = { chrome: zhChrome, controls: zhControls, metrics: zhMetrics, runs: zhRuns, notices: zhNotices, dialogs: zhDialogs, lessons: zhLessons, math: zhMath, } as const;

export const zh: Words = { ...zhChrome, ...zhControls, ...zhMetrics, ...zhRuns, ...zhNotices, ...zhDialogs, ...zhLessons, ...zhMath, };

/** The catalogue's 简体中文 (targets, families, objectives, estimators), keyed by id: a table of its own, not flat words (catalogue.ts). */
export { zhCatalogue } from './catalogue';

/** The formula box's messages in 简体中文, worded from core/formula's codes (formulaWords.ts). */
export { zhFormula } from './formula';

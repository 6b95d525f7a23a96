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

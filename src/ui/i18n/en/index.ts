import { enChrome } from './chrome';
import { enControls } from './controls';
import { enMetrics } from './metrics';
import { enRuns } from './runs';
import { enNotices } from './notices';
import { enDialogs } from './dialogs';
import { enLessons } from './lessons';
import { enMath } from './math';

/** The page's words in English, section by section (docs/i18n.md); words.test.ts checks no two sections share a key. */
export const EN_SECTIONS = { chrome: enChrome, controls: enControls, metrics: enMetrics, runs: enRuns, notices: enNotices, dialogs: enDialogs, lessons: enLessons, math: enMath, } as const;

export const en = { ...enChrome, ...enControls, ...enMetrics, ...enRuns, ...enNotices, ...enDialogs, ...enLessons, ...enMath, };

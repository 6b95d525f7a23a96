import { spawnEarly } from './state/engineWorker';
import { loadLanguage, openingLang } from './ui/i18n/load';

// The page's entry is small on purpose: it spawns the engine worker, which fetches and boots tfjs
// on its own thread, and only then loads the page itself (React, d3, the controls), so the two
// load side by side (docs/architecture.md#backends: the first step within a second).
spawnEarly();
// A reader of Chinese gets the 简体中文 chunk fetched beside the page's (docs/i18n.md).
void loadLanguage(openingLang(location.hash, navigator.language));
void import('./mainApp');

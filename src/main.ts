import { spawnEarly } from './state/engineWorker';
import { loadLanguage, openingLang } from './ui/i18n/load';

// The page's entry is small on purpose: it spawns the engine worker, which boots on its own thread,
// then loads the page's state (the link reader, the store, the engine client: startPlayground sends
// the session to the worker) ahead of the page itself (React, d3, the controls), so the worker
// builds and steps the runs while that larger chunk is parsed and rendered
// (docs/architecture.md#lazy-tfjs: the first step within a second). mainApp calls
// startPlayground too, which does nothing the second time, so either order works.
spawnEarly();
void import('./state/controller').then(({ startPlayground }) => startPlayground());
// A reader of Chinese gets the 简体中文 chunk fetched beside the page's (docs/i18n.md).
void loadLanguage(openingLang(location.hash, navigator.language));
void import('./mainApp');

import { spawnEarly } from './state/engineWorker';

// The page's entry is small on purpose: it spawns the engine worker, which fetches and boots tfjs
// on its own thread, and only then loads the page itself (React, d3, the controls), so the two
// load side by side (docs/architecture.md#backends: the first step within a second).
spawnEarly();
void import('./mainApp');

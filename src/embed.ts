import { spawnEarly } from './state/engineWorker';

// embed.html's entry (docs/embedding.md): like main.ts, the engine worker starts before the page's
// own code loads, so a course page's demo steps as soon as it is seen.
spawnEarly();
void import('./embedApp');

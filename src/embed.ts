import { spawnEarly } from './state/engineWorker';
import { fetchZh } from './ui/i18n/zhChunk';
import { openingLang } from './words/lang';

// embed.html's entry (docs/embedding.md): like main.ts, the engine worker starts before the page's
// own code loads, so a course page's demo steps as soon as it is seen.
spawnEarly();
if (openingLang(location.hash, navigator.language) === 'zh') void fetchZh();
void import('./embedApp');

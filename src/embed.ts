import { spawnEarly } from './state/engineWorker';
import { loadLanguage, openingLang } from './ui/i18n/load';

// embed.html's entry (docs/embedding.md): like main.ts, the engine worker starts before the page's
// own code loads, so a course page's demo steps as soon as it is seen.
spawnEarly();
void loadLanguage(openingLang(location.hash, navigator.language));
void import('./embedApp');

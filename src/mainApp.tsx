import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayground } from './state/controller';
import { App } from './ui/App';
import { loadLanguage } from './ui/i18n/load';
import { openingLang } from './words/lang';
// styles.css is linked from index.html (render-blocking, for the header drawn there).

// The worker was spawned by main.ts, ahead of this chunk, and main.ts has usually started the
// playground (the session is with the worker already); if not, it starts here, before the first render.
startPlayground();
// The first render speaks the page's language: the entry started that chunk beside this one.
await loadLanguage(openingLang(location.hash, navigator.language));
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// The first render as a transition: React builds the page in slices of a few ms and lets the
// browser run between them, instead of one long task while the page loads (issue 9: on a phone,
// the whole tree at once blocked the main thread for hundreds of ms).
const reactRoot = createRoot(root);
startTransition(() => {
  reactRoot.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

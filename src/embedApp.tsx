import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayground } from './state/controller';
import { startHostBridge } from './state/embed/hostBridge';
import { quietWhenUnseen } from './state/embed/quietWhenUnseen';
import { App } from './ui/App';
import { loadLanguage } from './ui/i18n/load';
import { openingLang } from './words/lang';
import './ui/styles.css';

// The same store and UI as the full page; the embed adds the host's message API and pauses
// while nobody can see it. Autoplay waits until it is seen.
// 25 redraws a second at most: a course page may hold several embeds, and same-origin ones
// share its main thread.
startPlayground({ holdAutoplay: true, minFrameMs: 40 });
// The first render speaks the page's language: the entry started that chunk beside this one.
await loadLanguage(openingLang(location.hash, navigator.language));
const root = document.getElementById('root');
if (!root) throw new Error('embed.html has no #root');
const quiet = quietWhenUnseen(root);
startHostBridge(quiet);
createRoot(root).render(
  <StrictMode>
    <App embedded />
  </StrictMode>,
);

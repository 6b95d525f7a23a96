import { spawnEarly } from './state/engineWorker';
import { fetchZh } from './ui/i18n/zhChunk';
import { openingLang } from './words/lang';

// The page's entry is small on purpose: it spawns the engine worker, which boots on its own thread,
// then loads the page in stages, each in a task of its own (docs/architecture.md#lazy-tfjs): the
// rules and registries, the state (the link reader, the store, the engine client), the session
// sent to the worker, React, then the page itself. The build lists every chunk of those stages in
// the page's <head> (bootPreload), so they download together while the stages run one by one; a
// stage's work (evaluating a chunk, reading the link) is then a task of a few ms, and the browser
// paints and answers input between them instead of being blocked for one long one (issue 9:
// Lighthouse's total blocking time on a phone). mainApp calls startPlayground too, which does
// nothing the second time.
spawnEarly();
// A reader of Chinese gets the 简体中文 chunk fetched beside the page's (docs/i18n.md).
if (openingLang(location.hash, navigator.language) === 'zh') void fetchZh();

/** Resolves in a new task (a message to ourselves: unlike setTimeout, never clamped). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function boot(): Promise<void> {
  const { startPlayground } = await import('./state/controller');
  await nextTask();
  startPlayground();
  await nextTask();
  await import('react-dom/client');
  await nextTask();
  await import('./mainApp');
}
void boot();

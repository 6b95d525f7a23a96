import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayground } from './state/controller';
import { App } from './ui/App';
import './ui/styles.css';

// The worker was spawned by main.ts, ahead of this chunk, and main.ts has usually started the
// playground (the session is with the worker already); if not, it starts here, before the first render.
startPlayground();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

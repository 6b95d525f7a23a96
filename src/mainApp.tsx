import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayground } from './state/controller';
import { App } from './ui/App';
import './ui/styles.css';

// The worker was spawned by main.ts, ahead of this chunk; the session goes to it first.
startPlayground();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

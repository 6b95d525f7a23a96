import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlayground } from './state/controller';
import { App } from './ui/App';
import './ui/styles.css';

startPlayground();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

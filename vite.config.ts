import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset paths: the built site works from any folder or CDN path, and inside iframes.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Every browser that runs module workers supports modulepreload: skip the polyfill request.
    modulePreload: { polyfill: false },
    // bench.html is the benchmark page (npm run bench); the app's entry stays index.html.
    rollupOptions: { input: { index: 'index.html', bench: 'bench.html' } },
  },
  preview: { port: 4173, strictPort: false },
  server: { port: 5173 },
});

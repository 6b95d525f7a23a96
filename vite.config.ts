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
  // The dev server pre-bundles dependencies one entry at a time; tfjs-core's deep import of its
  // gradients then used a second copy of tfjs-core (flags unregistered: the worker crashed with
  // "Cannot evaluate flag 'DEBUG'"). Serving tfjs's own ES modules unbundled keeps one copy.
  optimizeDeps: {
    exclude: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-webgl'],
    // ...but their CommonJS dependencies still need converting to ES modules.
    include: ['@tensorflow/tfjs-core > long', '@tensorflow/tfjs-core > seedrandom', '@tensorflow/tfjs-backend-cpu > seedrandom'],
  },

});

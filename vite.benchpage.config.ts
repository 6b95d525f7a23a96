import { defineConfig } from 'vite';

/**
 * The browser half of `npm run bench` (bench.html, its page script and the bench worker), built
 * to its own folder so the app's dist/ carries nothing of the benchmark.
 */
export default defineConfig({
  base: './',
  worker: { format: 'es' },
  build: {
    outDir: 'dist-bench/pages',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    modulePreload: { polyfill: false },
    rollupOptions: { input: { bench: 'bench.html' } },
  },
  logLevel: 'warn',
});

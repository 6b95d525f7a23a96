import { defineConfig } from 'vite';

/**
 * The bench CLI (src/bench/cli/main.ts), bundled for Node like the fit CLI (vite.cli.config.ts):
 * tfjs-core's gradient modules use directory imports that Node's ESM resolver refuses, so the
 * engine is bundled. Playwright stays external (it launches a browser binary of its own).
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/bench/cli/main.ts',
    outDir: 'dist-bench/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { external: ['@playwright/test'], output: { entryFileNames: 'bench.mjs' } },
  },
  ssr: { noExternal: true },
  logLevel: 'warn',
});

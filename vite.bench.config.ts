import { defineConfig } from 'vite';

/**
 * The Node half of `npm run bench` (src/bench/node.ts), bundled for Node like the CLI
 * (vite.cli.config.ts): tfjs-core's gradient modules use directory imports that Node's ESM
 * resolver refuses, so everything is bundled.
 */
export default defineConfig({
  build: {
    ssr: 'src/bench/node.ts',
    outDir: 'dist-bench',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'node.mjs' } },
  },
  ssr: { noExternal: true },
  logLevel: 'warn',
});

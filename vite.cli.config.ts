import { defineConfig } from 'vite';

/**
 * The headless CLI, bundled for Node. tfjs-core's gradient registrations are ES modules with
 * directory imports that Node's resolver refuses, so the CLI is bundled (tfjs included) rather
 * than run from source.
 */
export default defineConfig({
  build: {
    ssr: 'src/cli/fit.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'fit.mjs' } },
  },
  ssr: { noExternal: true },
  logLevel: 'warn',
});

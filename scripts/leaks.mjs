// `npm run leaks`: bundles src/cli/leaks.ts for Node (as the CLI is bundled: tfjs-core's gradient
// modules use directory imports Node's resolver refuses) and runs it: every family on the tfjs
// path for 100,000 steps, printing tensors and bytes at the start and the end.
// Arguments pass through: npm run leaks -- [steps per family] [samples per step] [--full]
import { spawnSync } from 'node:child_process';
import { build } from 'vite';

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/leaks.ts',
    outDir: 'dist-cli/leaks',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'leaks.mjs' } },
  },
  ssr: { noExternal: true },
});
const r = spawnSync(process.execPath, ['dist-cli/leaks/leaks.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);

// `npm run bench` (issue 9): build the app (dist/), the bench page (dist-bench/pages) and the
// bench CLI (dist-bench/cli, src/bench/cli), then run the CLI with the browser it needs. The
// measuring, the goals and the printing are TypeScript (src/bench/cli); this only starts them.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './chromium.mjs';

const run = (args, env = process.env) => {
  const r = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['npx', 'vite', 'build', '--logLevel', 'warn']);
run(['npx', 'vite', 'build', '--config', 'vite.benchpage.config.ts']);
run(['npx', 'vite', 'build', '--config', 'vite.bench.config.ts']);
run([process.execPath, 'dist-bench/cli/bench.mjs'], { ...process.env, CHROMIUM_PATH: ensureChromium() });

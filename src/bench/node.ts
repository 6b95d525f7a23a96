import '@tensorflow/tfjs-backend-cpu';
import { tf } from '../core/tf';
import { measureCeiling, measureWorkloads } from './measure';
import type { EngineBench } from './types';

/**
 * The Node half of `npm run bench` (bundled by vite.bench.config.ts, like the CLI): the reference
 * workloads on tfjs's cpu backend and the plain-JS ceiling. Progress goes to stderr; one JSON
 * object (EngineBench) to stdout. Usage: node dist-bench/node.mjs [rawMs] [ceilingMs]
 */
async function main(): Promise<void> {
  const rawMs = Number(process.argv[2] ?? 1500);
  const ceilingMs = Number(process.argv[3] ?? 1500);
  tf.env().set('IS_TEST', true);
  if (!(await tf.setBackend('cpu'))) throw new Error('tfjs cpu backend did not start');
  // The ceiling first, as in the bench worker.
  process.stderr.write('  node: plain-JS ceiling\n');
  const ceiling = measureCeiling([256, 1024], ceilingMs);
  const t0 = performance.now();
  const workloads = await measureWorkloads('cpu', rawMs, null, (text) => process.stderr.write(`  node ${text}\n`));
  const ms = performance.now() - t0;
  const result: EngineBench = {
    where: 'node',
    userAgent: `Node ${process.version}`,
    backends: [{ where: 'node', backend: 'cpu', available: true, workloads, ms }],
    ceiling,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

import '@tensorflow/tfjs-backend-cpu';
import { defaultConfig } from '../core/config';
import { Run } from '../core/engine/run';
import { families } from '../core/families/registry';
import { SMALLEST_FAMILY_OPTIONS as SMALL } from '../core/testing/smallestFamilies';
import { tf } from '../core/tf';

/**
 * `npm run leaks` (scripts/leaks.mjs builds and runs this): every family on the tfjs path (no
 * plain-JS fast path), many steps each with periodic snapshots and the iterate average on, and
 * tfjs's tensor and byte counts after the warm-up and at the end. Equal counts: no leak.
 * Usage: node leaks.mjs [steps per family = 100000] [samples per step = 8] [--full]
 */
interface Row {
  readonly family: string;
  readonly options: Record<string, number>;
  readonly steps: number;
  readonly tensorsStart: number;
  readonly tensorsEnd: number;
  readonly bytesStart: number;
  readonly bytesEnd: number;
  readonly tensorsAfterDispose: number;
  readonly seconds: number;
}

const SNAPSHOT_EVERY = 5000;

async function main(argv: readonly string[]): Promise<number> {
  // Production mode quiets tfjs's Node hint. Not IS_TEST: in test mode the engine pushes onto
  // an array at every kernel and never pops it, so a long run dies of a JS heap that only grows.
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const full = argv.includes('--full');
  const numbers = argv.filter((a) => a !== '--full');
  const steps = Number(numbers[0] ?? 100_000);
  const samples = Number(numbers[1] ?? 8);
  const baseline = tf.memory().numTensors;
  const rows: Row[] = [];
  console.log(`tfjs ${tf.getBackend()} backend, ${steps} steps per family, ${samples} samples per step, a snapshot every ${SNAPSHOT_EVERY}, ${full ? 'default' : 'smallest'} family sizes`);
  console.log('family            tensors start → end   bytes start → end       after dispose   seconds');
  for (const family of families) {
    const t0 = performance.now();
    const base = defaultConfig('banana', family.id);
    const options = { ...base.family.options, ...(full ? {} : SMALL[family.id]) };
    const run = new Run({ ...base, family: { ...base.family, options }, samples, averaging: true }, { fastPath: false });
    run.run(3);
    run.snapshot();
    const start = tf.memory();
    for (let done = 0; done < steps; done += 1000) {
      run.run(Math.min(1000, steps - done));
      if ((done + 1000) % SNAPSHOT_EVERY === 0) run.snapshot();
    }
    run.snapshot();
    const end = tf.memory();
    run.dispose();
    const row: Row = {
      family: family.id,
      options,
      steps: run.step,
      tensorsStart: start.numTensors,
      tensorsEnd: end.numTensors,
      bytesStart: start.numBytes,
      bytesEnd: end.numBytes,
      tensorsAfterDispose: tf.memory().numTensors - baseline,
      seconds: (performance.now() - t0) / 1000,
    };
    rows.push(row);
    console.log(
      `${row.family.padEnd(16)}  ${String(row.tensorsStart).padStart(5)} → ${String(row.tensorsEnd).padEnd(8)}  ${String(row.bytesStart).padStart(8)} → ${String(row.bytesEnd).padEnd(10)}  ${String(row.tensorsAfterDispose).padStart(6)}          ${row.seconds.toFixed(1)}`,
    );
  }
  const leaks = rows.filter((r) => r.tensorsEnd !== r.tensorsStart || r.bytesEnd !== r.bytesStart || r.tensorsAfterDispose !== 0);
  console.log(JSON.stringify({ steps, samples, rows }));
  console.log(leaks.length === 0 ? 'no growth in any family' : `GROWTH in: ${leaks.map((r) => r.family).join(', ')}`);
  return leaks.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);

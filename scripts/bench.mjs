// `npm run bench` (issue 4): build, then measure everything in one run and print one table.
//   1. engine steps/s: in the browser's Web Worker (each backend: cpu, webgl) and in Node (cpu),
//      raw (Run.run + flush) and through the app's loop (EngineHost, snapshots at 30 Hz);
//   2. the plain-JS ceiling (src/bench/ceiling.ts) in Node and in the worker, and engine/ceiling;
//   3. frame health while 4 runs train in the app's real engine worker (bench.html);
//   4. load: gzip sizes, tfjs kept out of the main bundle, time to first plot;
//   5. Play → KL(q‖p) < 0.05 for full-rank on every 2D catalogue target (the real app page).
// Writes .bench/results.json. Timings are reported, never asserted: a missed target still exits 0;
// the exit code is 1 only when something could not be built or a phase failed to measure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { ensureChromium } from './chromium.mjs';

// Budgets: the whole bench should take about 4 minutes on a 2-core machine.
const BUDGET = {
  nodeRawMs: 1500,
  ceilingMs: 1500,
  cpu: { rawMs: 1500, appMs: 1500 },
  webgl: { rawMs: 500, appMs: 700 },
  frameSeconds: 10,
  appFrameSeconds: 4,
  klCapSeconds: 10,
  /** Stop a target early once its KL has plainly settled above the threshold. */
  klPlateauAfterSeconds: 4,
};
const KL_THRESHOLD = 0.05;
const GOALS = { ceilingRatio: 0.25, fourRuns: 2000, longTasks: 0, fps: 55, mainKb: 150, klSeconds: 3 };
/** Strings only tfjs carries (the UI's label "tfjs backend" is not one). */
const TFJS_MARKERS = ['_tfengine', 'registerKernel', 'registerGradient', 'WEBGL_PACK', 'kernelName'];

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
const step = (text) => console.log(`[${elapsed()}] ${text}`);
/** 1-minute load average at each phase: above the core count, other processes competed for the CPU. */
const loads = [];
const phase = (text) => {
  loads.push({ at: (Date.now() - t0) / 1000, phase: text, load1: loadavg()[0] });
  step(`${text} (load ${loadavg()[0].toFixed(1)})`);
};

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    console.error(`${what} failed:\n${r.stdout ?? ''}${r.stderr ?? ''}`);
    process.exit(1);
  }
  return r;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// 4a. Bundle sizes (from dist/ after the build)

function bundleFacts() {
  const html = readFileSync('dist/index.html', 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const assets = readdirSync('dist/assets');
  const gz = (file) => gzipSync(readFileSync(join('dist', file))).length;
  const main = refs.map((file) => ({ file, bytes: readFileSync(join('dist', file)).length, gzip: gz(file) }));
  const workerFile = assets.find((f) => /^engine\.worker-.*\.js$/.test(f));
  const worker = workerFile ? { file: `assets/${workerFile}`, bytes: readFileSync(join('dist/assets', workerFile)).length, gzip: gz(`assets/${workerFile}`) } : null;
  const css = assets.filter((f) => /^index-.*\.css$/.test(f)).map((f) => ({ file: `assets/${f}`, gzip: gz(`assets/${f}`) }));
  const markersIn = (file) => {
    const text = readFileSync(join('dist', file), 'utf8');
    return TFJS_MARKERS.filter((m) => text.includes(m));
  };
  // Every script chunk that carries tfjs, bench-only chunks included (they are named bench*).
  const tfjsChunks = assets.filter((f) => f.endsWith('.js') && markersIn(`assets/${f}`).length > 0);
  const mainMarkers = [...new Set(main.flatMap((m) => markersIn(m.file)))];
  const appTfjsChunks = tfjsChunks.filter((f) => !f.startsWith('bench'));
  return {
    main,
    mainGzip: main.reduce((s, m) => s + m.gzip, 0),
    worker,
    css,
    tfjs: {
      markers: TFJS_MARKERS,
      mainMarkers,
      workerHasTfjs: worker ? markersIn(worker.file).length === TFJS_MARKERS.length : false,
      chunksWithTfjs: tfjsChunks,
      onlyInWorker: mainMarkers.length === 0 && appTfjsChunks.length === 1 && appTfjsChunks[0] === workerFile,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// In-page helpers (serialised into the page by Playwright; plain browser JS)

/** Installed before the app's scripts: records when the first KL appears, when Play starts, every KL read-out. */
function installTracker(threshold) {
  const parse = (text) => {
    const m = (text ?? '').replace(/−/g, '-').replace(/,/g, '').match(/^\s*(-?[\d.]+(?:e-?\d+)?)/);
    return m ? Number(m[1]) : Number.NaN;
  };
  const T = { firstKlAt: null, playAt: null, reachedAt: null, reachedStep: null, readings: [], error: null };
  window.__viTrack = T;
  let lastText = '';
  const check = () => {
    const now = performance.now();
    if (T.playAt === null && document.querySelector('button[aria-label="Pause"]')) T.playAt = now;
    const el = document.querySelector('[data-testid="metric-kl"]');
    const text = el?.textContent ?? '';
    if (text === lastText) return;
    lastText = text;
    const kl = parse(text);
    if (Number.isNaN(kl)) return;
    if (T.firstKlAt === null) T.firstKlAt = now;
    if (T.playAt === null) return;
    const stepText = document.querySelector('[data-testid="metric-step"]')?.textContent ?? '';
    const stepValue = parse(stepText);
    T.readings.push([now - T.playAt, kl, stepValue]);
    if (T.reachedAt === null && kl < threshold) {
      T.reachedAt = now;
      T.reachedStep = stepValue;
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'] });
}

/** Long tasks and rAF intervals on the app page for `seconds` (after Play). */
function appFrames(seconds) {
  return new Promise((resolve) => {
    const tasks = [];
    const obs = new PerformanceObserver((l) => tasks.push(...l.getEntries()));
    obs.observe({ type: 'longtask' });
    const deltas = [];
    const start = performance.now();
    let last = 0;
    const frame = (t) => {
      if (last > 0) deltas.push(t - last);
      last = t;
      if (t - start < seconds * 1000) requestAnimationFrame(frame);
      else {
        setTimeout(() => {
          obs.disconnect();
          const s = [...deltas].sort((a, b) => a - b);
          const med = s[Math.floor(s.length / 2)];
          resolve({
            seconds,
            longTasks: tasks.length,
            longestTaskMs: tasks.reduce((m, x) => Math.max(m, x.duration), 0),
            frames: deltas.length,
            medianFps: 1000 / med,
            p95FrameMs: s[Math.min(s.length - 1, Math.floor(0.95 * s.length))],
          });
        }, 100);
      }
    };
    requestAnimationFrame(frame);
  });
}

// ---------------------------------------------------------------------------------------------
// Browser phases

async function benchPage(context, base) {
  const page = await context.newPage();
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[bench]')) step(`  ${text.slice(8)}`);
    else if (msg.type() === 'error') step(`  page error: ${text}`);
  });
  page.on('pageerror', (e) => step(`  page error: ${e.message}`));
  await page.goto(`${base}bench.html`);
  await page.waitForFunction(() => window.viBench !== undefined);
  return page;
}

async function timeToFirstPlot(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(installTracker, KL_THRESHOLD);
  await page.goto(`${base}index.html`);
  await page.waitForFunction(() => window.__viTrack.firstKlAt !== null, null, { timeout: 60_000 });
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0];
    return {
      firstPlotMs: window.__viTrack.firstKlAt,
      domContentLoadedMs: n ? n.domContentLoadedEventEnd : null,
      loadMs: n ? n.loadEventEnd : null,
    };
  });
  const backendText = ((await page.getByTestId('metric-backend').textContent()) ?? '').trim();
  // The real app page drawing one run: frame health while it trains (informational).
  await page.getByRole('button', { name: 'Play' }).click();
  const frames = await page.evaluate(appFrames, BUDGET.appFrameSeconds);
  await context.close();
  const backend = /^webgl/.test(backendText) ? 'webgl' : /^cpu/.test(backendText) ? 'cpu' : null;
  return { ...nav, backendText, backend, appPageFrames: frames, errors };
}

const median = (xs) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function klRace(browser, base, target, backend) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(installTracker, KL_THRESHOLD);
  const hash = `#target=${encodeURIComponent(target.id)}&family=full-rank&autoplay=1${backend ? `&backend=${backend}` : ''}`;
  await page.goto(`${base}index.html${hash}`);
  const loadStart = Date.now();
  let result = null;
  while (result === null) {
    await page.waitForTimeout(200);
    const T = await page.evaluate(() => window.__viTrack);
    const notice = await page
      .locator('[role=alert]')
      .first()
      .textContent({ timeout: 50 })
      .catch(() => null);
    if (T.playAt === null) {
      if (Date.now() - loadStart > 30_000) result = { status: 'did not start', error: notice ?? errors[0] ?? null };
      continue;
    }
    const last = T.readings.length > 0 ? T.readings[T.readings.length - 1] : null;
    const now = last ? last[0] / 1000 : 0;
    const span = (from, to) => T.readings.filter((r) => r[0] / 1000 >= from && r[0] / 1000 < to).map((r) => r[1]);
    if (T.reachedAt !== null) {
      result = { status: 'reached', seconds: (T.reachedAt - T.playAt) / 1000, steps: T.reachedStep };
    } else if ((Date.now() - loadStart) / 1000 > BUDGET.klCapSeconds + 30) {
      result = { status: 'no readings', error: notice ?? errors[0] ?? null };
    } else if (now >= BUDGET.klCapSeconds) {
      result = { status: 'settled', settlesAt: median(span(now - 2, now + 1)), after: now, steps: last[2] };
    } else if (now >= BUDGET.klPlateauAfterSeconds) {
      const m1 = median(span(now - 1, now + 1));
      const m2 = median(span(now - 2, now - 1));
      if (m1 > 2 * KL_THRESHOLD && m2 > 2 * KL_THRESHOLD && Math.abs(m1 - m2) / m2 < 0.03) {
        result = { status: 'settled', settlesAt: m1, after: now, steps: last[2], early: true };
      }
    }
  }
  await context.close();
  return { ...target, ...result, errors };
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (v, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => ((align?.[i] ?? 'l') === 'r' ? lpad(c, widths[i]) : pad(c, widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function cell(w, kind) {
  if (!w) return '—';
  if (w.status === 'missing') return 'n/a (not in catalogue)';
  if (w.status === 'error') return `error: ${w.note}`.slice(0, 60);
  if (kind === 'raw') return `${fmt(w.raw.stepsPerSecond)}${w.raw.fastPath.every((f) => f === true) ? ' ᶠ' : ''}`;
  if (w.app) return fmt(w.app.stepsPerSecond);
  return w.appError ? `error: ${w.appError}`.slice(0, 40) : '—';
}

function verdict(ok) {
  return ok === null ? 'n/a   ' : ok ? 'met   ' : 'MISSED';
}

async function main() {
  phase('building the site (vite build) and the Node bench (vite.bench.config.ts)…');
  run('npx', ['vite', 'build', '--logLevel', 'warn'], 'vite build');
  run('npx', ['vite', 'build', '--config', 'vite.bench.config.ts'], 'Node bench build');
  const bundle = bundleFacts();

  phase('Node: engine (tfjs cpu) and the plain-JS ceiling…');
  const nodeRun = spawnSync(process.execPath, ['dist-bench/node.mjs', String(BUDGET.nodeRawMs), String(BUDGET.ceilingMs)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (nodeRun.status !== 0) {
    console.error('the Node bench failed');
    process.exit(1);
  }
  const node = JSON.parse(nodeRun.stdout.trim().split('\n').pop());

  const port = await freePort();
  const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true, open: false }, logLevel: 'warn' });
  const base = `http://127.0.0.1:${port}/`;
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = { node, bundle, worker: null, frames: null, firstPlot: null, kl: [], catalogue: [], failures: [] };
  /** One browser phase: a failure or a hang is recorded and reported, and the bench goes on. */
  const guarded = async (name, seconds, fn) => {
    let timer;
    try {
      return await Promise.race([
        fn(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no result after ${seconds} s`)), seconds * 1000);
        }),
      ]);
    } catch (e) {
      step(`  ${name} FAILED: ${e.message}`);
      results.failures.push({ phase: name, error: e.message });
      return null;
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    step(`browser: ${browser.version()} against ${base}`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    results.catalogue =
      (await guarded('catalogue', 60, async () => {
        const page = await benchPage(context, base);
        const targets = await page.evaluate(() => window.viBench.catalogue());
        await page.close();
        return targets;
      })) ?? [];

    phase('worker: the ceiling, then the engine on each backend, raw and app loop…');
    const plan = {
      backends: [
        { backend: 'cpu', ...BUDGET.cpu },
        { backend: 'webgl', ...BUDGET.webgl },
      ],
      ceilingMs: BUDGET.ceilingMs,
      ceilingSamples: [256, 1024],
    };
    results.worker = await guarded('worker engine', 240, async () => {
      const page = await benchPage(context, base);
      const r = await page.evaluate((p) => window.viBench.measure(p), plan);
      await page.close();
      return r;
    });

    phase(`frame health: 4 runs training for ${BUDGET.frameSeconds} s in the app's engine worker…`);
    results.frames = await guarded('frame health', BUDGET.frameSeconds + 90, async () => {
      const page = await benchPage(context, base);
      const r = await page.evaluate((s) => window.viBench.frameHealth(s), BUDGET.frameSeconds);
      await page.close();
      return r;
    });
    await context.close();

    phase('time to first plot (index.html, fresh context), then the app page playing one run…');
    results.firstPlot = await guarded('first plot', 120, () => timeToFirstPlot(browser, base));

    const twoD = results.catalogue.filter((t) => t.dim === 2);
    const backend = results.firstPlot?.backend ?? null;
    phase(`Play → KL < ${KL_THRESHOLD}: full-rank on ${twoD.length} 2D targets (backend=${backend ?? 'auto'})…`);
    for (const t of twoD) {
      const r = await guarded(`KL race ${t.id}`, BUDGET.klCapSeconds + 60, () => klRace(browser, base, t, backend));
      if (!r) {
        results.kl.push({ ...t, status: 'failed' });
        continue;
      }
      step(
        `  ${t.id}: ${r.status === 'reached' ? `KL < ${KL_THRESHOLD} after ${r.seconds.toFixed(2)} s` : r.status === 'settled' ? `settles at ${r.settlesAt.toFixed(3)}` : r.status}`,
      );
      results.kl.push(r);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report(results);
}

function report(results) {
  const { node, worker, frames, bundle, firstPlot, kl } = results;
  const nodeCpu = node.backends[0];
  const wb = (name) => worker?.backends.find((b) => b.backend === name);
  const cpu = wb('cpu');
  const webgl = wb('webgl');
  const byId = (b, id) => b?.workloads.find((w) => w.id === id);
  const failed = (name) => results.failures.filter((f) => f.phase.startsWith(name)).map((f) => `   FAILED: ${f.error}`);

  console.log(`\n══ VI Playground benchmark ══ ${new Date().toISOString()}`);
  const chrome = worker?.userAgent.match(/Chrom\S+/)?.[0] ?? 'Chromium';
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'} · ${node.userAgent} · ${chrome}`);
  const l = loads.map((x) => x.load1);
  const busy = Math.max(...l) > cpus().length;
  console.log(
    `bench took ${elapsed()} · load average (1 min) over the phases ${Math.min(...l).toFixed(1)}–${Math.max(...l).toFixed(1)} on ${cpus().length} cores${busy ? ' ⚠ other processes competed for the CPU: timings are pessimistic and noisy' : ''}\n`,
  );

  console.log('1. Engine steps/s (raw: new Run, warm-up, run(n) + flush() for a fixed wall time;');
  console.log("   app loop: the app's EngineHost with snapshots at 30 Hz, speed limit at its maximum (unlimited);");
  console.log('   ᶠ = the Run reports its plain-JS fast path)');
  const backendCell = (b, kind, w) => (!worker ? 'failed' : b?.available === false ? 'unavailable' : b?.error ? `error: ${b.error}`.slice(0, 40) : cell(byId(b, w.id), kind));
  const rows = nodeCpu.workloads.map((w) => [
    w.label,
    cell(w, 'raw'),
    backendCell(cpu, 'raw', w),
    backendCell(cpu, 'app', w),
    backendCell(webgl, 'raw', w),
    backendCell(webgl, 'app', w),
  ]);
  console.log(table(['workload', 'node cpu', 'worker cpu', 'cpu app loop', 'worker webgl', 'webgl app loop'], rows, ['l', 'r', 'r', 'r', 'r', 'r']));
  for (const line of failed('worker')) console.log(line);
  const snaps = [cpu, webgl]
    .filter((b) => b?.available)
    .map((b) => `${b.backend} ${b.workloads.filter((w) => w.app).map((w) => `${w.id} ${fmt(w.app.snapshotsPerSecond, 1)}`).join(', ')}`);
  if (snaps.length > 0) console.log(`   app loop snapshots/s of run 0 (the host aims for 30): ${snaps.join('; ')}`);
  if (webgl?.available) {
    const warm = webgl.workloads.filter((w) => w.raw).map((w) => `${w.id} ${fmt(w.raw.warmupMs)} ms`);
    console.log(`   webgl warm-up (build + 3 steps + snapshot, shaders compiled here): ${warm.join(', ')}`);
  }

  console.log('\n2. Plain-JS ceiling: hand-derived full-rank ELBO step on banana, Float64Array, Adam (src/bench/ceiling.ts)');
  const best = (id) => {
    const c = [cpu, webgl].map((b) => byId(b, id)?.raw?.stepsPerSecond ?? 0);
    return Math.max(...c) || null;
  };
  const ratioRows = [256, 1024].map((s) => {
    const id = `fr-banana-${s}`;
    const cn = node.ceiling.find((c) => c.samples === s);
    const cw = worker?.ceiling.find((c) => c.samples === s);
    const en = byId(nodeCpu, id)?.raw?.stepsPerSecond ?? null;
    const ew = best(id);
    return [
      s,
      fmt(cn?.stepsPerSecond),
      fmt(cw?.stepsPerSecond),
      fmt(en),
      fmt(ew),
      en && cn ? `${(en / cn.stepsPerSecond).toFixed(3)}×` : '—',
      ew && cw ? `${(ew / cw.stepsPerSecond).toFixed(3)}×` : '—',
      fmt(cw?.kl ?? cn?.kl, 3),
    ];
  });
  console.log(
    table(['batch', 'ceiling node', 'ceiling worker', 'engine node', 'engine worker (best)', 'node ratio', 'worker ratio', 'ceiling KL after'], ratioRows, ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
  );

  if (frames) {
    console.log(
      `\n3. Frame health: ${frames.runs} runs training ${frames.seconds} s in the app's engine worker (backend ${frames.backend}, default speed limit ${fmt(frames.speed)} steps/s per run), bench page redrawing every run each frame`,
    );
    if (frames.note) console.log(`   ${frames.note}`);
    console.log(
      `   long tasks > 50 ms: ${frames.longTasks} (${fmt(frames.longTaskMs)} ms in all, longest ${fmt(frames.longestTaskMs)} ms; ${frames.startupLongTasks} during start-up)`,
    );
    console.log(
      `   frames: ${frames.frames}, median ${fmt(frames.medianFps, 1)} fps, p95 ${fmt(frames.p95FrameMs, 1)} ms, max ${fmt(frames.maxFrameMs, 1)} ms, slow (> 1.5 × median) ${frames.slowFrames}`,
    );
    console.log(`   the page's own drawing per frame: median ${fmt(frames.drawMsMedian, 2)} ms, max ${fmt(frames.drawMsMax, 1)} ms`);
    console.log(`   snapshots ${fmt(frames.snapshotsPerSecond, 1)}/s · ${fmt(frames.stepsPerSecond)} steps/s in all${frames.errors.length ? ` · errors: ${frames.errors.join('; ')}` : ''}`);
  } else {
    console.log('\n3. Frame health');
  }
  for (const line of failed('frame')) console.log(line);
  const af = firstPlot?.appPageFrames;
  if (af) {
    console.log(`   the app page itself, 1 run playing (${af.seconds} s): ${af.longTasks} long tasks (longest ${fmt(af.longestTaskMs)} ms), median ${fmt(af.medianFps, 1)} fps, p95 ${fmt(af.p95FrameMs, 1)} ms`);
  }

  console.log('\n4. Load');
  console.log(`   main bundle (index.html's scripts): ${bundle.main.map((m) => `${m.file} ${kb(m.gzip)}`).join(' + ')} = ${kb(bundle.mainGzip)} gzip`);
  if (bundle.worker) console.log(`   engine worker chunk: ${bundle.worker.file} ${kb(bundle.worker.gzip)} gzip (${kb(bundle.worker.bytes)} raw)`);
  console.log(`   css: ${bundle.css.map((c) => `${c.file} ${kb(c.gzip)}`).join(', ')} gzip`);
  console.log(
    `   tfjs (markers ${bundle.tfjs.markers.join(', ')}): main bundle ${bundle.tfjs.mainMarkers.length === 0 ? 'none' : bundle.tfjs.mainMarkers.join(', ')}; chunks with tfjs: ${bundle.tfjs.chunksWithTfjs.join(', ')}`,
  );
  if (firstPlot) {
    console.log(
      `   time to first plot (navigation start → first KL(q‖p) read-out, includes backend calibration): ${fmt(firstPlot.firstPlotMs)} ms (DOMContentLoaded ${fmt(firstPlot.domContentLoadedMs)} ms, load ${fmt(firstPlot.loadMs)} ms; engine ${firstPlot.backendText})`,
    );
  }
  for (const line of failed('first plot')) console.log(line);

  console.log(`\n5. Play → KL(q‖p) < ${KL_THRESHOLD}, full-rank, on the app page (index.html#target=ID&family=full-rank&autoplay=1&backend=${firstPlot?.backend ?? 'auto'})`);
  if (frames) console.log(`   at the app's default speed limit (${fmt(frames.speed)} steps/s), as a learner meets it`);
  const klRows = kl.map((r) => [
    r.id,
    [r.constrained ? 'constrained' : '', r.realData ? 'real data' : ''].filter(Boolean).join(', '),
    r.status === 'reached' ? `${r.seconds.toFixed(2)} s` : '—',
    r.status === 'reached' || r.status === 'settled' ? fmt(r.steps) : '—',
    r.status === 'settled' ? `${r.settlesAt.toFixed(3)} (at ${r.after.toFixed(1)} s${r.early ? ', plateau' : ''})` : r.status === 'reached' ? '' : `${r.status}${r.error ? `: ${r.error}` : ''}`,
  ]);
  console.log(table(['target', 'kind', `KL < ${KL_THRESHOLD} after`, 'steps', 'settles at (not reached)'], klRows, ['l', 'l', 'r', 'r', 'l']));
  for (const line of failed('KL race')) console.log(line);

  // Issue 4's targets
  const goals = [];
  const ratios = [256, 1024].map((s) => {
    const cw = worker?.ceiling.find((c) => c.samples === s)?.stepsPerSecond;
    const ew = best(`fr-banana-${s}`);
    return ew && cw ? ew / cw : null;
  });
  goals.push({
    goal: `engine ≥ ${GOALS.ceilingRatio} × ceiling, full-rank banana (worker)`,
    ok: ratios.every((r) => r !== null) ? ratios.every((r) => r >= GOALS.ceilingRatio) : null,
    value: ratios.map((r, i) => `${[256, 1024][i]}: ${r === null ? 'n/a' : `${r.toFixed(3)}×`}`).join(', '),
  });
  const four = [cpu, webgl].map((b) => byId(b, 'four-banana')).filter((w) => w?.status === 'ok');
  const fourNote = byId(cpu, 'four-banana')?.note ?? byId(nodeCpu, 'four-banana')?.note ?? 'no result';
  const fourApp = four.length > 0 ? Math.max(...four.map((w) => w.app?.stepsPerSecond ?? 0)) : null;
  const fourRaw = four.length > 0 ? Math.max(...four.map((w) => w.raw.stepsPerSecond)) : null;
  goals.push({
    goal: `4 runs ≥ ${fmt(GOALS.fourRuns)} steps/s together (app loop, best backend)`,
    ok: fourApp === null ? null : fourApp >= GOALS.fourRuns,
    value: fourApp === null ? `n/a (${fourNote})` : `${fmt(fourApp)} steps/s (raw ${fmt(fourRaw)})`,
  });
  goals.push({
    goal: `0 long tasks > 50 ms (4 runs, ${BUDGET.frameSeconds} s)`,
    ok: frames ? frames.longTasks <= GOALS.longTasks : null,
    value: frames ? `${frames.longTasks}${frames.note ? ' (with stand-ins)' : ''}` : 'n/a (frame health failed)',
  });
  goals.push({
    goal: `median ≥ ${GOALS.fps} fps`,
    ok: frames ? frames.medianFps >= GOALS.fps : null,
    value: frames ? `${fmt(frames.medianFps, 1)} fps` : 'n/a (frame health failed)',
  });
  goals.push({
    goal: `main bundle ≤ ${GOALS.mainKb} kB gzip, tfjs only in the worker chunk`,
    ok: bundle.mainGzip <= GOALS.mainKb * 1000 && bundle.tfjs.onlyInWorker,
    value: `${kb(bundle.mainGzip)}; tfjs ${bundle.tfjs.onlyInWorker ? 'only in the worker' : 'ALSO ELSEWHERE'}`,
  });
  const reached = kl.filter((r) => r.status === 'reached');
  const slow = reached.filter((r) => r.seconds > GOALS.klSeconds);
  goals.push({
    goal: `KL < ${KL_THRESHOLD} within ${GOALS.klSeconds} s wherever reachable`,
    ok: reached.length === 0 ? null : slow.length === 0,
    value: `${reached.length - slow.length}/${reached.length} reached in time${slow.length ? ` (slow: ${slow.map((r) => `${r.id} ${r.seconds.toFixed(1)} s`).join(', ')})` : ''}; ${kl.length - reached.length} not reached in ${BUDGET.klCapSeconds} s`,
  });
  console.log('\nIssue 4 targets');
  for (const g of goals) console.log(`  [${verdict(g.ok)}] ${pad(g.goal, 62)} ${g.value}`);
  if (results.failures.length > 0) {
    console.log(`  ${results.failures.length} phase(s) failed: ${results.failures.map((f) => f.phase).join(', ')}`);
    process.exitCode = 1;
  }

  mkdirSync('.bench', { recursive: true });
  const out = { date: new Date().toISOString(), seconds: (Date.now() - t0) / 1000, cores: cpus().length, loads, budget: BUDGET, goals, ...results };
  writeFileSync('.bench/results.json', `${JSON.stringify(out, null, 2)}\n`);
  console.log(`\nwrote .bench/results.json (${elapsed()} in all)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import type { Snapshot, TargetField } from '../core/engine/snapshot';
import type { FromWorker, ToWorker, WithoutVersion } from '../worker/protocol';
import { PROTOCOL_VERSION } from '../worker/protocol';
import type { CatalogueTarget, EngineBench, FrameHealth, FromBenchWorker, MeasurePlan, ToBenchWorker } from './types';

/**
 * bench.html: the browser half of `npm run bench`, driven by scripts/bench.mjs through
 * window.viBench. Imports no engine code itself (tfjs stays in workers): engine timings run in the
 * bench worker; the frame-health test drives the app's real engine worker and draws every frame.
 */

declare global {
  interface Window {
    viBench?: {
      catalogue(): Promise<CatalogueTarget[]>;
      measure(plan: MeasurePlan): Promise<EngineBench>;
      frameHealth(seconds: number): Promise<FrameHealth>;
    };
  }
}

const log = document.getElementById('log');
function say(text: string): void {
  if (log) log.textContent += `${text}\n`;
  console.log(`[bench] ${text}`);
}

function benchWorker(): Worker {
  return new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
}

/** One request to a fresh bench worker, resolved by the first reply of the wanted type. */
function ask<T extends FromBenchWorker['type']>(msg: ToBenchWorker, want: T): Promise<Extract<FromBenchWorker, { type: T }>> {
  const worker = benchWorker();
  return new Promise((resolve, reject) => {
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`bench worker crashed: ${e.message}`));
    };
    worker.onmessage = (e: MessageEvent<FromBenchWorker>) => {
      const m = e.data;
      if (m.type === 'progress') say(m.text);
      else if (m.type === 'error') {
        worker.terminate();
        reject(new Error(m.message));
      } else if (m.type === want) {
        worker.terminate();
        resolve(m as Extract<FromBenchWorker, { type: T }>);
      }
    };
    worker.postMessage(msg);
  });
}

const median = (xs: number[]) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const SVG = 'http://www.w3.org/2000/svg';
const PANEL = 160;

/** What one run's panel shows: q's density as a canvas heat map, its display samples and the KL trace. */
class Panel {
  private readonly canvas = document.createElement('canvas');
  private readonly dots = document.createElementNS(SVG, 'path');
  private readonly trace = document.createElementNS(SVG, 'polyline');
  private readonly label = document.createElementNS(SVG, 'text');
  private readonly kl: number[] = [];
  field: TargetField | null = null;
  snapshot: Snapshot | null = null;
  private drawn: Snapshot | null = null;

  constructor(host: HTMLElement) {
    const box = document.createElement('div');
    box.style.cssText = `position:relative;display:inline-block;width:${PANEL}px;height:${PANEL + 40}px;margin:4px`;
    this.canvas.style.cssText = `width:${PANEL}px;height:${PANEL}px;position:absolute;left:0;top:0`;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', String(PANEL));
    svg.setAttribute('height', String(PANEL + 40));
    svg.style.cssText = 'position:absolute;left:0;top:0';
    this.dots.setAttribute('stroke', '#d55e00');
    this.dots.setAttribute('stroke-width', '3');
    this.dots.setAttribute('stroke-linecap', 'round');
    this.trace.setAttribute('fill', 'none');
    this.trace.setAttribute('stroke', '#0072b2');
    this.label.setAttribute('x', '2');
    this.label.setAttribute('y', String(PANEL + 36));
    this.label.setAttribute('font-size', '11');
    svg.append(this.dots, this.trace, this.label);
    box.append(this.canvas, svg);
    host.append(box);
  }

  receive(s: Snapshot): void {
    this.snapshot = s;
    if (s.klQP !== null) this.kl.push(s.klQP);
    if (this.kl.length > 200) this.kl.shift();
  }

  /** Redraw from the latest snapshot (every frame, like the app's plots). */
  draw(): void {
    const s = this.snapshot;
    const f = this.field;
    if (!s || !f) return;
    const [x0, x1] = f.domain.x;
    const [y0, y1] = f.domain.y ?? [0, 1];
    const sx = (v: number) => ((v - x0) / (x1 - x0)) * PANEL;
    const sy = (v: number) => PANEL - ((v - y0) / (y1 - y0)) * PANEL;
    if (s !== this.drawn && s.logq && f.dim === 2) {
      const { nx, ny } = f;
      if (this.canvas.width !== nx) {
        this.canvas.width = nx;
        this.canvas.height = ny;
      }
      const ctx = this.canvas.getContext('2d');
      if (ctx) {
        let max = Number.NEGATIVE_INFINITY;
        for (const v of s.logq) if (v > max) max = v;
        const img = ctx.createImageData(nx, ny);
        for (let j = 0; j < ny; j++) {
          for (let i = 0; i < nx; i++) {
            const k = (ny - 1 - j) * nx + i;
            const a = Math.exp(s.logq[j * nx + i] - max);
            img.data[4 * k] = 230;
            img.data[4 * k + 1] = 159;
            img.data[4 * k + 2] = 0;
            img.data[4 * k + 3] = Math.round(255 * a);
          }
        }
        ctx.putImageData(img, 0, 0);
      }
    }
    this.drawn = s;
    const dim = f.dim;
    let d = '';
    for (let i = 0; i < s.samples.length / dim; i++) {
      const x = sx(s.samples[i * dim]);
      const y = dim === 2 ? sy(s.samples[i * dim + 1]) : PANEL / 2;
      d += `M${x.toFixed(1)} ${y.toFixed(1)}h0`;
    }
    this.dots.setAttribute('d', d);
    const lo = Math.log(1e-3);
    const hi = Math.log(10);
    this.trace.setAttribute(
      'points',
      this.kl.map((v, i) => `${((i / 200) * PANEL).toFixed(1)},${(PANEL + 30 - ((Math.log(Math.max(v, 1e-3)) - lo) / (hi - lo)) * 28).toFixed(1)}`).join(' '),
    );
    this.label.textContent = `step ${s.step} · KL ${s.klQP === null ? '—' : s.klQP.toPrecision(4)}`;
  }
}

/**
 * Frame health while four runs train: the app's real engine worker, configured with 4 runs and
 * playing, while this page redraws every run each frame. Counts main-thread long tasks (> 50 ms)
 * and requestAnimationFrame intervals over `seconds` after Play.
 */
async function frameHealth(seconds: number): Promise<FrameHealth> {
  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });

  const { session, note } = await ask({ type: 'fourRunSession' }, 'fourRunSession');
  const host = document.getElementById('panels') ?? document.body;
  const panels = session.runs.map(() => new Panel(host));
  const errors: string[] = [];
  let backend = '';
  let snapshots = 0;
  const worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
  const send = (m: WithoutVersion<ToWorker>) => worker.postMessage({ ...m, v: PROTOCOL_VERSION });
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    const m = e.data;
    if (m.type === 'ready') {
      backend = m.backend;
      onReady();
    } else if (m.type === 'field') panels[m.run].field = m.field;
    else if (m.type === 'snapshot') {
      panels[m.run].receive(m.snapshot);
      snapshots++;
    } else if (m.type === 'error') errors.push(`${m.kind}: ${m.message}`);
  };
  worker.onerror = (e) => errors.push(`worker crashed: ${e.message}`);
  say(`frame health: configure ${session.runs.length} runs${note ? ` (${note})` : ''}`);
  send({ type: 'configure', session });
  await ready;

  const deltas: number[] = [];
  const draws: number[] = [];
  let playAt = 0;
  let last = 0;
  let running = true;
  const frame = (t: number) => {
    if (!running) return;
    const d0 = performance.now();
    for (const p of panels) p.draw();
    if (playAt > 0) draws.push(performance.now() - d0);
    if (playAt > 0 && last > 0 && t > playAt) deltas.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // A frame or two before Play so the first delta is not the idle gap.
  await new Promise((r) => setTimeout(r, 200));
  const stepAt = () => panels.reduce((s, p) => s + (p.snapshot?.step ?? 0), 0);
  send({ type: 'play' });
  playAt = performance.now();
  const steps0 = stepAt();
  const snaps0 = snapshots;
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const endAt = performance.now();
  const steps1 = stepAt();
  const snaps1 = snapshots;
  running = false;
  send({ type: 'pause' });
  // Long-task entries are delivered asynchronously: give the observer a moment.
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  worker.terminate();

  const during = longTasks.filter((t) => t.startTime >= playAt && t.startTime < endAt);
  const before = longTasks.filter((t) => t.startTime < playAt);
  const med = median(deltas);
  return {
    seconds,
    runs: session.runs.length,
    note,
    backend,
    speed: session.speed,
    longTasks: during.length,
    longTaskMs: during.reduce((s, t) => s + t.duration, 0),
    longestTaskMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
    startupLongTasks: before.length,
    frames: deltas.length,
    medianFps: 1000 / med,
    p95FrameMs: quantile(deltas, 0.95),
    maxFrameMs: deltas.reduce((m, d) => Math.max(m, d), 0),
    slowFrames: deltas.filter((d) => d > 1.5 * med).length,
    drawMsMedian: median(draws),
    drawMsMax: draws.reduce((m, d) => Math.max(m, d), 0),
    snapshotsPerSecond: ((snaps1 - snaps0) / (endAt - playAt)) * 1000,
    stepsPerSecond: ((steps1 - steps0) / (endAt - playAt)) * 1000,
    errors,
  };
}

window.viBench = {
  catalogue: async () => (await ask({ type: 'catalogue' }, 'catalogue')).targets,
  measure: async (plan) => (await ask({ type: 'measure', plan }, 'measured')).result,
  frameHealth,
};
say('bench page ready');

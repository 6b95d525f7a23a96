import { describe, expect, it } from 'vitest';
import { FramePacer } from './framePacer';

/** Draws one frame of `runs` runs costing `cost` ms at `at` on a fake clock. */
function draw(pacer: FramePacer, at: number, cost: number, runs = 1): void {
  pacer.begin(at, runs);
  pacer.end(at + cost);
}

describe('FramePacer', () => {
  it('draws at once and every frame while drawing is cheap', () => {
    const pacer = new FramePacer();
    expect(pacer.wait(0)).toBe(0);
    // Nothing measured yet: one run first.
    expect(pacer.runsPerFrame()).toBe(1);
    for (let t = 0; t < 1000; t += 16) draw(pacer, t, 2, 2);
    // 2 ms a frame / 0.4 = 5 ms apart: the next animation frame (16 ms later) is never held back.
    expect(pacer.wait(1000)).toBe(0);
    expect(pacer.runsPerFrame()).toBe(2);
  });

  it('spaces frames so drawing takes at most its share of the main thread', () => {
    const pacer = new FramePacer({ busyShare: 0.4 });
    for (let t = 0; t < 2000; t += 100) draw(pacer, t, 40);
    pacer.begin(2000, 1);
    pacer.end(2040);
    // 40 ms a frame at 40 %: one frame every 100 ms, counted from the last start.
    expect(pacer.averageFrameMs()).toBeCloseTo(40);
    expect(pacer.wait(2040)).toBeCloseTo(60);
    expect(pacer.wait(2100)).toBe(0);
  });

  it('never waits longer than maxGapMs, however slow drawing is', () => {
    const pacer = new FramePacer({ maxGapMs: 500 });
    draw(pacer, 0, 1000);
    expect(pacer.wait(1000)).toBe(0);
    expect(pacer.wait(200)).toBe(300);
  });

  it('keeps an embed’s minimum time between frames', () => {
    const pacer = new FramePacer({ minFrameMs: 100 });
    draw(pacer, 0, 1);
    expect(pacer.wait(1)).toBe(99);
  });

  it('draws fewer runs per frame when one run costs more than the frame budget', () => {
    const pacer = new FramePacer({ frameBudgetMs: 10, maxRunsPerFrame: 2 });
    for (let t = 0; t < 2000; t += 100) draw(pacer, t, 24, 2);
    // 12 ms a run: one run a frame.
    expect(pacer.runsPerFrame()).toBe(1);
    // Drawing gets cheap again (the throttled tab is back to full speed): both runs again.
    for (let t = 2000; t < 4000; t += 16) draw(pacer, t, 4, 1);
    expect(pacer.runsPerFrame()).toBe(2);
  });

  it('follows a change of pace within a few frames, not at the first outlier', () => {
    const pacer = new FramePacer({ busyShare: 0.5 });
    for (let t = 0; t < 1000; t += 16) draw(pacer, t, 4);
    draw(pacer, 1000, 80);
    // One 80 ms frame (a garbage collection) moves the average part of the way only.
    expect(pacer.averageFrameMs()).toBeGreaterThan(4);
    expect(pacer.averageFrameMs()).toBeLessThan(40);
    for (let t = 1100; t < 7000; t += 200) draw(pacer, t, 80);
    expect(pacer.averageFrameMs()).toBeCloseTo(80, 0);
  });

  it('ignores an end without a begin', () => {
    const pacer = new FramePacer();
    pacer.end(50);
    expect(pacer.averageFrameMs()).toBe(0);
    expect(pacer.wait(0)).toBe(0);
  });
});

describe('FramePacer: the wait for the frame that renders a draw', () => {
  it('is not counted as drawing', () => {
    const pacer = new FramePacer({ busyShare: 0.4 });
    // The flush took 4 ms, the frame came 12 ms after it and its layout and paint took 3 ms.
    pacer.begin(0, 1);
    pacer.end(19, 12);
    expect(pacer.averageFrameMs()).toBeCloseTo(7);
    expect(pacer.wait(19)).toBeCloseTo(0);
  });
});

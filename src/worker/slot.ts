import type { RunConfig } from '../core/config';
import { DivergenceError, Run, type RunState } from '../core/engine/run';

/** One hosted run and what the host remembers about it. */
export interface Slot {
  config: RunConfig;
  run: Run;
  lastFieldVersion: number;
  /**
   * q's parameters at the last snapshot whose numbers were all finite: what a lost WebGL context
   * (whose tensors cannot be read any more) or an older Run that diverged without restoring
   * falls back to. Null until the first snapshot.
   */
  state: RunState | null;
  /** Diverged and waiting for Resume or Reset; the other runs go on. */
  halted: boolean;
}

export function makeSlot(config: RunConfig, restore: RunState | null): Slot {
  const run = new Run(config);
  let state: RunState | null = null;
  if (restore) {
    try {
      run.importState(restore);
      state = restore;
    } catch {
      // A state from another family (a configure raced the crash): this run starts afresh.
    }
  }
  return { config, run, lastFieldVersion: -1, state, halted: false };
}

export function allFinite(state: RunState): boolean {
  return state.variables.every((v) => v.every(Number.isFinite));
}

/**
 * After a DivergenceError: set the run back to parameters it can go on from. The Run restores
 * its last finite parameters itself, but those come from the step just before the blow-up and
 * are often finite yet enormous (plain SGD at lr 0.5 reaches 1e30 before it overflows), so
 * resuming from them diverges again at once, whatever the new learning rate. The slot's state
 * from the last snapshot (what the learner last saw on screen, at most a frame earlier, all of
 * its numbers finite) is the better place to go on from; the Run's own restore is the fallback
 * when no snapshot was taken yet. Returns the step the run now stands at.
 */
export function settleAfterDivergence(slot: Slot): number {
  if (slot.state && slot.state.step <= slot.run.step) {
    slot.run.importState(slot.state);
    return slot.run.step;
  }
  try {
    if (allFinite(slot.run.exportState())) return slot.run.step;
  } catch {
    // Reading the parameters failed: treat them as lost.
  }
  if (slot.state) slot.run.importState(slot.state);
  return slot.run.step;
}

export function isDivergence(e: unknown): e is DivergenceError {
  return e instanceof DivergenceError;
}

export function disposeQuietly(slot: Slot): void {
  try {
    slot.run.dispose();
  } catch {
    // Tensors of a lost WebGL context may refuse to be freed; the context took them anyway.
  }
}

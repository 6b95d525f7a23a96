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
 * After a DivergenceError: make sure the run holds finite parameters again. The Run restores its
 * last finite parameters itself before throwing from run(); an older Run that only noticed in
 * snapshot() leaves NaN behind, so the slot's last good state is loaded instead.
 * Returns the step the run now stands at.
 */
export function settleAfterDivergence(slot: Slot): number {
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

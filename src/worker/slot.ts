import type { RunConfig } from '../core/config';
import { DivergenceError, Run, type RunState } from '../core/engine/run';
import { changeKind } from '../core/rules';

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

/**
 * The slots of a new session from the old ones: run i continues old slot keep[i] when rules.ts
 * says the change is not a rebuild and the Run takes it in place; the others start afresh. Old
 * slots nobody continues are returned to be freed.
 */
export function reuseSlots(old: readonly Slot[], configs: readonly RunConfig[], keep: readonly (number | null)[]): { slots: Slot[]; freed: Slot[] } {
  const used = new Set<number>();
  const slots = configs.map((config, i) => {
    const from = keep[i];
    const slot = from === null || from === undefined || used.has(from) ? undefined : old[from];
    if (slot && changeKind(slot.config, config) !== 'rebuild' && slot.run.update(config)) {
      used.add(from as number);
      slot.config = config;
      return slot;
    }
    return makeSlot(config, null);
  });
  return { slots, freed: old.filter((_, i) => !used.has(i)) };
}

/** For each new run, the parameters of the old run it continues (same kind of run), else null. */
export function keptStates(old: readonly Slot[], configs: readonly RunConfig[], keep: readonly (number | null)[]): (RunState | null)[] {
  return configs.map((config, i) => {
    const from = keep[i];
    const slot = from === null || from === undefined ? undefined : old[from];
    if (!slot || changeKind(slot.config, config) === 'rebuild') return null;
    try {
      const state = slot.run.exportState();
      return allFinite(state) ? state : slot.state;
    } catch {
      return slot.state;
    }
  });
}

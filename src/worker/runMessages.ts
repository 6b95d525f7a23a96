import type { FromWorker, WithoutVersion } from './protocol';
import { type Slot, allFinite } from './slot';

/** What a post of one run's snapshot says beside the run's own numbers. */
export interface PostContext {
  readonly epoch: number;
  /** Steps of each run a second (pacer.ts). */
  readonly stepsPerSecond: number;
  readonly playing: boolean;
  /** The expensive read-outs may trail the step, within their budget (a playing run's: runReadouts.ts). */
  readonly budgeted: boolean;
  /** How many runs the host steps: they share the read-outs' budget. */
  readonly runs: number;
}

/** A message to the page and the buffers it transfers. */
export interface Outgoing {
  readonly msg: WithoutVersion<FromWorker>;
  readonly transfer: Transferable[];
}

/**
 * One hosted run's snapshot: its state, when all finite, becomes the slot's recovery point.
 * Throws the run's DivergenceError (an older Run notices NaN only here).
 */
export function snapshotMessage(slot: Slot, index: number, post: PostContext): Outgoing {
  const snapshot = slot.run.snapshot({ budgeted: post.budgeted, runs: post.runs });
  const state = slot.run.exportState();
  if (allFinite(state)) slot.state = state;
  const transfer = [snapshot.samples.buffer as ArrayBuffer];
  if (snapshot.logq) transfer.push(snapshot.logq.buffer as ArrayBuffer);
  // The state is copied, not transferred: the slot keeps it for recovery.
  return {
    msg: { type: 'snapshot', run: index, snapshot, state, epoch: post.epoch, stepsPerSecond: post.stepsPerSecond, playing: post.playing, halted: slot.halted },
    transfer,
  };
}

/** One hosted run's target field (log p̃ on the grid), noted as sent. */
export function fieldMessage(slot: Slot, index: number): WithoutVersion<FromWorker> {
  slot.lastFieldVersion = slot.run.field.version;
  // Copied, not transferred: the Run keeps using its log p̃ grid.
  return { type: 'field', run: index, field: slot.run.field };
}

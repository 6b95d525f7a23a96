import { actions } from './controller';
import { NO_EXPLAIN, STEP_STAGES, usePlayground } from './store';

/**
 * The teaching overlays' switches (docs/math.md#see-the-gradient). The step-through walks one
 * step's stages on run 0 while paused; its last stage takes the step (one Step to the worker) and
 * keeps the snapshot from before it, so the plot can show the old q beside the new one.
 */
export const explainActions = {
  setGradients(on: boolean): void {
    usePlayground.setState((s) => ({ explain: { ...s.explain, gradients: on } }));
  },
  startStepThrough(): void {
    actions.pause();
    usePlayground.setState((s) => ({ explain: { ...s.explain, stage: STEP_STAGES[0], before: null } }));
  },
  /** The next stage; entering 'move' takes the step, and after 'move' the next step begins. */
  nextStage(): void {
    const { explain, runs } = usePlayground.getState();
    if (explain.stage === null) return;
    const next = STEP_STAGES[(STEP_STAGES.indexOf(explain.stage) + 1) % STEP_STAGES.length];
    if (next === 'move') {
      usePlayground.setState({ explain: { ...explain, stage: next, before: runs[0]?.snapshot ?? null } });
      actions.step();
      return;
    }
    usePlayground.setState({ explain: { ...explain, stage: next, before: null } });
  },
  stopStepThrough(): void {
    usePlayground.setState((s) => ({ explain: { ...s.explain, stage: NO_EXPLAIN.stage, before: NO_EXPLAIN.before } }));
  },
};

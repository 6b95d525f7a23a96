import { SPEED, defaultConfig, parseRunConfig } from '../core/config';
import type { Backend, RunConfig } from '../core/config';
import { families, findFamilyInfo } from '../core/families/registry';
import { type SessionConfig, sessionOf } from '../core/session';
import { findTarget } from '../core/targets/registry';

/** One run of a workload: ids and the few settings that differ from the defaults. */
export interface RunSpec {
  readonly target: string;
  readonly family: string;
  readonly samples?: number;
  readonly familyOptions?: Readonly<Record<string, number>>;
}

export interface Workload {
  readonly id: string;
  readonly label: string;
  /** Runs hosted together in one worker; steps/s is their total. */
  readonly runs: readonly RunSpec[];
}

/** Every family is measured on this target at this batch, with its default options (issue 9). */
export const BENCH_TARGET = 'banana';
export const BENCH_SAMPLES = 256;

/** A family's name with its default options, e.g. "mixture (K=3)". */
export function familyLabel(id: string): string {
  const spec = findFamilyInfo(id);
  if (!spec || spec.options.length === 0) return id;
  return `${id} (${spec.options.map((o) => `${o.name}=${o.default}`).join(', ')})`;
}

/** One workload per family in the registry (picker order): a new family is benchmarked as it lands. */
export const FAMILY_WORKLOADS: readonly Workload[] = families.map((f) => ({
  id: f.id,
  label: familyLabel(f.id),
  runs: [{ target: BENCH_TARGET, family: f.id, samples: BENCH_SAMPLES }],
}));

/** The four-run comparison (issue 9's goal: ≥ 2,000 steps/s of all runs together in the app). */
export const FOUR_RUNS: Workload = {
  id: 'four-runs',
  label: '4 runs (mean-field, full-rank, mixture, planar-flow)',
  runs: ['mean-field', 'full-rank', 'mixture', 'planar-flow'].map((family) => ({ target: BENCH_TARGET, family, samples: BENCH_SAMPLES })),
};

export const WORKLOADS: readonly Workload[] = [...FAMILY_WORKLOADS, FOUR_RUNS];

/** The families that get a ceiling (the bare fast loop); absent fast paths print "n/a". */
export const CEILING_FAMILIES: readonly string[] = ['full-rank', 'planar-flow', 'mixture'];

/** A workload as the worker takes it: one session (its runs share the target; speed and backend are the host's). */
export type Built = { readonly ok: true; readonly session: SessionConfig } | { readonly ok: false; readonly status: 'missing' | 'error'; readonly note: string };

/** The ids of a workload that the registry does not know (yet). */
export function missingIds(w: Workload): string[] {
  const missing = new Set<string>();
  for (const r of w.runs) {
    if (!findTarget(r.target)) missing.add(r.target);
    if (!findFamilyInfo(r.family)) missing.add(r.family);
  }
  return [...missing];
}

/**
 * The player's speed limit when the bench measures capacity: the top of the slider, where the
 * host steps as fast as the engine can (the app's default is SPEED.default steps/s per run).
 */
export const UNLIMITED_SPEED = SPEED.max;

/** A validated RunConfig for one run spec (throws the schema's message when a setting is refused). */
export function configFor(r: RunSpec): RunConfig {
  const base = defaultConfig(r.target, r.family);
  return parseRunConfig({
    ...base,
    samples: r.samples ?? base.samples,
    family: { id: base.family.id, options: { ...base.family.options, ...(r.familyOptions ?? {}) } },
  });
}

/** The session of a workload (at the given speed limit and backend), or why there is none. */
export function buildWorkload(w: Workload, backend: Backend, speed: number = UNLIMITED_SPEED): Built {
  const missing = missingIds(w);
  if (missing.length > 0) return { ok: false, status: 'missing', note: `not in catalogue: ${missing.join(', ')}` };
  // A session has one target: runs on different targets cannot be hosted (and timed) together.
  if (new Set(w.runs.map((r) => r.target)).size > 1) return { ok: false, status: 'error', note: 'the runs of a workload must share one target' };
  try {
    return { ok: true, session: sessionOf(w.runs.map(configFor), { speed, backend }) };
  } catch (e) {
    return { ok: false, status: 'error', note: e instanceof Error ? e.message : String(e) };
  }
}

/** The app link that opens one family on the bench target and plays at once (first-step latency). */
export function autoplayLink(familyId: string): string {
  return `#target=${BENCH_TARGET}&family=${encodeURIComponent(familyId)}&samples=${BENCH_SAMPLES}&autoplay=1`;
}

import { SPEED, defaultConfig, parseRunConfig } from '../core/config';
import type { Backend, RunConfig } from '../core/config';
import { findFamily } from '../core/families/registry';
import { type SessionConfig, sessionOf } from '../core/session';
import { findTarget, targets } from '../core/targets/registry';
import type { CatalogueTarget } from './types';

/** One run of a reference workload: ids and the few settings that differ from the defaults. */
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

/** The reference workloads of issue 4. Ids not in the registry yet are reported, never fatal. */
export const WORKLOADS: readonly Workload[] = [
  { id: 'fr-banana-256', label: 'full-rank · banana · 256', runs: [{ target: 'banana', family: 'full-rank', samples: 256 }] },
  { id: 'fr-banana-1024', label: 'full-rank · banana · 1024', runs: [{ target: 'banana', family: 'full-rank', samples: 1024 }] },
  {
    id: 'planar16-u1',
    label: 'planar-flow (16) · u1',
    runs: [{ target: 'u1', family: 'planar-flow', familyOptions: { layers: 16 } }],
  },
  {
    id: 'mixture5-multimodal',
    label: 'mixture (K=5) · multimodal',
    runs: [{ target: 'multimodal', family: 'mixture', familyOptions: { K: 5 } }],
  },
  {
    id: 'four-banana',
    label: '4 runs · banana (MF, FR, mix, planar)',
    runs: [
      { target: 'banana', family: 'mean-field' },
      { target: 'banana', family: 'full-rank' },
      { target: 'banana', family: 'mixture' },
      { target: 'banana', family: 'planar-flow' },
    ],
  },
];

export const FOUR_RUNS = WORKLOADS[WORKLOADS.length - 1];

/** A workload as the worker takes it: one session (its runs share the target; speed and backend are the host's). */
export type Built = { readonly ok: true; readonly session: SessionConfig } | { readonly ok: false; readonly status: 'missing' | 'error'; readonly note: string };

/** The ids of a workload that the registry does not know (yet). */
export function missingIds(w: Workload): string[] {
  const missing = new Set<string>();
  for (const r of w.runs) {
    if (!findTarget(r.target)) missing.add(r.target);
    if (!findFamily(r.family)) missing.add(r.family);
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

/**
 * The 4-run comparison for the frame-health test, at the app's default speed (what a learner
 * meets). Families that have not landed yet are stood in for by ones that have (cycling through
 * the workload's available families), and the note says so, so the page still carries four runs.
 */
export function fourRunSession(backend: Backend): { session: SessionConfig; note: string } {
  const available = FOUR_RUNS.runs.filter((r) => findTarget(r.target) && findFamily(r.family));
  if (available.length === 0) throw new Error('none of the 4-run families is in the catalogue');
  const stood: string[] = [];
  const configs = FOUR_RUNS.runs.map((r, i) => {
    if (findTarget(r.target) && findFamily(r.family)) return configFor(r);
    const sub = available[i % available.length];
    stood.push(`${r.family} → ${sub.family}`);
    return configFor(sub);
  });
  const session = sessionOf(configs, { speed: SPEED.default, backend });
  return { session, note: stood.length > 0 ? `stand-ins (not in catalogue): ${stood.join(', ')}` : '' };
}

/** The catalogue's targets as the browser checks see them. */
export function catalogue(): CatalogueTarget[] {
  return targets.map((t) => ({
    id: t.id,
    name: t.name,
    dim: t.dim,
    constrained: t.constraint !== undefined,
    realData: t.source !== undefined,
  }));
}

// zod/mini, as the config schemas (src/core/config.ts): the page's bundle carries one, the small one.
import * as z from 'zod/mini';

/**
 * The embed's message API (docs/embedding.md): what a host page may send an embedded playground
 * (`embed.html`) and what it sends back. Pure data and schemas: the bridge (hostBridge.ts) does the
 * talking, the `<vi-playground>` element (src/embed/element.ts) keeps its own copy of the two
 * constants, checked equal by a test.
 */

// Before any schema is built: zod 4 probes `new Function('')` when it builds an object schema (to
// compile a faster parser), and the site's strict CSP (vite.config.ts, no 'unsafe-eval') reports
// that probe as a script-src violation even though zod catches the refusal (e2e/csp.spec.ts).
z.config({ jitless: true });

/** Every event an embed posts carries `source: EMBED_SOURCE` and `version: EMBED_API_VERSION`. */
export const EMBED_SOURCE = 'vi-playground';
/** Every command a host sends carries `target: EMBED_TARGET`; other messages are not for us. */
export const EMBED_TARGET = 'vi-playground';
export const EMBED_API_VERSION = 1;

/**
 * The parts `hide=` can take away, in the order the docs list them. Each names elements marked
 * `data-part="…"` in the UI; hiding one leaves the rest laid out as they were.
 */
export const HIDE_PARTS = [
  'header',
  'transport',
  'engine',
  'target',
  'sliders',
  'family',
  'objective',
  'plot',
  'chart',
  'metrics',
  'notices',
] as const;
export type HidePart = (typeof HIDE_PARTS)[number];

/** The most steps one `step` command may ask for. */
export const MAX_STEP_COMMAND = 10_000;

/** The app's hash keys: a string like the link's hash (`#target=banana&…`) or an object of strings. */
const configValue = z.union([
  z.string().check(z.maxLength(8192)),
  z.record(z.string().check(z.maxLength(64)), z.union([z.string().check(z.maxLength(4096)), z.number()])),
]);
const commandId = z.union([z.string().check(z.maxLength(128)), z.number()]);

const base = { target: z.literal(EMBED_TARGET), id: z.optional(commandId) };

export const embedCommandSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('play') }),
  z.object({ ...base, type: z.literal('pause') }),
  z.object({ ...base, type: z.literal('step'), n: z.optional(z.int().check(z.gte(1), z.lte(MAX_STEP_COMMAND))) }),
  z.object({ ...base, type: z.literal('reset') }),
  z.object({ ...base, type: z.literal('configure'), config: configValue }),
  z.object({ ...base, type: z.literal('getState') }),
]);
export type EmbedCommand = z.infer<typeof embedCommandSchema>;
export type EmbedCommandType = EmbedCommand['type'];

/** Each run's numbers in a `snapshot` event (null where the run has no such number yet). */
export interface EmbedRunNumbers {
  readonly run: number;
  readonly family: string;
  readonly objective: string;
  readonly step: number;
  readonly elbo: number | null;
  readonly kl: number | null;
  readonly klpq: number | null;
  readonly logZ: number | null;
}

/** The current configuration: the hash (app keys) and a link to the full playground with it. */
export interface EmbedState {
  readonly hash: string;
  readonly url: string;
  /** Playing as the page shows it: false at once on a pause. */
  readonly playing: boolean;
  /**
   * Whether the engine takes steps, by its own word: after a pause it turns false once the engine
   * has stopped, when `step` and the numbers are the last it took (the step holds from then).
   */
  readonly stepping: boolean;
  /** A play waits for the embed to come into view (autoplay=1, a host's play, a pause of its own when unseen). */
  readonly playWhenSeen: boolean;
  readonly step: number;
  readonly runs: number;
}

export type EmbedEventBody =
  | ({ readonly type: 'ready' } & EmbedState)
  | { readonly type: 'snapshot'; readonly step: number; readonly playing: boolean; readonly runs: readonly EmbedRunNumbers[] }
  | { readonly type: 'converged'; readonly run: number; readonly step: number; readonly elbo: number | null; readonly kl: number | null }
  | { readonly type: 'error'; readonly id?: string | number; readonly kind: EmbedErrorKind; readonly message: string; readonly run?: number }
  | { readonly type: 'resize'; readonly height: number }
  | ({ readonly type: 'state'; readonly id?: string | number } & EmbedState);

/**
 * command: the host's message was malformed or refused (nothing changed); config: a `configure`
 * whose keys the link reader refused; diverged: a run halted; engine: the engine's own trouble.
 */
export type EmbedErrorKind = 'command' | 'config' | 'diverged' | 'engine';

export type EmbedEvent = EmbedEventBody & { readonly source: typeof EMBED_SOURCE; readonly version: typeof EMBED_API_VERSION };

export const embedEvent = (body: EmbedEventBody): EmbedEvent => ({ ...body, source: EMBED_SOURCE, version: EMBED_API_VERSION });

/** At most this many `snapshot` events a second (the host redraws a few numbers, not a plot). */
export const SNAPSHOTS_PER_SECOND = 4;

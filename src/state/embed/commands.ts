import { EMBED_TARGET, type EmbedCommandType, type EmbedEventBody, type EmbedState, embedCommandSchema } from './embedApi';

/** What a host's command can do to the embed (hostBridge.ts wires it to the store and controller). */
export interface CommandTarget {
  play(): void;
  pause(): void;
  step(n: number): void;
  reset(): void;
  /** Applies the hash keys strictly: returns the link reader's problems, and changes nothing if any. */
  configure(hash: string): string[];
  state(): EmbedState;
}

const TYPES: readonly EmbedCommandType[] = ['play', 'pause', 'step', 'reset', 'configure', 'getState'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A command's id, if it has one we can echo (a string of ≤ 128 characters or a finite number). */
function idOf(data: Record<string, unknown>): string | number | undefined {
  const id = Object.hasOwn(data, 'id') ? data.id : undefined;
  if (typeof id === 'string' && id.length <= 128) return id;
  if (typeof id === 'number' && Number.isFinite(id)) return id;
  return undefined;
}

/** `configure`'s keys as the link's hash: a string as it is, an object's entries %-encoded. */
export function configHash(config: string | Readonly<Record<string, string | number>>): string {
  if (typeof config === 'string') return config.startsWith('#') ? config : `#${config}`;
  return `#${Object.entries(config)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')}`;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * One message from the host (docs/embedding.md#commands): null when it is not addressed to us
 * (`target` is not "vi-playground": another script's message, ignored); otherwise the reply, or
 * null when an accepted command has no id to answer. A refused command changes nothing and is
 * answered with an `error` carrying its id. Never throws, whatever the message.
 */
export function handleCommand(data: unknown, target: CommandTarget): EmbedEventBody | null {
  if (!isRecord(data) || data.target !== EMBED_TARGET) return null;
  const id = idOf(data);
  const refuse = (kind: 'command' | 'config', message: string): EmbedEventBody => ({ type: 'error', kind, message, ...(id !== undefined ? { id } : {}) });
  const type = data.type;
  if (typeof type !== 'string' || !(TYPES as readonly string[]).includes(type)) {
    const got = typeof type === 'string' ? `"${short(type)}"` : typeof type;
    return refuse('command', `unknown command type ${got}; valid: ${TYPES.join(', ')}.`);
  }
  const parsed = embedCommandSchema.safeParse(data);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'command'}: ${i.message}`).join('; ');
    return refuse('command', `${type}: ${why}.`);
  }
  const command = parsed.data;
  switch (command.type) {
    case 'play':
      target.play();
      break;
    case 'pause':
      target.pause();
      break;
    case 'step':
      target.step(command.n ?? 1);
      break;
    case 'reset':
      target.reset();
      break;
    case 'configure': {
      const hash = configHash(command.config);
      // The one key a host may not set: it says which host may talk to this embed.
      if (new URLSearchParams(hash.slice(1)).has('origin')) return refuse('config', 'origin cannot be set by a command, only by the embed’s own link.');
      const problems = target.configure(hash);
      if (problems.length > 0) return refuse('config', `${problems.join('; ')}.`);
      break;
    }
    case 'getState':
      break;
  }
  return id !== undefined || command.type === 'getState' ? { type: 'state', ...target.state(), ...(id !== undefined ? { id } : {}) } : null;
}

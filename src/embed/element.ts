/**
 * `<vi-playground>`: the one-line embed for course pages (docs/embedding.md).
 *
 *   <script src="https://…/embed.js"></script>
 *   <vi-playground config="#target=banana&family=mean-field,full-rank" hide="engine"></vi-playground>
 *
 * becomes an iframe of `embed.html` (beside embed.js) that grows and shrinks with the embed's
 * `resize` events, so the page needs no JavaScript of its own. Every event the embed posts is
 * re-dispatched on the element as a `vi-playground:<type>` CustomEvent, and play(), pause(),
 * step(), reset(), configure() and getState() send the matching commands.
 *
 * This file ships as a classic script (`dist/embed.js`, built by scripts/vite/embedScript.ts): it
 * imports nothing and touches the DOM only when a browser runs it, so a unit test can import
 * its pure functions. Its copies of the API constants are checked against
 * src/state/embed/embedApi.ts by element.test.ts.
 */

export const EMBED_SOURCE = 'vi-playground';
export const EMBED_TARGET = 'vi-playground';
export const EMBED_API_VERSION = 1;
export const ELEMENT_NAME = 'vi-playground';

export const DEFAULT_HEIGHT_PX = 520;
export const MIN_HEIGHT_PX = 200;
export const MAX_HEIGHT_PX = 4000;

/** Commands waiting for the embed's `ready` are capped: a frame that never loads must not grow a queue forever. */
const MAX_QUEUED_COMMANDS = 64;

export interface FrameSrcOptions {
  /** The app's hash keys, with or without the leading '#'. */
  readonly config: string | null;
  /** The `hide` attribute: a comma list of parts. */
  readonly hide: string | null;
  readonly autoplay: boolean;
  /** The host page's origin; null (or "null", a file:// page) sends none. */
  readonly hostOrigin: string | null;
}

function decodedKey(entry: string): string {
  const raw = entry.split('=', 1)[0];
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** A comma list, trimmed, without empty entries, each entry %-encoded (it goes into a hash). */
export function normalisedHideList(hide: string | null): string {
  if (hide === null) return '';
  return hide
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(encodeURIComponent)
    .join(',');
}

/**
 * An origin we can name in `origin=`: scheme://host[:port], nothing that could end the entry.
 * A file:// or sandboxed page has the opaque origin "null", which postMessage cannot target.
 */
export function usableOrigin(origin: string | null): string | null {
  if (origin === null || origin === 'null') return null;
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#&=+%\s]+$/i.test(origin) ? origin : null;
}

/**
 * The iframe's src: `embed.html` beside the script, then `#` + the config's entries (less any
 * hide/origin/autoplay an attribute or the page's origin overrides) + `hide=` + `origin=` +
 * `autoplay=1`.
 */
export function embedFrameSrc(scriptUrl: string, options: FrameSrcOptions): string {
  const page = new URL('embed.html', scriptUrl);
  page.hash = '';
  const hide = normalisedHideList(options.hide);
  const origin = usableOrigin(options.hostOrigin);
  const overridden = new Set<string>();
  if (hide !== '') overridden.add('hide');
  if (origin !== null) overridden.add('origin');
  if (options.autoplay) overridden.add('autoplay');
  const config = (options.config ?? '').trim().replace(/^#/, '');
  const entries = config.split('&').filter((entry) => entry !== '' && !overridden.has(decodedKey(entry)));
  if (hide !== '') entries.push(`hide=${hide}`);
  if (origin !== null) entries.push(`origin=${origin}`);
  if (options.autoplay) entries.push('autoplay=1');
  return entries.length > 0 ? `${page.href}#${entries.join('&')}` : page.href;
}

/** `autoplay`, `autoplay=""` and `autoplay="1"` are on; absent, "0" and "false" are off. */
export function autoplayOn(value: string | null): boolean {
  if (value === null) return false;
  const v = value.trim().toLowerCase();
  return v !== '0' && v !== 'false';
}

/** A `resize` or `height` value as whole pixels in [MIN, MAX]; null when it is not a number. */
export function clampedHeight(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  return Math.round(Math.min(MAX_HEIGHT_PX, Math.max(MIN_HEIGHT_PX, n)));
}

/** The `width` attribute as CSS: a bare number is pixels; a number with a common unit is kept; else null. */
export function cssWidth(value: string | null): string | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return `${v}px`;
  return /^\d+(\.\d+)?(px|%|em|rem|vw|ch)$/.test(v) ? v : null;
}

/** What the embed posts: checked loosely here (the embed is ours; the checks keep strangers out). */
export interface PlaygroundEventData {
  readonly source: string;
  readonly version: number;
  readonly type: string;
  readonly id?: string | number;
  readonly [key: string]: unknown;
}

export function isPlaygroundEvent(data: unknown): data is PlaygroundEventData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return d.source === EMBED_SOURCE && d.version === EMBED_API_VERSION && typeof d.type === 'string' && /^[a-zA-Z]{1,32}$/.test(d.type);
}

/** The app's hash keys, as a link's hash or as an object of strings and numbers. */
export type PlaygroundConfig = string | Readonly<Record<string, string | number>>;

interface Pending {
  readonly resolve: (reply: PlaygroundEventData) => void;
  readonly reject: (error: Error) => void;
}

/** Where embed.html lives: beside this script, whose element only exists while it first runs. */
const SCRIPT_URL: string =
  typeof document === 'undefined' ? '' : ((document.currentScript as HTMLScriptElement | null)?.src || location.href);

function defineElementClass(): CustomElementConstructor {
  let nextId = 0;

  return class VIPlaygroundElement extends HTMLElement {
    static get observedAttributes(): string[] {
      return ['config', 'hide', 'autoplay', 'width', 'height'];
    }

    private frame: HTMLIFrameElement | null = null;
    private ready = false;
    private queued: Record<string, unknown>[] = [];
    private readonly pending = new Map<string, Pending>();

    connectedCallback(): void {
      // An unstyled custom element is inline; a frame wants a block. Page CSS that says otherwise wins.
      if (getComputedStyle(this).display === 'inline') this.style.display = 'block';
      this.applyWidth();
      window.addEventListener('message', this.onMessage);
      this.buildFrame();
    }

    disconnectedCallback(): void {
      window.removeEventListener('message', this.onMessage);
      this.dropFrame('the element was removed from the page');
    }

    attributeChangedCallback(name: string, oldValue: string | null, newValue: string | null): void {
      if (oldValue === newValue || !this.frame) return;
      if (name === 'width') this.applyWidth();
      else if (name === 'height') this.frame.style.height = `${clampedHeight(newValue) ?? DEFAULT_HEIGHT_PX}px`;
      // A new hash alone would be a same-document navigation the embed might not reread: a new frame starts clean.
      else this.buildFrame();
    }

    /** The frame's src as it is now (for scripts and tests). */
    get src(): string {
      return this.frame?.src ?? this.currentSrc();
    }

    play(): Promise<PlaygroundEventData> {
      return this.send({ type: 'play' });
    }
    pause(): Promise<PlaygroundEventData> {
      return this.send({ type: 'pause' });
    }
    step(n?: number): Promise<PlaygroundEventData> {
      return this.send(n === undefined ? { type: 'step' } : { type: 'step', n });
    }
    reset(): Promise<PlaygroundEventData> {
      return this.send({ type: 'reset' });
    }
    configure(config: PlaygroundConfig): Promise<PlaygroundEventData> {
      return this.send({ type: 'configure', config });
    }
    getState(): Promise<PlaygroundEventData> {
      return this.send({ type: 'getState' });
    }

    private currentSrc(): string {
      return embedFrameSrc(SCRIPT_URL, {
        config: this.getAttribute('config'),
        hide: this.getAttribute('hide'),
        autoplay: autoplayOn(this.getAttribute('autoplay')),
        hostOrigin: location.origin,
      });
    }

    private applyWidth(): void {
      const width = cssWidth(this.getAttribute('width'));
      if (width !== null) this.style.width = width;
    }

    private buildFrame(): void {
      const height = this.frame?.style.height || `${clampedHeight(this.getAttribute('height')) ?? DEFAULT_HEIGHT_PX}px`;
      this.dropFrame('the playground was reloaded');
      const frame = document.createElement('iframe');
      frame.title = 'VI Playground';
      frame.style.border = 'none';
      frame.style.display = 'block';
      frame.style.width = '100%';
      frame.style.height = height;
      frame.src = this.currentSrc();
      this.frame = frame;
      this.appendChild(frame);
    }

    private dropFrame(reason: string): void {
      this.frame?.remove();
      this.frame = null;
      this.ready = false;
      this.queued = [];
      for (const p of this.pending.values()) p.reject(new Error(`vi-playground: ${reason} before it answered`));
      this.pending.clear();
    }

    /** The frame's origin for postMessage: '*' only where the frame's origin is opaque (a file:// page). */
    private frameOrigin(): string {
      const origin = this.frame ? new URL(this.frame.src, location.href).origin : 'null';
      return origin === 'null' ? '*' : origin;
    }

    /** Posts a command (queued until the embed says `ready`); settles on the reply carrying its id. */
    private send(command: Record<string, unknown>): Promise<PlaygroundEventData> {
      nextId += 1;
      const id = `vi-playground-element-${nextId}`;
      const message = { ...command, target: EMBED_TARGET, id };
      const reply = new Promise<PlaygroundEventData>((resolve, reject) => {
        if (!this.frame) {
          reject(new Error('vi-playground: the element is not on the page'));
          return;
        }
        if (!this.ready && this.queued.length >= MAX_QUEUED_COMMANDS) {
          reject(new Error('vi-playground: too many commands waiting for the playground to load'));
          return;
        }
        this.pending.set(id, { resolve, reject });
        if (this.ready) this.post(message);
        else this.queued.push(message);
      });
      // Fire-and-forget callers (`el.play()`) get no "uncaught in promise" noise; an await still sees the refusal.
      reply.catch(() => undefined);
      return reply;
    }

    private post(message: Record<string, unknown>): void {
      this.frame?.contentWindow?.postMessage(message, this.frameOrigin());
    }

    private readonly onMessage = (event: MessageEvent): void => {
      const frame = this.frame;
      if (!frame || event.source !== frame.contentWindow) return;
      const origin = this.frameOrigin();
      if (origin !== '*' && event.origin !== origin) return;
      const data: unknown = event.data;
      if (!isPlaygroundEvent(data)) return;
      if (data.type === 'resize') {
        const height = clampedHeight(data.height);
        if (height !== null) frame.style.height = `${height}px`;
      } else if (data.type === 'ready' && !this.ready) {
        this.ready = true;
        const queued = this.queued;
        this.queued = [];
        for (const message of queued) this.post(message);
      }
      if ((data.type === 'state' || data.type === 'error') && typeof data.id === 'string') {
        const waiting = this.pending.get(data.id);
        if (waiting) {
          this.pending.delete(data.id);
          if (data.type === 'state') waiting.resolve(data);
          else waiting.reject(Object.assign(new Error(`vi-playground: ${String(data.message)}`), { reply: data }));
        }
      }
      this.dispatchEvent(new CustomEvent(`vi-playground:${data.type}`, { detail: data, bubbles: true }));
    };
  };
}

if (typeof customElements !== 'undefined' && !customElements.get(ELEMENT_NAME)) {
  customElements.define(ELEMENT_NAME, defineElementClass());
}

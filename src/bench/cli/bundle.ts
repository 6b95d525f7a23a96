import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip sizes of the built app's JavaScript, in kB (issue 9's load goal: what the page loads ≤ 150 kB). */
export interface BundleSizes {
  /** What the page loads before its first step: the entry, the page chunk, the runtime. */
  readonly pageKb: number;
  /** The engine worker's entry (the engine and its plain-JS fast paths; tfjs is a lazy chunk). */
  readonly workerKb: number;
  /** Chunks loaded only on demand (the worker's tfjs side, the WebGL backend, KaTeX). */
  readonly lazyKb: number;
  /** The 简体中文 chunk, fetched beside the page for a reader of Chinese only (docs/i18n.md). */
  readonly languageKb: number;
}

/** A language's chunk (src/ui/i18n/load.ts imports `./zh`): the entry names it, an English reader never loads it. */
const LANGUAGE_CHUNK = /^zh-/;

const kb = (path: string) => gzipSync(readFileSync(path)).length / 1024;

/**
 * Reads dist/: chunks whose name starts with a worker's name are the worker's; a chunk the page
 * does not name in index.html nor import statically from its entry is lazy (the WebGL backend,
 * KaTeX).
 */
export function bundleSizes(dist = 'dist'): BundleSizes {
  const assets = join(dist, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = js.filter((f) => html.includes(f));
  // The entry's dynamic import names the page chunk; its static imports (the runtime) load with it.
  const named = (f: string) => readFileSync(join(assets, f), 'utf8');
  const page = new Set(entry);
  for (const f of entry) for (const g of js) if (!LANGUAGE_CHUNK.test(g) && named(f).includes(g)) page.add(g);
  // Only static imports (`from"./x.js"`, `import"./x.js"`) load with the page: a chunk named in a
  // dynamic import(`./x.js`) or its preload list loads on demand (KaTeX, on opening "The math").
  const staticallyImports = (f: string, g: string) => new RegExp(`\\b(?:from|import)\\s*["']\\./${g.replace(/[.$-]/g, '\\$&')}["']`).test(named(f));
  for (const f of [...page]) for (const g of js) if (!g.includes('worker') && staticallyImports(f, g)) page.add(g);
  let pageKb = 0;
  let workerKb = 0;
  let lazyKb = 0;
  let languageKb = 0;
  for (const f of js) {
    const size = kb(join(assets, f));
    if (LANGUAGE_CHUNK.test(f)) languageKb += size;
    else if (f.includes('.worker')) workerKb += size;
    else if (page.has(f)) pageKb += size;
    else lazyKb += size;
  }
  return { pageKb, workerKb, lazyKb, languageKb };
}

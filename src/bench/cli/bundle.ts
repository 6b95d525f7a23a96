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
 * Reads dist/: what the page loads to start is what its index.html names (the entry script and
 * the big boot chunks' modulepreload links, scripts/vite/bootPreload.ts), the entry's dynamic
 * imports (its stages, src/main.ts), and whatever those import statically; chunks whose name
 * starts with a worker's name are the worker's; the rest is lazy
 * (the WebGL backend, KaTeX, the export writers), fetched on demand.
 */
export function bundleSizes(dist = 'dist'): BundleSizes {
  const assets = join(dist, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const source = (f: string) => readFileSync(join(assets, f), 'utf8');
  // Only static imports (`from"./x.js"`, `import"./x.js"`) load with a chunk: one named in a
  // dynamic import(`./x.js`) loads on demand.
  const staticallyImports = (f: string, g: string) => new RegExp(`\\b(?:from|import)\\s*["']\\./${g.replace(/[.$-]/g, '\\$&')}["']`).test(source(f));
  const page = new Set(js.filter((f) => html.includes(`assets/${f}"`)));
  const entry = /<script type="module"[^>]*src="\.\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  const dynamicallyImports = (f: string, g: string) => new RegExp(`\\bimport\\(\\s*[\`"']\\./${g.replace(/[.$-]/g, '\\$&')}[\`"']`).test(source(f));
  if (entry) for (const g of js) if (!g.includes('worker') && dynamicallyImports(entry, g)) page.add(g);
  for (const f of page) for (const g of js) if (!g.includes('worker') && !page.has(g) && staticallyImports(f, g)) page.add(g);
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

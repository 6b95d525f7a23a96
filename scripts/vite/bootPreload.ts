import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The page's entry loads the page in stages, one dynamic import after another, each evaluated in a
 * task of its own (src/main.ts). Vite would start each stage's download only when the stage before
 * it has run, a chain of round trips on a slow network. This lists every JS chunk of those stages
 * (the entry's dynamic imports and their static imports, transitively) as `<link rel=modulepreload>`
 * in the page's <head>: they download and compile together from the start, and each stage only
 * evaluates what is already there. Lazy chunks further down (KaTeX, export, lessons) are not
 * stages and load on demand.
 *
 * Only the big ones (≥ PRELOAD_MIN_GZIP): each link costs the HTML's parse task ~1 ms of waiting
 * on a busy machine, and all 25 made it a 20–30 ms task (Lighthouse, ×4: a long task of 100 ms).
 * Eight links carry 90 % of the bytes; the small chunks come a round trip later with their
 * importers. (Vite's own preload lists are off, vite.config.ts: with these links
 * they only repeated the boot chunks' names in the page's code.)
 */
export function bootPreload(): Plugin {
  return {
    name: 'vi-boot-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const { chunk, bundle, path } = ctx;
        if (!chunk || !bundle) return [];
        // Relative links (base './'): a page in a folder (examples/) reaches assets/ from there.
        const up = '../'.repeat(path.split('/').length - 2) || './';
        return bootChunks(chunk, bundle)
          .filter((file) => !html.includes(file))
          .map(
          (file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${up}${file}` }, injectTo: 'head' }),
        );
      },
    },
  };
}

/** What the entry imports statically, its dynamic imports, and everything those import statically. */
function bootChunks(entry: OutputChunk, bundle: OutputBundle): string[] {
  const boot = staticClosure([...entry.imports, ...entry.dynamicImports], bundle);
  return [...boot].filter((f) => f !== entry.fileName && f.endsWith('.js') && gzipBytes(bundle[f]) >= PRELOAD_MIN_GZIP);
}

/** A boot chunk is preloaded from this size (bytes, gzip). */
const PRELOAD_MIN_GZIP = 4000;

function gzipBytes(c: OutputBundle[string] | undefined): number {
  return c?.type === 'chunk' ? gzipSync(c.code).length : 0;
}

function staticClosure(roots: readonly string[], bundle: OutputBundle): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const c = bundle[file];
    if (c?.type === 'chunk') stack.push(...c.imports);
  }
  return seen;
}

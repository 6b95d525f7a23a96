import type { OutputBundle, OutputChunk } from 'rolldown';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * The page's entry loads the page in stages, one dynamic import after another, each evaluated in a
 * task of its own (src/main.ts). Vite would start each stage's download only when the stage before
 * it has run, a chain of round trips on a slow network. This lists every JS chunk of those stages
 * (the entry's dynamic imports and their static imports, transitively) as `<link rel=modulepreload>`
 * in the page's <head>: they download and compile together from the start, and each stage only
 * evaluates what is already there. Lazy chunks further down (KaTeX, export, lessons) are not
 * stages and keep loading on demand.
 */
export function bootPreload(): Plugin {
  return {
    name: 'vi-boot-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const { chunk, bundle, path } = ctx;
        if (!chunk || !bundle) return [];
        // Relative links (base './'): a page in a folder (examples/) reaches assets/ from there.
        const up = '../'.repeat(path.split('/').length - 2) || './';
        return bootChunks(chunk, bundle).map(
          (file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${up}${file}` }, injectTo: 'head' }),
        );
      },
    },
  };
}

/** The entry's dynamic imports and everything they import statically, minus what the HTML already loads. */
function bootChunks(entry: OutputChunk, bundle: OutputBundle): string[] {
  const alreadyLoaded = new Set([entry.fileName, ...staticClosure(entry.imports, bundle)]);
  const boot = staticClosure(entry.dynamicImports, bundle);
  return [...boot].filter((f) => !alreadyLoaded.has(f) && f.endsWith('.js'));
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

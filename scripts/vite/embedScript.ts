import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { minify, parseSync, type Plugin, transformWithOxc } from 'vite';

/** Course authors include it with a plain `<script src>`: a fixed name, not a hashed chunk. */
const EMBED_SCRIPT_NAME = 'embed.js';
const EMBED_SCRIPT_SOURCE = 'src/embed/element.ts';

/**
 * Turns the element's TypeScript into a classic script: types erased, `export` keywords dropped
 * (the test imports the module; a classic script may not export), everything wrapped in one
 * function so nothing leaks into the host page's globals. The file must import nothing: one
 * file, no bundler.
 */
export async function classicEmbedScript(path: string, minified: boolean): Promise<string> {
  const source = await readFile(path, 'utf8');
  const { code } = await transformWithOxc(source, path, { lang: 'ts', target: 'es2022' });
  const program = parseSync(path.replace(/\.ts$/, '.js'), code, { sourceType: 'module' }).program;
  const cuts: { start: number; end: number }[] = [];
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportDefaultDeclaration') {
      throw new Error(`${path}: embed.js is a classic script, so its source may not import, re-export or export default`);
    }
    if (node.type !== 'ExportNamedDeclaration') continue;
    if (node.source) throw new Error(`${path}: embed.js may not re-export from another module`);
    // `export const x` keeps `const x`; `export { x }` goes entirely.
    cuts.push({ start: node.start, end: node.declaration ? node.declaration.start : node.end });
  }
  let script = code;
  for (const cut of cuts.reverse()) script = script.slice(0, cut.start) + script.slice(cut.end);
  const wrapped = `(() => {\n'use strict';\n${script}\n})();\n`;
  if (!minified) return wrapped;
  const result = await minify(EMBED_SCRIPT_NAME, wrapped, { module: false, compress: { target: 'es2022' }, mangle: true });
  if (result.errors.length > 0) throw new Error(`${path}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.code;
}

/**
 * Emits `embed.js` (the `<vi-playground>` element, docs/embedding.md) beside the built pages, and
 * serves it at `/embed.js` from the dev server.
 */
export function embedScript(): Plugin {
  let root = process.cwd();
  return {
    name: 'vi-embed-script',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      // The script is no module of the graph: `vite build --watch` must still rebuild when it changes.
      this.addWatchFile(resolve(root, EMBED_SCRIPT_SOURCE));
    },
    async generateBundle() {
      const source = await classicEmbedScript(resolve(root, EMBED_SCRIPT_SOURCE), true);
      this.emitFile({ type: 'asset', fileName: EMBED_SCRIPT_NAME, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== `/${EMBED_SCRIPT_NAME}`) {
          next();
          return;
        }
        classicEmbedScript(resolve(root, EMBED_SCRIPT_SOURCE), false).then(
          (code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(code);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}

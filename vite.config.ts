import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { bootPreload } from './scripts/vite/bootPreload.js';
import { embedScript } from './scripts/vite/embedScript.js';

/**
 * The Content-Security-Policy of the built site: scripts, workers, styles, images and requests
 * only from the site's own origin; no inline script, no eval.
 * - worker-src 'self': the engine is a module worker loaded from its own file (no blob: URL;
 *   tfjs creates no workers of its own).
 * - style-src-attr 'unsafe-inline' is not needed: React and d3 set styles through the CSSOM
 *   (element.style), which CSP does not restrict; stylesheets are files.
 * - img-src blob:: the Export menu rasterises a plot to PNG by drawing its SVG, loaded as an image
 *   from a blob: URL the page itself made, onto a canvas (src/ui/export/svgExport.ts); there is no
 *   other way to turn an SVG into pixels in the browser. Only same-page blobs: no data: or remote.
 * - frame-ancestors is left out: the site may be embedded (and a <meta> policy cannot carry it).
 */
const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'worker-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' blob:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'none'",
};

const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/**
 * Build-only (the dev server injects an inline React Refresh preamble a strict policy would
 * block): writes the policy as a <meta> into every built page, and emits a `_headers` file that
 * static hosts (Netlify, Cloudflare Pages) read, so the worker script — whose policy comes from
 * its own response headers, not from the page's <meta> — is covered there too. `vite preview`
 * sends the header itself (vite.config.ts).
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'vi-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}\n  X-Content-Type-Options: nosniff\n` });
    },
  };
}


export default defineConfig({
  // Relative asset paths: the built site works from any folder or CDN path, and inside iframes.
  base: './',
  plugins: [react(), contentSecurityPolicy(), embedScript(), bootPreload()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // No data: URLs: font-src and img-src are 'self' only, so a small font inlined into a
    // stylesheet (KaTeX's) would be refused. Every asset stays a file.
    assetsInlineLimit: 0,
    // The big chunks a page needs to start are <link rel=modulepreload> in its HTML (bootPreload);
    // Vite's run-time preload lists for every dynamic import are off: they repeated those names in
    // the page's code (about 3 kB gzip), and a lazy chunk (KaTeX, export) loads its few imports
    // when it is opened. Stylesheets of lazy chunks still load with them.
    modulePreload: false,
    // The app, its embed and the example course page (docs/embedding.md); the benchmark page
    // builds to dist-bench/pages (vite.benchpage.config.ts).
    rollupOptions: {
      input: { index: 'index.html', embed: 'embed.html', course: 'examples/course.html' },
      // d3's modules share one chunk; so do React and zustand (every page loads both; split by
      // importer they made several chunks of a few hundred bytes each).
      output: {
        codeSplitting: {
          groups: [
            { name: 'd3', test: /node_modules[\\/]d3-(?!contour)/ },
            { name: 'react', test: /node_modules[\\/](react|zustand|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  // The header covers the worker too: a worker's policy comes from its own response, not the page's <meta>.
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' } },
  server: { port: 5173 },
  // The dev server pre-bundles dependencies one entry at a time; tfjs-core's deep import of its
  // gradients then used a second copy of tfjs-core (flags unregistered: the worker crashed with
  // "Cannot evaluate flag 'DEBUG'"). Serving tfjs's own ES modules unbundled keeps one copy.
  optimizeDeps: {
    exclude: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-webgl'],
    // ...but their CommonJS dependencies still need converting to ES modules.
    include: ['@tensorflow/tfjs-core > long', '@tensorflow/tfjs-core > seedrandom', '@tensorflow/tfjs-backend-cpu > seedrandom'],
  },

});

import { createReadStream, existsSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Where each URL prefix is served from: the longest matching prefix wins. */
export type Mounts = Readonly<Record<string, string>>;

/** The file a URL path names under the mounts, or null (outside every root, or absent). */
export function fileFor(mounts: Mounts, urlPath: string): string | null {
  const path = decodeURIComponent(urlPath.split('?')[0]);
  const prefix = Object.keys(mounts)
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return null;
  const root = resolve(mounts[prefix]);
  const rest = path.slice(prefix.length);
  const file = resolve(join(root, normalize(rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest)));
  if (!file.startsWith(root + sep)) return null;
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * A static server for the built app and the built bench page (no vite in the bundled CLI), on
 * 127.0.0.1. Port 0 picks a free one. Resolves with the server and its base URL.
 */
export function serveStatic(mounts: Mounts, port: number): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const file = fileFor(mounts, req.url ?? '/');
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      done({ server, base: `http://127.0.0.1:${actual}/` });
    });
  });
}

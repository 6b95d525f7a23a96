// Build the site and serve it with `vite preview` on a free port (soak and smoothness share this).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { preview } from 'vite';

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

/** Returns the base URL and the server (close it when done); exits if the build fails. */
export async function serveBuilt() {
  const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const port = await freePort();
  const server = await preview({ preview: { host: '127.0.0.1', port, strictPort: true, open: false }, logLevel: 'warn' });
  return { base: `http://127.0.0.1:${port}/`, server };
}

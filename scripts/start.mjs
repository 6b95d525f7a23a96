// `npm start`: build the site if it is missing or older than its sources, then serve it and
// print its URL (vite preview does the printing).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

const built = existsSync('dist/index.html') ? statSync('dist/index.html').mtimeMs : 0;
const sources = Math.max(...['src', 'public', 'examples', 'index.html', 'vite.config.ts', 'package.json'].map(newest));
if (built < sources) {
  console.log('Building the playground…');
  const r = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = process.env.PORT ?? '4173';
const r = spawnSync('npx', ['vite', 'preview', '--port', port, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 0);

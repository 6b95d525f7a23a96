import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFor } from './serve';

describe('the bench static server', () => {
  it('maps URL paths to files under the longest matching mount, never outside it', () => {
    const root = mkdtempSync(join(tmpdir(), 'bench-serve-'));
    mkdirSync(join(root, 'app'));
    mkdirSync(join(root, 'pages'));
    writeFileSync(join(root, 'app', 'index.html'), 'app');
    writeFileSync(join(root, 'pages', 'bench.html'), 'bench');
    writeFileSync(join(root, 'secret.txt'), 'no');
    const mounts = { '/': join(root, 'app'), '/bench/': join(root, 'pages') };
    expect(fileFor(mounts, '/')).toBe(join(root, 'app', 'index.html'));
    expect(fileFor(mounts, '/index.html?x=1')).toBe(join(root, 'app', 'index.html'));
    expect(fileFor(mounts, '/bench/bench.html')).toBe(join(root, 'pages', 'bench.html'));
    expect(fileFor(mounts, '/bench/index.html')).toBeNull();
    expect(fileFor(mounts, '/../secret.txt')).toBeNull();
    expect(fileFor(mounts, '/%2e%2e/secret.txt')).toBeNull();
  });
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/core/testing/cpuBackend.ts'],
    testTimeout: 120_000,
    pool: 'forks',
  },
});

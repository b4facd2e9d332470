import { defineConfig } from 'vitest/config';

// End-to-end run: one file, in order, against the real backend in real headless Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['verbose'],
  },
});

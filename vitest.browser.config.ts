import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser tests: Debian's Chromium through playwright-core, against the production build. */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/browser/global-setup.ts'],
  },
});

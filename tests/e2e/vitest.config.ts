import { defineConfig } from 'vitest/config';

/**
 * Browser tests: the real server on a free port with a fresh SQLite file, driven through Debian's chromium.
 * `npm run test:e2e` builds web/dist first; the server serves it.
 */
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs pure unit tests once, then every API integration test twice: on SQLite and on PostgreSQL
 * (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
 */
export default defineConfig({
  test: {
    // Inline projects inherit these only through `extends: true` (Vitest 4); tests/unit/vitest-config.test.ts checks.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['server/**/*.test.ts', 'tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'sqlite', include: ['tests/api/**/*.test.ts'], env: { TEST_DB: 'sqlite' } } },
      { extends: true, test: { name: 'postgres', include: ['tests/api/**/*.test.ts'], env: { TEST_DB: 'postgres' } } },
      // Three real processes against one PostgreSQL schema: the SLA engine's exactly-once guarantee.
      { extends: true, test: { name: 'sla-multiprocess', include: ['tests/sla-multiprocess/**/*.test.ts'], env: { TEST_DB: 'postgres' } } },
      // Real `actionflow` processes on one SQLite file: CLI beside a writing server; HTTP answered during catch-up.
      { extends: true, test: { name: 'sqlite-processes', include: ['tests/sqlite-processes/**/*.test.ts'], env: { TEST_DB: 'sqlite' } } },
      // Three real processes cross 18:00 together, then restart after a missed one: each team's digest once.
      { extends: true, test: { name: 'digests-multiprocess', include: ['tests/digests-multiprocess/**/*.test.ts'], env: { TEST_DB: 'postgres' } } },
      // Three real worker processes over every registered job, clocks moved together: each no-show, digest, overdue step, pool return once.
      { extends: true, test: { name: 'jobs-multiprocess', include: ['tests/jobs-multiprocess/**/*.test.ts'], env: { TEST_DB: 'postgres' } } },
    ],
  },
});

import { describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';

// Vitest 4 inline projects do not inherit the root test options unless they say `extends: true`; on a loaded
// machine the 5 s / 10 s defaults fail the database tests. This resolves the real config as `npm test` does.
describe('vitest.config.ts', () => {
  it('gives every project the 20 s test and 30 s hook timeouts', async () => {
    const vitest = await createVitest('test', { config: 'vitest.config.ts', watch: false, run: true });
    try {
      const projects = vitest.projects.map((p) => ({ name: p.name, testTimeout: p.config.testTimeout, hookTimeout: p.config.hookTimeout }));
      // Every project, including the multi-process ones modules add, must inherit the timeouts.
      expect(projects.map((p) => p.name)).toEqual(expect.arrayContaining(['unit', 'sqlite', 'postgres', 'sla-multiprocess', 'sqlite-processes']));
      for (const project of projects) expect(project, project.name).toMatchObject({ testTimeout: 20_000, hookTimeout: 30_000 });
    } finally {
      await vitest.close();
    }
  });

  it('runs this very test with the 20 s timeout', ({ task }) => {
    expect(task.timeout).toBe(20_000);
  });
});

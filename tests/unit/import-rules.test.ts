import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// The very rules `npm run lint` enforces on server/, run on a folder of planted violations: if a rule stops matching
// (a renamed folder, a typo in a pattern), this fails instead of CI passing silently.
const config = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;
const fixture = fileURLToPath(new URL('../fixtures/import-rules/', import.meta.url));

async function violations(): Promise<string[]> {
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const result = await cruise(
    ['server'],
    { ...options, baseDir: fixture, validate: true, ruleSet: { forbidden: config.forbidden } },
    { extensions: ['.ts', '.js'] },
    { tsConfig: extractTSConfig(`${fixture}tsconfig.json`) },
  );
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('import rules (.dependency-cruiser.cjs)', () => {
  it('reports every planted violation, and nothing that is allowed', async () => {
    expect(await violations()).toEqual(
      [
        'core-imports-no-module: server/core/http.ts → server/modules/org/service.ts',
        'migrations-frozen: server/db/migration.ts → server/modules/org/service.ts',
        'foundation-imports-no-engine: server/modules/org/service.ts → server/modules/sla/service.ts',
        'no-foreign-routes: server/modules/sla/service.ts → server/modules/org/routes.ts',
        'routes-only-from-module-definition: server/modules/sla/service.ts → server/modules/org/routes.ts',
        'repo-below-service: server/modules/org/repo.ts → server/modules/org/service.ts',
        // Routes call services: neither the module's own repo nor another module's, whatever the routes file is named.
        'routes-call-services: server/modules/org/admin-routes.ts → server/modules/org/repo.ts',
        'routes-call-services: server/modules/org/routes-public.ts → server/modules/deals/repo.ts',
        // Folder scope: the cycle is between modules, though no file imports itself back.
        'no-module-cycle: server/modules/deals → server/modules/tasks',
        'no-module-cycle: server/modules/tasks → server/modules/deals',
        // org/service → sla/service → org/routes closes a second module cycle.
        'no-module-cycle: server/modules/org → server/modules/sla',
        'no-module-cycle: server/modules/sla → server/modules/org',
      ].sort(),
    );
  });

  it('names only real module folders as foundation; every other folder is an engine by default', async () => {
    const { readdirSync } = await import('node:fs');
    const modules = readdirSync(fileURLToPath(new URL('../../server/modules/', import.meta.url)), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    const rule = config.forbidden!.find((r) => r.name === 'foundation-imports-no-engine') as { from: { path: string }; to: { path: string; pathNot: string } };
    const foundation = /\(([^)]+)\)/.exec(rule.from.path)![1].split('|');
    // A misspelt foundation name would silently turn that module into an engine, free to import engines.
    expect(foundation.filter((name) => !modules.includes(name))).toEqual([]);
    expect(rule.to.pathNot).toBe(rule.from.path);
    // A new folder is judged an engine without being listed anywhere.
    const engine = new RegExp(rule.to.path);
    const notFoundation = new RegExp(rule.to.pathNot);
    expect(engine.test('server/modules/brand_new/service.ts') && !notFoundation.test('server/modules/brand_new/service.ts')).toBe(true);
    expect(notFoundation.test('server/modules/org/service.ts')).toBe(true);
  });
});

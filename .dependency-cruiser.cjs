/**
 * The import rules of docs/architecture.md ("What may import what"), enforced by `npm run lint` in CI.
 * tests/unit/import-rules.test.ts runs these same rules on a folder of planted violations, so a rule that stops
 * matching fails the build instead of passing silently. Paths are relative to the cruised root, so the fixture
 * (tests/fixtures/import-rules/server/…) is judged exactly like the real server/.
 */
// Foundation modules are a closed list; every other module folder is an engine by default, so a new module touches no
// shared file here (tests/unit/import-rules.test.ts checks each name below is a real folder).
const FOUNDATION = ['auth', 'org', 'audit', 'customfields', 'dictionaries', 'customers', 'pipelines', 'gates', 'deals', 'activities', 'tasks', 'files', 'calendar'];
const any = (names) => `(${names.join('|')})`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment: 'core/ is below every module: it knows no domain. Move the shared piece into core instead.',
      from: { path: '^server/core/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'migrations-frozen',
      severity: 'error',
      comment: 'db/ (schema and migrations) imports no live module code: a migration must mean the same thing forever.',
      from: { path: '^server/db/' },
      to: { path: '^server/modules/' },
    },
    {
      name: 'foundation-imports-no-engine',
      severity: 'error',
      comment: 'Foundation modules do not import engines; engines consume events or fill named hooks (core/hooks.ts).',
      from: { path: `^server/modules/${any(FOUNDATION)}/` },
      to: { path: '^server/modules/[^/]+/', pathNot: `^server/modules/${any(FOUNDATION)}/` },
    },
    {
      name: 'no-foreign-routes',
      severity: 'error',
      comment: "A module reaches another module through its service or repo, never its routes.",
      from: { path: '^server/modules/([^/]+)/' },
      to: { path: '^server/modules/[^/]+/routes\\.ts$', pathNot: '^server/modules/$1/routes\\.ts$' },
    },
    {
      name: 'routes-only-from-module-definition',
      severity: 'error',
      comment: 'routes → service → repo: only the module definition (module.ts) registers routes; nothing below imports them.',
      from: { path: '^server/modules/[^/]+/', pathNot: '^server/modules/[^/]+/module\\.ts$' },
      to: { path: '^server/modules/[^/]+/routes\\.ts$' },
    },
    {
      name: 'repo-below-service',
      severity: 'error',
      comment: 'routes → service → repo: a repo (SQL) does not call services or routes.',
      from: { path: '^server/modules/[^/]+/repo\\.ts$' },
      to: { path: '^server/modules/[^/]+/(service|routes|module)\\.ts$' },
    },
    {
      name: 'routes-call-services',
      severity: 'error',
      comment: 'routes → service → repo: a routes file (routes.ts, routes-public.ts, admin-routes.ts …) calls services, never a repo (its own or another module\'s); the service is where authorization, scope and the command path live.',
      from: { path: '^server/modules/[^/]+/[^/]*routes[^/]*\\.ts$' },
      to: { path: '^server/modules/[^/]+/repo\\.ts$' },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'The module-level import graph has no cycle: break it with the composition root, a named hook or an event.',
      scope: 'folder',
      from: { path: '^server/modules/[^/]+' },
      to: { path: '^server/modules/[^/]+', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};

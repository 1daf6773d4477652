import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * One write path per record (docs/architecture.md): SQL that inserts, updates or deletes `customers` or `tasks` lives
 * only in the owning module's repo.ts, and the repo's row writers are called only by the module's write.ts (plus the
 * demo generator's documented bulk load). A second path — a service, engine or script writing those tables itself —
 * fails here.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The one place allowed to write each table besides its repo, with the reason. */
// (none: a user's team move re-tags owned rows through the hook `org.ownerMoved`, which each module fills from its repo)
const EXCEPTIONS: Record<string, string> = {};

function writesOf(table: string): string[] {
  const kysely = new RegExp(`(insertInto|updateTable|deleteFrom|replaceInto)\\(\\s*'${table}'`);
  const raw = new RegExp(`\\b(insert\\s+into|update|delete\\s+from)\\s+"?${table}"?\\b`, 'i');
  return sources('server')
    .filter((file) => !file.startsWith(join('server', 'db', 'migrations')))
    .filter((file) => {
      const text = readFileSync(join(root, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return kysely.test(text) || raw.test(text);
    })
    .map((f) => relative('.', f))
    .sort();
}

/** Files calling the repo function `fn` of customers/tasks: as `repo.fn(` or imported by name from a repo. */
function callersOf(fn: string): string[] {
  const viaNamespace = new RegExp(`\\b\\w*[rR]epo\\.${fn}\\(`);
  const viaImport = new RegExp(`import\\s*\\{[^}]*\\b${fn}\\b[^}]*\\}\\s*from\\s*'[^']*/(customers|tasks)/repo\\.js'`);
  return sources('server')
    .filter((file) => {
      const text = readFileSync(join(root, file), 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
      return viaNamespace.test(text) || viaImport.test(text);
    })
    .sort();
}

describe('one write path per record', () => {
  it('only customers/repo.ts writes the customers table', () => {
    expect(writesOf('customers').filter((f) => !EXCEPTIONS[f])).toEqual(['server/modules/customers/repo.ts']);
  });

  it('only tasks/repo.ts writes the tasks table', () => {
    expect(writesOf('tasks').filter((f) => !EXCEPTIONS[f])).toEqual(['server/modules/tasks/repo.ts']);
  });

  it("the repos' row writers are reached only through the module's write path", () => {
    for (const fn of ['insertCustomer', 'updateCustomer']) expect(callersOf(fn), fn).toEqual(['server/modules/customers/write.ts']);
    for (const fn of ['insertTask', 'updateTask']) expect(callersOf(fn), fn).toEqual(['server/modules/tasks/write.ts']);
    // The demo generator is a bulk writer by decision (docs/architecture.md); besides it only the write path's own
    // batch insert (insertCustomerRecords, used by imports) uses the bulk function.
    const outsideDemo = (files: string[]) => files.filter((f) => !f.startsWith('server/demo/'));
    expect(outsideDemo(callersOf('insertCustomerRows'))).toEqual(['server/modules/customers/write.ts']);
    expect(outsideDemo(callersOf('insertTaskRows'))).toEqual([]);
  });

  it('org writes only its own tables (teams, users, org settings); owned records follow a team move through org.ownerMoved', () => {
    const written = sources(join('server', 'modules', 'org')).flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/(?:insertInto|updateTable|deleteFrom|replaceInto)\(\s*'([a-z_]+)'/g)].map((m) => m[1]),
    );
    expect([...new Set(written)].sort()).toEqual(['org_settings', 'teams', 'users']);
  });

  it('catches a planted second path', () => {
    const planted = "await trx.insertInto('tasks').values(row).execute();";
    expect(new RegExp(`(insertInto|updateTable|deleteFrom|replaceInto)\\(\\s*'tasks'`).test(planted)).toBe(true);
    expect(/\b(insert\s+into|update|delete\s+from)\s+"?customers"?\b/i.test('UPDATE customers SET owner_id = $1')).toBe(true);
  });
});

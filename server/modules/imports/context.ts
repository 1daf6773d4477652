/** What both phases load once per import: the importer, users by name, custom fields, the file on disk. */
import type { Queryable } from '../../db/index.js';
import type { Deps } from '../../core/http.js';
import { parseJson } from '../../core/json.js';
import { isSystem, scopeOf, systemActor, type AnyActor } from '../../core/policy.js';
import { toActor } from '../auth/repo.js';
import { mayAssign } from '../customers/rules.js';
import { contentPath } from '../files/store.js';
import { loadCustomFieldDefs } from '../customfields/repo.js';
import { listEntries } from '../dictionaries/repo.js';
import { validateCustomValues } from '../customfields/values.js';
import { DEFAULT_OPTIONS, type ImportOptions } from './plan.js';
import { SPECS, type ImportKind } from './fields.js';
import type { Mapping } from './mapping.js';
import * as repo from './repo.js';
import type { ImportUser, RowContext, RowProblem } from './validate.js';

export type ImportDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** How long a running phase holds its import between heartbeats before another process may take it over. */
export const LEASE_MS = 2 * 60_000;

export async function importerOf(db: Queryable, imp: repo.ImportRow): Promise<AnyActor> {
  if (!imp.actor_id) return systemActor('cli', imp.actor_name);
  const user = await db.selectFrom('users').selectAll().where('id', '=', imp.actor_id).executeTakeFirst();
  if (!user) return systemActor('cli', imp.actor_name);
  return toActor(user);
}

export function filePath(deps: ImportDeps, imp: repo.ImportRow): string {
  return contentPath(deps.config.filesDir, imp.file_sha256);
}

export function optionsOf(imp: repo.ImportRow): ImportOptions {
  return { ...DEFAULT_OPTIONS, ...parseJson<Partial<ImportOptions>>(imp.options, {}) };
}

export interface PhaseContext extends RowContext {
  actor: AnyActor;
  clock: ImportDeps['clock'];
  options: ImportOptions;
  users: Map<string, ImportUser>;
  /** Problems that only matter when the row creates a record (owner, required custom fields). */
  createProblems(record: { owner?: unknown; custom?: Record<string, unknown> }): RowProblem[];
}

export async function phaseContext(deps: ImportDeps, imp: repo.ImportRow): Promise<PhaseContext> {
  const { db, clock } = deps;
  const timeZone = deps.config.timeZone;
  const actor = await importerOf(db, imp);
  const options = optionsOf(imp);
  const headers = parseJson<string[]>(imp.headers, []);
  const mapping = parseJson<Mapping>(imp.mapping, []);
  const spec = SPECS[imp.kind as ImportKind];
  const customDefs = (spec.customEntity ? await loadCustomFieldDefs(db, spec.customEntity) : []);
  const users = new Map<string, ImportUser>();
  const byUsername = new Map<string, ImportUser>();
  const byName = new Map<string, ImportUser[]>();
  for (const u of await repo.allUsers(db)) {
    const user: ImportUser = { id: u.id, username: u.username, name: u.display_name, teamPath: u.team_path, active: u.active === 1 };
    users.set(u.id, user);
    byUsername.set(u.username.toLowerCase(), user);
    byName.set(u.display_name, [...(byName.get(u.display_name) ?? []), user]);
  }
  const dictionaries = await loadDictionaries(db);
  const scope = scopeOf(actor);
  const mayOwn = (user: ImportUser) => mayAssign(actor, { id: user.id, teamPath: user.teamPath, active: user.active }, scope);
  const ownerColumn = mapping.indexOf('owner');
  return {
    actor,
    clock,
    options,
    users,
    headers,
    mapping,
    customDefs,
    timeZone,
    findUser(text) {
      const named = byName.get(text) ?? [];
      if (named.length > 1) return byUsername.get(text.toLowerCase()) ?? 'ambiguous';
      return named[0] ?? byUsername.get(text.toLowerCase()) ?? null;
    },
    mayOwn,
    dictionary(field, text) {
      const dict = dictionaries.get(DICTIONARY_OF[field]);
      if (!dict) return undefined;
      const key = dict.byText.get(fold(text));
      // A value no entry means is a row error naming the column, as on every other customer write path (sales
      // areas such as 华东 are region entries since migration 0038).
      return key ? { key } : { options: dict.options };
    },
    createProblems(record) {
      const problems: RowProblem[] = [];
      // Sellers and managers own what they import unless the row names someone; the organisation (CLI) must say who.
      if (spec.ownerRequired && !record.owner && !options.defaultOwnerId && isSystem(actor)) {
        problems.push({ column: ownerColumn >= 0 ? (headers[ownerColumn] ?? null) : null, field: 'owner', code: 'owner_required' });
      }
      const columnOf = (key: string) => {
        const i = mapping.indexOf(`custom.${key}`);
        return i >= 0 ? (headers[i] ?? null) : null;
      };
      for (const e of validateCustomValues(customDefs, record.custom ?? {})) {
        if (e.code === 'required') problems.push({ column: columnOf(e.field.slice(7)), field: e.field, code: 'required' });
      }
      return problems;
    },
  };
}

const DICTIONARY_OF = { region: 'region', industry: 'industry', source: 'source', level: 'customer_level' } as const;
const fold = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** Active entries of the customer dictionaries, by every spelling that means them (key, labels, aliases). */
async function loadDictionaries(db: Queryable) {
  const out = new Map<string, { byText: Map<string, string>; options: string }>();
  for (const kind of Object.values(DICTIONARY_OF)) {
    const rows = await listEntries(db, kind, false);
    if (!rows.length) continue;
    const byText = new Map<string, string>();
    for (const r of rows) for (const v of [r.key, r.label, r.label_en ?? '', ...parseJson<string[]>(r.aliases, [])]) if (v && !byText.has(fold(v))) byText.set(fold(v), r.key);
    out.set(kind, { byText, options: rows.slice(0, 20).map((r) => r.label).join('/') });
  }
  return out;
}

/**
 * Work-order types (admins): create or update by key from the API body or a YAML document (line-precise errors),
 * export as YAML. Every change publishes a new version; orders keep the version they started under.
 */
import { commandIn } from '../../core/command.js';
import { AppError, invalid, notFound, yamlInvalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { authorize, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { definitionToYaml, validateYamlWith } from '../pipelines/yaml.js';
import { typeDefinitionSchema, type StoredTypeDefinition, type TypeDefinition } from './definition.js';
import { presentType } from './presenter.js';
import * as repo from './repo.js';
import type { TxDeps, WoDeps } from './service.js';

export async function listTypes(deps: WoDeps, activeOnly: boolean) {
  return { items: (await repo.listTypes(deps.db, activeOnly)).map(presentType) };
}

async function typeView(db: Queryable, id: string) {
  const row = (await repo.listTypes(db, false)).find((t) => t.id === id);
  if (!row) throw notFound('Work order type');
  return presentType(row);
}

export async function getType(deps: WoDeps, idOrKey: string) {
  const row = await repo.findType(deps.db, idOrKey);
  if (!row) throw notFound('Work order type');
  return typeView(deps.db, row.id);
}

/** Creates the type or publishes a new version of the one with the same key. */
export async function saveTypeInTx(trx: Queryable, deps: TxDeps, actor: AnyActor, def: TypeDefinition, options: { mustBeNew?: boolean; field?: string } = {}) {
  const team = await repo.findTeam(trx, def.team);
  if (!team) throw invalid(options.field ?? 'team', 'not_found_team');
  const stored: StoredTypeDefinition = {
    key: def.key,
    name: def.name,
    ...(def.nameEn ? { nameEn: def.nameEn } : {}),
    teamId: team.id,
    response: def.response,
    resolution: def.resolution,
    warnShare: def.warnShare,
    escalation: def.escalation,
    active: def.active,
  };
  const now = deps.clock.now().toISOString();
  const existing = await repo.findType(trx, def.key);
  if (existing && options.mustBeNew) throw new AppError('CONFLICT', 'wo_type_key_taken', { params: { key: def.key } });
  const id = existing?.id ?? newId();
  const version = (existing?.version ?? 0) + 1;
  const values = { key: def.key, name: def.name, name_en: def.nameEn ?? null, team_id: team.id, active: def.active ? 1 : 0, version, definition: toJson(stored), updated_at: now, updated_by: actor.id };
  if (existing) await repo.updateType(trx, id, values);
  else await repo.insertType(trx, { id, ...values, created_at: now });
  await repo.insertTypeVersion(trx, { type_id: id, version, definition: toJson(stored), created_at: now, created_by: actor.id });
  await commandIn(trx, deps.clock, { entity: 'work_order_type', actorId: actor.id }).recorded(id, existing ? 'update' : 'create', { before: existing ? parseJson(existing.definition, {}) : undefined, after: { ...stored, version } });
  return { id, created: !existing };
}

export async function createType(deps: WoDeps, actor: AnyActor, def: TypeDefinition) {
  authorize(actor, 'workorder.configure');
  const { id } = await deps.db.transaction().execute((trx) => saveTypeInTx(trx, deps, actor, def, { mustBeNew: true }));
  return typeView(deps.db, id);
}

/** PUT semantics on an existing type: the key stays; every field is given again (the form sends the whole type). */
export async function updateType(deps: WoDeps, actor: AnyActor, idOrKey: string, def: TypeDefinition) {
  authorize(actor, 'workorder.configure');
  const existing = await repo.findType(deps.db, idOrKey);
  if (!existing) throw notFound('Work order type');
  if (def.key !== existing.key) throw invalid('key', 'invalid', undefined, 'the key of a type cannot change');
  const { id } = await deps.db.transaction().execute((trx) => saveTypeInTx(trx, deps, actor, def));
  return typeView(deps.db, id);
}

export function validateTypeYaml(text: string) {
  return validateYamlWith(text, typeDefinitionSchema, 'the document must be a mapping with key, name, team, response and resolution');
}

export async function importTypeYaml(deps: WoDeps, actor: AnyActor, text: string) {
  authorize(actor, 'workorder.configure');
  const result = validateTypeYaml(text);
  if (!result.ok) throw yamlInvalid(result.errors);
  const team = await repo.findTeam(deps.db, result.value.team);
  if (!team) {
    // Point at the `team:` line: the one reference the schema cannot check.
    const line = text.split('\n').findIndex((l) => /^team\s*:/.test(l)) + 1 || 1;
    throw yamlInvalid([{ line, column: 1, path: 'team', message: `no team "${result.value.team}" (give its id or exact name)` }]);
  }
  const saved = await deps.db.transaction().execute((trx) => saveTypeInTx(trx, deps, actor, result.value));
  return { ...(await typeView(deps.db, saved.id)), created: saved.created };
}

export async function exportTypeYaml(deps: WoDeps, actor: AnyActor, idOrKey: string) {
  authorize(actor, 'workorder.configure');
  const view = await getType(deps, idOrKey);
  const doc = {
    key: view.key,
    name: view.name,
    ...(view.nameEn ? { nameEn: view.nameEn } : {}),
    team: view.team.name,
    response: view.response,
    resolution: view.resolution,
    warnShare: view.warnShare,
    escalation: view.escalation,
    active: view.active,
  };
  return { key: view.key, text: definitionToYaml(doc as never, `工单类型 work-order type "${view.key}", version ${view.version}`) };
}

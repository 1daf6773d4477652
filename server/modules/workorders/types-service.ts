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
import { fieldCodeMessage } from '../../../shared/messages.js';
import { definitionToYaml, validateYamlWith, type YamlError } from '../pipelines/yaml.js';
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

type TeamProblem = { code: 'not_found_team_named' | 'team_name_ambiguous'; params: { team: string; count?: number } };

/** The handling team a type names: its id, else its exact name when exactly one team carries it. */
export async function resolveTeamRef(db: Queryable, ref: string): Promise<{ team: { id: string; name: string } } | { problem: TeamProblem }> {
  const rows = await repo.teamsByIdOrName(db, ref);
  const byId = rows.find((r) => r.id === ref);
  if (byId) return { team: byId };
  if (rows.length === 1) return { team: rows[0] };
  if (rows.length === 0) return { problem: { code: 'not_found_team_named', params: { team: ref } } };
  return { problem: { code: 'team_name_ambiguous', params: { team: ref, count: rows.length } } };
}

/** Creates the type or publishes a new version of the one with the same key (none when nothing changed). */
export async function saveTypeInTx(trx: Queryable, deps: TxDeps, actor: AnyActor, def: TypeDefinition, options: { mustBeNew?: boolean; field?: string } = {}) {
  const resolved = await resolveTeamRef(trx, def.team);
  if ('problem' in resolved) throw invalid(options.field ?? 'team', resolved.problem.code, resolved.problem.params);
  const team = resolved.team;
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
  // Importing what was exported (or saving the form unchanged) is not a new version.
  if (existing && existing.definition === toJson(stored) && existing.name === def.name && (existing.name_en ?? null) === (def.nameEn ?? null)) return { id: existing.id, created: false };
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

/** Line of the top-level `team:` key (the one reference the schema cannot check). */
const teamLine = (text: string) => text.split('\n').findIndex((l) => /^team\s*:/.test(l)) + 1 || 1;

/** Schema errors with their lines, then the team reference against the org (a located `team` error). */
export async function validateTypeYaml(db: Queryable, text: string): Promise<{ ok: true; value: TypeDefinition } | { ok: false; errors: YamlError[] }> {
  const result = validateYamlWith(text, typeDefinitionSchema, 'the document must be a mapping with key, name, team, response and resolution');
  if (!result.ok) return result;
  const resolved = await resolveTeamRef(db, result.value.team);
  if (!('problem' in resolved)) return result;
  const { code, params } = resolved.problem;
  return { ok: false, errors: [{ line: teamLine(text), column: 1, path: 'team', code, params, message: fieldCodeMessage(code, 'en', params) }] };
}

/**
 * Creates or updates (by key) a type from YAML. A malformed document → 422 YAML_INVALID with lines; a well-formed one
 * naming a team that does not exist (or a name several teams share) → 400 naming the field `team` and its line.
 */
export async function importTypeYaml(deps: WoDeps, actor: AnyActor, text: string) {
  authorize(actor, 'workorder.configure');
  const parsed = validateYamlWith(text, typeDefinitionSchema, 'the document must be a mapping with key, name, team, response and resolution');
  if (!parsed.ok) throw yamlInvalid(parsed.errors);
  const resolved = await resolveTeamRef(deps.db, parsed.value.team);
  if ('problem' in resolved) throw invalid('team', resolved.problem.code, { ...resolved.problem.params, line: teamLine(text) });
  const saved = await deps.db.transaction().execute((trx) => saveTypeInTx(trx, deps, actor, parsed.value));
  return { ...(await typeView(deps.db, saved.id)), created: saved.created };
}

export async function exportTypeYaml(deps: WoDeps, actor: AnyActor, idOrKey: string) {
  authorize(actor, 'workorder.configure');
  const view = await getType(deps, idOrKey);
  const doc = {
    key: view.key,
    name: view.name,
    ...(view.nameEn ? { nameEn: view.nameEn } : {}),
    // A name two teams share would not import back to the same team: write the id then.
    team: (await repo.countTeamsNamed(deps.db, view.team.name)) === 1 ? view.team.name : view.team.id,
    response: view.response,
    resolution: view.resolution,
    warnShare: view.warnShare,
    escalation: view.escalation,
    active: view.active,
  };
  return { key: view.key, text: definitionToYaml(doc as never, `工单类型 work-order type "${view.key}", version ${view.version}`) };
}

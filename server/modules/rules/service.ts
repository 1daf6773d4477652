/**
 * Rule use cases: create, edit, delete, list runs, YAML import/export. Every write is one transaction with its
 * audit entry. Webhook secrets are write-only: the API and exports show a mask, and sending the mask back keeps
 * the stored secret of the same action.
 */
import { commandIn } from '../../core/command.js';
import type { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { AppError, notFound, yamlInvalid, type FieldError } from '../../core/errors.js';
import { fieldErrorsOf } from '../../core/validation.js';
import { newId } from '../../core/ids.js';
import type { Db, Queryable } from '../../db/index.js';
import type { RulesTable } from '../../db/schema.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';
import { diffFields } from '../audit/repo.js';
import { definitionOf as pipelineDefinitionOf } from '../pipelines/repo.js';
import { definitionToYaml, validateYamlWith } from '../pipelines/yaml.js';
import { ruleDefinitionSchema, type RuleAction, type RuleDefinition } from './definition.js';
import * as repo from './repo.js';
import type { RulePatch } from './schema.js';
import { mask, presentRule, presentRun, SECRET_MASK } from './presenter.js';
export { presentRule, presentRun };

export { SECRET_MASK };

export interface RuleDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
}




function issuesToError(issues: z.core.$ZodIssue[], input: unknown): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { fields: fieldErrorsOf(issues, '', input) });
}

/** Puts stored secrets back where the client sent the mask; a mask with nothing to keep is an error. */
function restoreSecrets(actions: RuleAction[], previous: RuleAction[] | null): FieldError[] {
  const errors: FieldError[] = [];
  const webhooks = (previous ?? []).flatMap((p, i) => (p.type === 'webhook' ? [{ i, config: p.config }] : []));
  actions.forEach((action, i) => {
    if (action.type !== 'webhook' || action.config.secret !== SECRET_MASK) return;
    const sameUrl = webhooks.filter((w) => w.config.url === action.config.url);
    // An unreadable stored secret (sealed with a key no longer configured) reads as '' and cannot be kept.
    const kept = [sameUrl.find((w) => w.i === i), ...sameUrl].find((w) => w && w.config.secret !== '');
    if (kept) action.config.secret = kept.config.secret;
    else errors.push({ field: `actions.${i}.config.secret`, code: 'masked_secret' });
  });
  return errors;
}

/** Checks that need the database: named users exist, a pipeline filter names a pipeline and its stages. */
async function checkReferences(db: Queryable, def: RuleDefinition): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const usernames = new Map<string, string[]>();
  def.actions.forEach((action, i) => {
    const specs =
      action.type === 'notify'
        ? action.config.recipients.map((s, j) => [s, `actions.${i}.config.recipients.${j}`] as const)
        : action.type === 'create_followup_deal'
          ? [[action.config.owner, `actions.${i}.config.owner`] as const]
          : 'assignee' in action.config
            ? [[action.config.assignee, `actions.${i}.config.assignee`] as const]
            : [];
    for (const [spec, path] of specs) if (spec.startsWith('user:')) usernames.set(spec.slice(5), [...(usernames.get(spec.slice(5)) ?? []), path]);
  });
  if (usernames.size) {
    const found = new Set((await db.selectFrom('users').select('username').where('username', 'in', [...usernames.keys()]).where('active', '=', 1).execute()).map((u) => u.username));
    for (const [name, paths] of usernames) if (!found.has(name)) paths.forEach((field) => errors.push({ field, code: 'not_found_user', params: { user: name } }));
  }
  const trigger = def.trigger;
  if (trigger.type === 'deal.stage_changed' && trigger.pipeline) {
    const filter = trigger.pipeline;
    const pipeline = await db.selectFrom('pipelines').selectAll().where((eb) => eb.or([eb('key', '=', filter), eb('id', '=', filter)])).executeTakeFirst();
    if (!pipeline) errors.push({ field: 'trigger.pipeline', code: 'not_found_pipeline', params: { pipeline: filter } });
    else {
      const stages = new Set(pipelineDefinitionOf(pipeline).stages.map((s) => s.key));
      for (const side of ['from', 'to'] as const) {
        const stage = trigger[side];
        if (stage && !stages.has(stage)) errors.push({ field: `trigger.${side}`, code: 'not_found_stage', params: { stage, values: [...stages].join(', ') } });
      }
    }
  }
  for (const [i, action] of def.actions.entries()) {
    if (action.type !== 'create_followup_deal') continue;
    const { pipeline: key, stage } = action.config;
    const pipeline = await db.selectFrom('pipelines').selectAll().where('key', '=', key).where('archived', '=', 0).executeTakeFirst();
    if (!pipeline) {
      errors.push({ field: `actions.${i}.config.pipeline`, code: 'not_found_pipeline', params: { pipeline: key } });
      continue;
    }
    const stages = pipelineDefinitionOf(pipeline).stages;
    const open = stages.filter((s) => !s.terminal).map((s) => s.key);
    if (stage && !open.includes(stage)) {
      const code = stages.some((s) => s.key === stage) ? 'closing_stage' : 'not_found_stage';
      errors.push({ field: `actions.${i}.config.stage`, code, params: { stage, values: open.join(', ') } });
    }
  }
  return errors;
}

/** Validates a whole definition (zod + database references); throws 400 naming every bad field. */
export async function parseRule(db: Queryable, timeZone: string, input: unknown, previous: RuleAction[] | null): Promise<RuleDefinition> {
  const parsed = ruleDefinitionSchema(timeZone).safeParse(input);
  if (!parsed.success) throw issuesToError(parsed.error.issues, input);
  const def = parsed.data as RuleDefinition;
  const errors = [...restoreSecrets(def.actions, previous), ...(await checkReferences(db, def))];
  if (errors.length) throw new AppError('VALIDATION_FAILED', undefined, { fields: errors });
  return def;
}

function conflictKey(key: string) {
  return new AppError('CONFLICT', 'rule_key_taken', { params: { key }, fields: [{ field: 'key', code: 'taken' }] });
}

const auditView = (def: RuleDefinition) => ({ ...def, actions: mask(def.actions) });

async function insertRule(trx: Queryable, clock: Clock, actorId: string | null, def: RuleDefinition, source: 'api' | 'import') {
  if (await repo.findRuleByKey(trx, def.key)) throw conflictKey(def.key);
  const now = clock.now().toISOString();
  const id = newId();
  const row: RulesTable = {
    id,
    key: def.key,
    name: def.name,
    name_en: def.nameEn ?? null,
    enabled: def.enabled ? 1 : 0,
    trigger_type: def.trigger.type,
    definition: repo.storedDefinition(id, def),
    version: 1,
    schedule_from: now,
    created_by: actorId,
    created_at: now,
    updated_at: now,
  };
  await repo.insertRule(trx, row);
  await commandIn(trx, clock, { entity: 'rule', actorId: actorId }).recorded(row.id, 'create', { after: { source, definition: auditView(def) } });
  return row;
}

async function replaceRule(trx: Queryable, clock: Clock, actorId: string | null, row: RulesTable, def: RuleDefinition) {
  if (def.key !== row.key && (await repo.findRuleByKey(trx, def.key))) throw conflictKey(def.key);
  const before = repo.definitionOf(row);
  const diff = diffFields(auditView(before) as unknown as Record<string, unknown>, auditView(def) as unknown as Record<string, unknown>);
  const secretsChanged = JSON.stringify(before.actions) !== JSON.stringify(def.actions);
  if (!diff.changed && !secretsChanged) return row;
  const now = clock.now().toISOString();
  // Re-enabling or re-timing a schedule starts counting slots now, so it never fires for the time it was off.
  const restartSchedule = (def.enabled && !before.enabled) || JSON.stringify(def.trigger) !== JSON.stringify(before.trigger);
  const values: Partial<RulesTable> = {
    key: def.key,
    name: def.name,
    name_en: def.nameEn ?? null,
    enabled: def.enabled ? 1 : 0,
    trigger_type: def.trigger.type,
    definition: repo.storedDefinition(row.id, def),
    version: row.version + 1,
    updated_at: now,
    ...(restartSchedule ? { schedule_from: now } : {}),
  };
  await repo.updateRule(trx, row.id, values);
  await commandIn(trx, clock, { entity: 'rule', actorId: actorId }).recorded(row.id, 'update', { before: diff.before, after: { ...diff.after, version: values.version } });
  return { ...row, ...values } as RulesTable;
}

export async function getRule(db: Queryable, idOrKey: string) {
  const row = await repo.findRule(db, idOrKey);
  if (!row) throw notFound('Rule');
  return row;
}

export async function createRule(deps: RuleDeps, actor: AnyActor, input: unknown) {
  authorize(actor, 'rule.manage');
  const actorId = auditActorId(actor);
  const def = await parseRule(deps.db, deps.timeZone, input, null);
  return presentRule(await deps.db.transaction().execute((trx) => insertRule(trx, deps.clock, actorId, def, 'api')));
}

export async function updateRule(deps: RuleDeps, actor: AnyActor, idOrKey: string, patch: RulePatch) {
  authorize(actor, 'rule.manage');
  const actorId = auditActorId(actor);
  return deps.db.transaction().execute(async (trx) => {
    const row = await getRule(trx, idOrKey);
    const before = repo.definitionOf(row);
    const merged: Record<string, unknown> = { ...before };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    const def = await parseRule(trx, deps.timeZone, merged, before.actions);
    return presentRule(await replaceRule(trx, deps.clock, actorId, row, def));
  });
}

export async function deleteRule(deps: RuleDeps, actor: AnyActor, idOrKey: string) {
  authorize(actor, 'rule.manage');
  const actorId = auditActorId(actor);
  await deps.db.transaction().execute(async (trx) => {
    const row = await getRule(trx, idOrKey);
    await repo.deleteRule(trx, row.id);
    await commandIn(trx, deps.clock, { entity: 'rule', actorId: actorId }).recorded(row.id, 'delete', { before: { definition: auditView(repo.definitionOf(row)) } });
  });
}

/** Rules carry webhook URLs and reach every record: read by `rule.read`, written by `rule.manage`. */
export async function listRules(db: Queryable, actor: AnyActor, filter: { enabled?: boolean; triggerType?: string }) {
  authorize(actor, 'rule.read');
  const rows = await repo.listRules(db, filter);
  return { items: rows.map(presentRule), total: rows.length };
}

export async function readRule(db: Queryable, actor: AnyActor, idOrKey: string) {
  authorize(actor, 'rule.read');
  return presentRule(await getRule(db, idOrKey));
}

export async function listRuleRuns(db: Queryable, actor: AnyActor, idOrKey: string, query: { status?: string; page: number; pageSize: number }) {
  authorize(actor, 'rule.read');
  const row = await getRule(db, idOrKey);
  const { rows, total } = await repo.listRuns(db, row.id, { status: query.status }, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  return { items: rows.map(presentRun), total };
}

/** The YAML document of a rule (secrets masked); importing it back gives the same rule. */
export async function exportRuleYaml(db: Queryable, actor: AnyActor, idOrKey: string): Promise<{ key: string; text: string }> {
  authorize(actor, 'rule.read');
  const row = await getRule(db, idOrKey);
  const def = repo.definitionOf(row);
  const header = `actionflow rule "${row.key}" (version ${row.version})\nImport with: POST /api/rules/import (webhook secrets are masked; the mask keeps the stored secret)`;
  const { key, name, nameEn, description, enabled, trigger, conditions, actions } = def;
  const doc = Object.fromEntries(Object.entries({ key, name, nameEn, description, enabled, trigger, conditions, actions: mask(actions) }).filter(([, v]) => v !== undefined && v !== null));
  return { key: row.key, text: definitionToYaml(doc as never, header) };
}

/** Validation as a reader asks for it (the editor's "check" button). */
export function checkRuleYaml(actor: AnyActor, timeZone: string, text: string) {
  authorize(actor, 'rule.read');
  return validateRuleYaml(timeZone, text);
}

export function validateRuleYaml(timeZone: string, text: string) {
  return validateYamlWith(text, ruleDefinitionSchema(timeZone), 'the document must be a mapping with key, name, trigger and actions');
}


/** Creates the rule, or updates the one with the same key. Invalid YAML → 422 YAML_INVALID with line-precise errors. */
export async function importRuleYaml(deps: RuleDeps, actor: AnyActor, text: string) {
  authorize(actor, 'rule.manage');
  const actorId = auditActorId(actor);
  const result = validateRuleYaml(deps.timeZone, text);
  if (!result.ok) throw yamlInvalid(result.errors);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findRuleByKey(trx, result.value.key);
    const def = await parseRule(trx, deps.timeZone, result.value, existing ? repo.definitionOf(existing).actions : null);
    if (existing) return { ...presentRule(await replaceRule(trx, deps.clock, actorId, existing, def)), created: false };
    return { ...presentRule(await insertRule(trx, deps.clock, actorId, def, 'import')), created: true };
  });
}

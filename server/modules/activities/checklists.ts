/**
 * Action checklists per activity type (seed 000's 动作锁) and the org's effective-interaction rule. The activity log
 * applies them to every activity it stores, whoever logs it (HTTP, CLI, worker, demo).
 */
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, type FieldError } from '../../core/errors.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import { commandIn } from '../../core/command.js';
import { DEFAULT_EFFECT_RULE, type EffectRule } from './effective.js';
import type { ActivityBody, ChecklistBody } from './schema.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';

type Item = ChecklistBody['items'][number];
export interface ChecklistConfig {
  type: string;
  mode: ChecklistBody['mode'];
  items: Item[];
  updatedAt: string | null;
}

// Both are read on every activity written: prepared (db/prepared.ts).
const checklistRow = prepared((db, v: { type: string }) => db.selectFrom('activity_checklists').selectAll().where('type', '=', v.type));
const settingsRow = prepared((db) => db.selectFrom('activity_settings').selectAll().where('id', '=', 'org'));

export async function getChecklist(db: Queryable, type: string): Promise<ChecklistConfig> {
  const [row] = await checklistRow(db, { type });
  if (!row) return { type, mode: 'off', items: [], updatedAt: null };
  return { type, mode: row.mode as ChecklistConfig['mode'], items: parseJson<Item[]>(row.items, []), updatedAt: row.updated_at };
}

export async function putChecklist(db: Queryable, clock: Clock, actor: AnyActor, type: string, body: ChecklistBody): Promise<ChecklistConfig> {
  authorize(actor, 'activity.configure');
  const actorId = auditActorId(actor);
  const before = await getChecklist(db, type);
  const now = clock.now().toISOString();
  const values = { mode: body.mode, items: toJson(body.items), updated_by: actorId, updated_at: now };
  await db.insertInto('activity_checklists').values({ type, ...values }).onConflict((oc) => oc.column('type').doUpdateSet(values)).execute();
  await commandIn(db, clock, { entity: 'activity_checklist', actorId }).recorded(type, 'update', { before: { mode: before.mode, items: before.items }, after: body });
  return getChecklist(db, type);
}

export async function getEffectiveRule(db: Queryable): Promise<EffectRule & { updatedAt: string | null }> {
  const [row] = await settingsRow(db, {});
  return row ? { ...parseJson<EffectRule>(row.effective_rule, DEFAULT_EFFECT_RULE), updatedAt: row.updated_at } : { ...DEFAULT_EFFECT_RULE, updatedAt: null };
}

export async function putEffectiveRule(db: Queryable, clock: Clock, actor: AnyActor, rule: EffectRule) {
  authorize(actor, 'activity.configure');
  const actorId = auditActorId(actor);
  const { updatedAt: _u, ...before } = await getEffectiveRule(db);
  const now = clock.now().toISOString();
  const values = { effective_rule: toJson({ counts: rule.counts }), updated_by: actorId, updated_at: now };
  await db.insertInto('activity_settings').values({ id: 'org', ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
  await commandIn(db, clock, { entity: 'activity_settings', actorId }).recorded('org', 'update', { before, after: { counts: rule.counts } });
  return getEffectiveRule(db);
}

type Answer = boolean | { done: boolean; note?: string };
const done = (a: Answer | undefined) => a === true || (typeof a === 'object' && a.done === true);

export interface UnmetItem {
  code: 'CHECKLIST_INCOMPLETE';
  label: string;
  labelEn: string;
  hint: string;
  hintEn: string;
  requirement: { kind: 'checklist'; item: string };
}

/** Items not ticked, in the gates' shape. Pure. */
export function unmetItems(items: Item[], answers: Record<string, Answer>): UnmetItem[] {
  return items
    .filter((item) => !done(answers[item.key]))
    .map((item) => ({
      code: 'CHECKLIST_INCOMPLETE' as const,
      label: item.label,
      labelEn: item.labelEn ?? item.label,
      hint: `勾选「${item.label}」${item.hint ? `：${item.hint}` : ''}`,
      hintEn: `Tick "${item.labelEn ?? item.label}"${item.hintEn ? `: ${item.hintEn}` : ''}`,
      requirement: { kind: 'checklist', item: item.key },
    }));
}

/** What the checklist decides about an activity: which effects count, whether it counts at all, the answers kept. */
export interface ChecklistVerdict {
  rule: EffectRule;
  counts: boolean;
  checklist?: { complete: boolean; answers: Record<string, Answer>; unmet: UnmetItem[] };
}

/**
 * Runs before the activity log stores an activity: unknown answer keys → 400 naming `checklist.<key>`;
 * `require` mode with unticked items → 422 CHECKLIST_INCOMPLETE listing them; `count` mode → stored, but effective
 * only when complete. The answers are kept beside the activity.
 */
export async function checklistVerdict(trx: Queryable, input: ActivityBody, activityId: string, clock: Clock): Promise<ChecklistVerdict> {
  const config = await getChecklist(trx, input.type);
  const rule = await getEffectiveRule(trx);
  const answers = input.checklist ?? {};
  if (config.mode === 'off') {
    const keys = Object.keys(answers);
    if (keys.length > 0) throw invalid('checklist', 'no_checklist', { type: input.type });
    return { rule, counts: true };
  }
  const known = new Set(config.items.map((i) => i.key));
  const strangers = Object.keys(answers).filter((k) => !known.has(k));
  if (strangers.length > 0) {
    const fields: FieldError[] = strangers.map((k) => ({ field: `checklist.${k}`, code: 'not_checklist_item', params: { values: [...known].join(', ') } }));
    throw new AppError('VALIDATION_FAILED', undefined, { fields });
  }
  const unmet = unmetItems(config.items, answers);
  if (config.mode === 'require' && unmet.length > 0) {
    throw new AppError('CHECKLIST_INCOMPLETE', 'checklist_incomplete', {
      params: { type: input.type, missing: unmet.map((u) => u.label).join('、'), missingEn: unmet.map((u) => u.labelEn).join(', ') },
      extra: { type: input.type, unmet },
    });
  }
  const complete = unmet.length === 0;
  const now = clock.now().toISOString();
  await trx.insertInto('activity_checklist_answers').values({ activity_id: activityId, type: input.type, answers: toJson(answers), complete: complete ? 1 : 0, created_at: now }).execute();
  return { rule, counts: complete, checklist: { complete, answers, unmet } };
}

export async function activityChecklist(db: Queryable, activityId: string) {
  const row = await db.selectFrom('activity_checklist_answers').selectAll().where('activity_id', '=', activityId).executeTakeFirst();
  return row ? { activityId, type: row.type, complete: row.complete === 1, answers: parseJson<Record<string, Answer>>(row.answers, {}) } : null;
}

import { commandIn } from '../../core/command.js';
import type { Db, Queryable } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { AppError, notFound, type FieldError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { loadCustomFieldDefs } from './repo.js';
import { validateCustomValues, type CustomFieldEntity, type CustomValues } from './values.js';
import type { CustomFieldBody } from './schema.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';
import { presentCustomField } from './presenter.js';

export type DefRow = Awaited<ReturnType<typeof loadCustomFieldDefs>>[number];


export async function listCustomFields(db: Queryable, entity: CustomFieldEntity) {
  const defs = await loadCustomFieldDefs(db, entity);
  return defs.map((d) => presentCustomField({ ...d, entity }));
}

export async function createCustomField(db: Db, clock: Clock, actor: AnyActor, input: CustomFieldBody) {
  authorize(actor, 'customfield.manage');
  const actorId = auditActorId(actor);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('custom_field_defs')
      .select('id')
      .where('entity', '=', input.entity)
      .where('key', '=', input.key)
      .executeTakeFirst();
    if (taken) {
      throw new AppError('CONFLICT', 'custom_field_taken', {
        params: { key: input.key, entity: input.entity },
        fields: [{ field: 'key', code: 'taken' }],
      });
    }
    const isSelect = input.type === 'select' || input.type === 'multiselect';
    const row = {
      id: newId(),
      entity: input.entity,
      key: input.key,
      label: input.label,
      label_en: input.labelEn ?? null,
      type: input.type,
      options: toJson(isSelect ? (input.options ?? []) : []),
      required: input.required ? 1 : 0,
      created_at: clock.now().toISOString(),
    };
    await trx.insertInto('custom_field_defs').values(row).execute();
    const created = presentCustomField({
      id: row.id,
      entity: row.entity,
      key: row.key,
      label: row.label,
      labelEn: row.label_en,
      type: input.type,
      options: isSelect ? (input.options ?? []) : [],
      required: input.required,
    });
    await commandIn(trx, clock, { entity: 'custom_field', actorId: actorId }).recorded(row.id, 'create', { after: created });
    return created;
  });
}

/** Removing a definition keeps the stored values; writes drop keys that are no longer defined (see `checkCustomValues`). */
export async function deleteCustomField(db: Db, clock: Clock, actor: AnyActor, id: string) {
  authorize(actor, 'customfield.manage');
  const actorId = auditActorId(actor);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('custom_field_defs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Custom field');
    await trx.deleteFrom('custom_field_defs').where('id', '=', id).execute();
    await commandIn(trx, clock, { entity: 'custom_field', actorId: actorId }).recorded(id, 'delete', { before: { entity: row.entity, key: row.key, label: row.label, type: row.type, required: row.required === 1 } });
  });
}

/**
 * Validates custom values for a write and returns the values to store. On create, `values` is the whole object;
 * on update pass `existing` and `partial: true`: the patch is merged over the stored values (a key set to null
 * clears it). Keys whose definition was deleted are dropped instead of failing every later write.
 * `user` values must name an existing user. Throws VALIDATION_FAILED naming `custom.<key>`.
 */
export async function checkCustomValues(
  db: Queryable,
  entity: CustomFieldEntity,
  values: CustomValues | undefined,
  options: { existing?: CustomValues; partial?: boolean; fieldPrefix?: string } = {},
): Promise<CustomValues> {
  const prefix = options.fieldPrefix ?? 'custom';
  const defs = await loadCustomFieldDefs(db, entity);
  const input = values ?? {};
  const errors: FieldError[] = validateCustomValues(defs, input, { partial: options.partial, fieldPrefix: prefix });
  const userIds = defs
    .filter((d) => d.type === 'user' && typeof input[d.key] === 'string' && input[d.key] !== '')
    .map((d) => ({ key: d.key, id: input[d.key] as string }));
  if (userIds.length > 0) {
    const found = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', userIds.map((u) => u.id))
      .execute();
    const known = new Set(found.map((u) => u.id));
    for (const u of userIds) if (!known.has(u.id)) errors.push({ field: `${prefix}.${u.key}`, code: 'not_found_user' });
  }
  if (errors.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { fields: errors });
  }
  const defined = new Set(defs.map((d) => d.key));
  const merged: CustomValues = {};
  for (const [key, value] of Object.entries({ ...(options.existing ?? {}), ...input })) {
    if (defined.has(key) && value !== null && value !== undefined && value !== '') merged[key] = value;
  }
  return merged;
}

/**
 * Dictionaries: admin-managed value lists (lost reasons, regions, industries, sources, customer levels). Records
 * store an entry's `key`; an entry is retired (inactive), never deleted, so values already stored keep their label.
 * `resolveEntry` maps what people type (key, label or an alias such as "浙江杭州") to the one stored value.
 */
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { auditActorId, authorize, can, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { recordAudit } from '../../core/audit-log.js';
import { presentEntry } from './presenter.js';
import * as repo from './repo.js';
import type { DealSettingsInput, DictionaryCreateInput, DictionaryKind, DictionaryPatchInput } from './schema.js';

export async function listDictionary(db: Queryable, actor: AnyActor, kind: DictionaryKind | undefined, includeInactive: boolean) {
  const rows = await repo.listEntries(db, kind, includeInactive && can(actor, 'dictionary.manage'));
  return rows.map(presentEntry);
}

const fold = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** The active entry a typed value means (key, label, English label or alias; spaces and case ignored), or undefined. */
export async function resolveEntry(db: Queryable, kind: DictionaryKind, value: string) {
  const exact = await repo.findByKey(db, kind, value);
  if (exact?.active === 1) return presentEntry(exact);
  const wanted = fold(value);
  const rows = await repo.listEntries(db, kind, false);
  const row = rows.find((r) => [r.key, r.label, r.label_en ?? '', ...(JSON.parse(r.aliases) as string[])].some((v) => v && fold(v) === wanted));
  return row ? presentEntry(row) : undefined;
}

/** The stored key for `value`, or a 400 naming `field` and listing the allowed values. */
export async function requireEntry(db: Queryable, kind: DictionaryKind, value: string, field: string): Promise<string> {
  const entry = await resolveEntry(db, kind, value);
  if (entry) return entry.key;
  const allowed = (await repo.listEntries(db, kind, false)).slice(0, 30).map((r) => `${r.key} (${r.label})`);
  throw invalid(field, 'not_in_dictionary', { value, values: allowed.join(', ') });
}

export async function createEntry(db: Queryable, clock: Clock, actor: AnyActor, input: DictionaryCreateInput) {
  authorize(actor, 'dictionary.manage');
  const key = input.key ?? input.label;
  if (await repo.findByKey(db, input.kind, key)) throw new AppError('CONFLICT', 'dictionary_key_taken', { params: { key }, fields: [{ field: 'key', code: 'invalid' }] });
  if (input.parentKey && !(await repo.findByKey(db, input.kind, input.parentKey))) throw invalid('parentKey', 'not_in_dictionary', { value: input.parentKey, values: '' });
  const now = clock.now().toISOString();
  const row = {
    id: newId(),
    kind: input.kind,
    key,
    label: input.label,
    label_en: input.labelEn ?? null,
    parent_key: input.parentKey ?? null,
    aliases: toJson(input.aliases ?? []),
    sort: input.sort ?? (await repo.maxSort(db, input.kind)) + 1,
    active: 1,
    created_at: now,
    updated_at: now,
  };
  await repo.insertEntry(db, row);
  await recordAudit(db, clock, { entity: 'dictionary', entityId: row.id, action: 'create', actorId: auditActorId(actor), after: presentEntry(row) });
  return presentEntry(row);
}

export async function patchEntry(db: Queryable, clock: Clock, actor: AnyActor, id: string, patch: DictionaryPatchInput) {
  authorize(actor, 'dictionary.manage');
  const row = await repo.findEntry(db, id);
  if (!row) throw notFound('Record');
  const set: Partial<repo.DictionaryRow> = { updated_at: clock.now().toISOString() };
  if (patch.label !== undefined) set.label = patch.label;
  if (patch.labelEn !== undefined) set.label_en = patch.labelEn;
  if (patch.aliases !== undefined) set.aliases = toJson(patch.aliases);
  if (patch.sort !== undefined) set.sort = patch.sort;
  if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
  await repo.updateEntry(db, id, set);
  const after = (await repo.findEntry(db, id))!;
  await recordAudit(db, clock, { entity: 'dictionary', entityId: id, action: 'update', actorId: auditActorId(actor), before: presentEntry(row), after: presentEntry(after) });
  return presentEntry(after);
}

export async function getDealSettings(db: Queryable) {
  const row = await repo.getDealSettings(db);
  return { lostConfirmAboveFen: row?.lost_confirm_above_fen == null ? null : Number(row.lost_confirm_above_fen), updatedAt: row?.updated_at ?? null };
}

export async function putDealSettings(db: Queryable, clock: Clock, actor: AnyActor, input: DealSettingsInput) {
  authorize(actor, 'deal.configure');
  const before = await getDealSettings(db);
  await repo.putDealSettings(db, { lost_confirm_above_fen: input.lostConfirmAboveFen, updated_by: auditActorId(actor), updated_at: clock.now().toISOString() });
  await recordAudit(db, clock, { entity: 'deal_settings', entityId: 'org', action: 'update', actorId: auditActorId(actor), before, after: input });
  return getDealSettings(db);
}

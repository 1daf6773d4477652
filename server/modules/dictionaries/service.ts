/**
 * Dictionaries: admin-managed value lists (lost reasons, regions, industries, sources, customer levels). Records
 * store an entry's `key`; an entry is retired (inactive), never deleted, so values already stored keep their label.
 * `resolveEntry` maps what people type (key, label or an alias such as "浙江杭州") to the one stored value.
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { auditActorId, authorize, can, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
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

const CUSTOMER_FIELDS = { region: 'region', industry: 'industry', source: 'source', level: 'customer_level' } as const;
type CustomerField = keyof typeof CUSTOMER_FIELDS;

/**
 * A customer's region/industry/source/level as the dictionary's key when the typed value is a known spelling
 * ("浙江杭州" → 浙江省杭州市), on every write path, so lists and reports group on one value. A value no active entry
 * means is refused (400 `not_in_dictionary` naming the field and the allowed values), except:
 * - a value the record already stores (`stored`): older data re-saved by a form is not an edit of that field;
 * - `lenient`: the values come from records already stored (a merge fills the survivor from the merged customer);
 * - a dictionary without active entries (an admin retired them all): the field is free text again.
 */
export async function canonicalCustomerValues<T extends Partial<Record<CustomerField, string | null>>>(
  db: Queryable,
  values: T,
  options: { stored?: Partial<Record<CustomerField, string | null>>; lenient?: boolean } = {},
): Promise<T> {
  const out = { ...values };
  for (const [field, kind] of Object.entries(CUSTOMER_FIELDS) as Array<[CustomerField, DictionaryKind]>) {
    const value = values[field];
    if (!value?.trim()) continue;
    const entry = await resolveEntry(db, kind, value.trim());
    if (entry) (out as Record<string, unknown>)[field] = entry.key;
    else if (!options.lenient && value !== options.stored?.[field]) await refuseUnknown(db, kind, value, field);
  }
  return out;
}

/** 400 naming `field` with the allowed values, unless the dictionary has no active entries (free text then). */
async function refuseUnknown(db: Queryable, kind: DictionaryKind, value: string, field: string): Promise<void> {
  const rows = await repo.listEntries(db, kind, false);
  if (rows.length === 0) return;
  throw invalid(field, 'not_in_dictionary', { value, values: rows.slice(0, 30).map((r) => r.label).join('、') + (rows.length > 30 ? ' …' : '') });
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
  await commandIn(db, clock, { entity: 'dictionary', actorId: auditActorId(actor) }).recorded(row.id, 'create', { after: presentEntry(row) });
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
  await commandIn(db, clock, { entity: 'dictionary', actorId: auditActorId(actor) }).recorded(id, 'update', { before: presentEntry(row), after: presentEntry(after) });
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
  await commandIn(db, clock, { entity: 'deal_settings', actorId: auditActorId(actor) }).recorded('org', 'update', { before, after: input });
  return getDealSettings(db);
}

import type { Queryable } from '../../db/index.js';
import { prepared } from '../../db/prepared.js';
import { parseJson } from '../../core/json.js';
import type { CustomFieldDef, CustomFieldEntity, CustomFieldType, SelectOption } from './values.js';

// Read by every write of a record that has custom fields: prepared (db/prepared.ts).
const fieldDefRows = prepared((db, v: { entity: string }) => db.selectFrom('custom_field_defs').selectAll().where('entity', '=', v.entity).orderBy('created_at').orderBy('key'));

export async function loadCustomFieldDefs(db: Queryable, entity: CustomFieldEntity): Promise<(CustomFieldDef & { id: string })[]> {
  const rows = await fieldDefRows(db, { entity });
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    label: r.label,
    labelEn: r.label_en,
    type: r.type as CustomFieldType,
    options: parseJson<SelectOption[]>(r.options, []),
    required: r.required === 1,
  }));
}

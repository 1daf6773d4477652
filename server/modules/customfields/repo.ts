import type { Queryable } from '../../db/index.js';
import { parseJson } from '../../core/json.js';
import type { CustomFieldDef, CustomFieldEntity, CustomFieldType, SelectOption } from './values.js';

export async function loadCustomFieldDefs(db: Queryable, entity: CustomFieldEntity): Promise<(CustomFieldDef & { id: string })[]> {
  const rows = await db.selectFrom('custom_field_defs').selectAll().where('entity', '=', entity).orderBy('created_at').orderBy('key').execute();
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

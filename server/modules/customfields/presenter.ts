import { z } from 'zod';
import type { DefRow } from './service.js';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES, type CustomFieldEntity } from './values.js';

export const customFieldSchema = z
  .object({
    id: z.string(),
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.object({ value: z.string(), label: z.string(), labelEn: z.string().optional() })),
    required: z.boolean(),
  })
  .meta({ id: 'CustomField' });

export function presentCustomField(def: DefRow & { entity: string }): z.infer<typeof customFieldSchema> {
  return {
    id: def.id,
    entity: def.entity as CustomFieldEntity,
    key: def.key,
    label: def.label,
    labelEn: def.labelEn ?? null,
    type: def.type,
    options: def.options,
    required: def.required,
  };
}

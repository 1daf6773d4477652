import { z } from 'zod';
import { parseJson } from '../../core/json.js';
import type { DictionaryRow } from './repo.js';

export const dictionaryEntrySchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    key: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    parentKey: z.string().nullable(),
    aliases: z.array(z.string()),
    sort: z.number(),
    active: z.boolean(),
  })
  .meta({ id: 'DictionaryEntry' });

export function presentEntry(row: DictionaryRow): z.infer<typeof dictionaryEntrySchema> {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    label: row.label,
    labelEn: row.label_en,
    parentKey: row.parent_key,
    aliases: parseJson<string[]>(row.aliases, []),
    sort: Number(row.sort),
    active: row.active === 1,
  };
}

export const dealSettingsSchema = z
  .object({ lostConfirmAboveFen: z.number().nullable(), updatedAt: z.string().nullable() })
  .meta({ id: 'DealSettings' });

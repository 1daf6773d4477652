import { z } from 'zod';
import { coded, formatMessage } from '../../core/validation.js';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from './values.js';

export const customFieldEntity = z.enum(CUSTOM_FIELD_ENTITIES);

export const customFieldListQuery = z.object({ entity: customFieldEntity });

const selectOption = z.object({
  value: z.string().trim().min(1).max(100),
  label: z.string().trim().min(1).max(100),
  labelEn: z.string().trim().max(100).optional(),
});

export const customFieldBody = z
  .object({
    entity: customFieldEntity,
    key: z
      .string()
      .max(64)
      .regex(/^[a-z][a-z0-9_]*$/, formatMessage('key_format')),
    label: z.string().trim().min(1).max(100),
    labelEn: z.string().trim().max(100).nullable().optional(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(selectOption).max(200).optional(),
    required: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    const options = body.options ?? [];
    if ((body.type === 'select' || body.type === 'multiselect') && options.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs at least one option' });
    }
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.value)) ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], ...coded('duplicate') });
      seen.add(o.value);
    });
  });
export type CustomFieldBody = z.infer<typeof customFieldBody>;

import { z } from 'zod';

/** The dictionaries: lost reasons for deals, and the customer attributes that filters and reports group by. */
export const DICTIONARY_KINDS = ['lost_reason', 'region', 'industry', 'source', 'customer_level'] as const;
export type DictionaryKind = (typeof DICTIONARY_KINDS)[number];

export const dictionaryListQuery = z.object({
  kind: z.enum(DICTIONARY_KINDS).optional(),
  includeInactive: z.enum(['true', 'false']).optional().transform((v) => v === 'true').describe('also retired entries (admins)'),
});

const label = z.string().trim().min(1).max(100);
const aliases = z.array(z.string().trim().min(1).max(100)).max(20);

export const dictionaryCreateBody = z.object({
  kind: z.enum(DICTIONARY_KINDS),
  key: z.string().trim().min(1).max(64).optional().describe('the stored value; defaults to the label'),
  label,
  labelEn: z.string().trim().max(100).nullable().optional(),
  parentKey: z.string().trim().min(1).max(64).nullable().optional().describe('region hierarchy: the province of a city'),
  aliases: aliases.optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export type DictionaryCreateInput = z.infer<typeof dictionaryCreateBody>;

export const dictionaryPatchBody = z.object({
  label: label.optional(),
  labelEn: z.string().trim().max(100).nullable().optional(),
  aliases: aliases.optional(),
  sort: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional().describe('false retires the entry: hidden from forms, kept on records'),
});
export type DictionaryPatchInput = z.infer<typeof dictionaryPatchBody>;

export const dealSettingsBody = z.object({
  lostConfirmAboveFen: z
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .describe('marking a deal lost above this amount (fen) needs a manager; null: never'),
});
export type DealSettingsInput = z.infer<typeof dealSettingsBody>;

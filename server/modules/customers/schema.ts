import { z } from 'zod';
import { coded } from '../../core/validation.js';
import { listQuery } from '../../core/http.js';
import { cursorQuery } from '../../core/paging.js';
import { checkPhone, PHONE_DIGITS, toHalfWidth } from './normalize.js';
import { CREDIT_CODE } from './rules.js';

export const CUSTOMER_KINDS = ['company', 'person'] as const;
export const DECISION_POWERS = ['decision_maker', 'influencer', 'user', 'none'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
/**
 * A phone as people type it, checked by the one phone rule (`checkPhone` in normalize.ts): full-width characters
 * (１３８…, ＋８６, （０２１）, ideographic spaces from a Chinese IME) become half-width first, so they are accepted and
 * stored the way the normaliser reads them; 7–15 digits once +86/0086 is dropped. Customers, contacts, leads and
 * appointments all validate with this one schema.
 */
export const phoneText = z
  .string()
  .trim()
  .overwrite(toHalfWidth)
  .max(40)
  .refine((value) => {
    const verdict = checkPhone(value);
    return verdict.ok || verdict.code !== 'phone_format';
  }, { ...coded('phone_format'), abort: true })
  .refine((value) => checkPhone(value).ok, coded('phone_invalid', PHONE_DIGITS));
const phone = phoneText;
const customValues = z.record(z.string(), z.unknown());

export const customerBody = z.object({
  kind: z.enum(CUSTOMER_KINDS).default('company'),
  name: text(200).min(1),
  phone: phone.nullable().optional(),
  region: optionalText(100),
  industry: optionalText(100),
  source: optionalText(100),
  level: optionalText(50),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((value) => CREDIT_CODE.test(value), coded('invalid_credit_code'))
    .nullable()
    .optional(),
  ownerId: z.string().min(1).max(64).optional(),
  custom: customValues.optional(),
});
export type CustomerBody = z.infer<typeof customerBody>;

export const customerPatch = customerBody
  .extend({ kind: z.enum(CUSTOMER_KINDS) })
  .partial()
  .refine((b) => Object.keys(b).length > 0, coded('empty_change', undefined, ['body']));
export type CustomerPatch = z.infer<typeof customerPatch>;

export const customerListQuery = listQuery.extend({
  ownerId: z.string().min(1).max(64).optional(),
  kind: z.enum(CUSTOMER_KINDS).optional(),
  region: z.string().max(100).optional(),
  industry: z.string().max(100).optional(),
  level: z.string().max(50).optional(),
  source: z.string().max(100).optional(),
  ...cursorQuery,
});
export type CustomerListQuery = z.infer<typeof customerListQuery>;

export const contactBody = z.object({
  name: text(100).min(1),
  title: optionalText(100),
  decisionPower: z.enum(DECISION_POWERS).nullable().optional(),
  phone: phone.nullable().optional(),
  email: z.string().trim().max(200).email().nullable().optional(),
});
export type ContactBody = z.infer<typeof contactBody>;

export const contactPatch = contactBody.partial().refine((b) => Object.keys(b).length > 0, coded('empty_change', undefined, ['body']));
export type ContactPatch = z.infer<typeof contactPatch>;

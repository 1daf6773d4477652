/**
 * Columns → fields. The importable fields of a customer row (with its first contact), the Chinese and English
 * headers and synonyms each is recognised by, custom fields by label or key, and the header signature presets are
 * found again by. Pure.
 */
import { createHash } from 'node:crypto';
import { toHalfWidth } from '../customers/normalize.js';
import type { CustomFieldDef } from '../customfields/values.js';

export const CUSTOMER_FIELDS = [
  'name',
  'kind',
  'phone',
  'creditCode',
  'region',
  'industry',
  'source',
  'level',
  'owner',
  'contactName',
  'contactPhone',
  'contactTitle',
  'contactEmail',
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];
/** A mapping target: a customer field or `custom.<key>` of a customer custom field. */
export type MappedField = CustomerField | `custom.${string}`;
/** One entry per column of the file, in order: the field it fills, or null (ignored). */
export type Mapping = Array<MappedField | null>;

/** Headers people write for each field; compared after `headerKey` (half-width, lower case, no spaces/punctuation). */
const SYNONYMS: Record<CustomerField, string[]> = {
  name: ['客户名称', '客户', '公司名称', '公司', '企业名称', '单位名称', '客户全称', '名称', 'customer', 'customername', 'company', 'companyname', 'name', 'account'],
  kind: ['客户类型', '类型', '客户性质', 'kind', 'type', 'customertype'],
  phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '移动电话', '公司电话', '座机', 'phone', 'mobile', 'tel', 'telephone', 'phonenumber'],
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '税号', '纳税人识别号', 'creditcode', 'uscc', 'taxid', 'unifiedsocialcreditcode'],
  region: ['地区', '区域', '所在地区', '省份', '城市', '所在城市', 'region', 'area', 'city', 'province'],
  industry: ['行业', '所属行业', 'industry', 'sector'],
  source: ['来源', '客户来源', '线索来源', '渠道', 'source', 'leadsource', 'channel'],
  level: ['级别', '客户级别', '等级', '客户等级', 'level', 'grade', 'tier'],
  owner: ['负责人', '销售', '归属销售', '销售人员', '业务员', '客户经理', '跟进人', 'owner', 'sales', 'salesperson', 'accountmanager'],
  contactName: ['联系人', '联系人姓名', '姓名', 'contact', 'contactname', 'contactperson'],
  contactPhone: ['联系人电话', '联系人手机', '联系人手机号', 'contactphone', 'contactmobile'],
  contactTitle: ['职位', '职务', '联系人职位', '联系人职务', 'title', 'position', 'jobtitle'],
  contactEmail: ['邮箱', '电子邮箱', '联系人邮箱', 'email', 'e-mail', 'mail'],
};

/** Headers the import itself writes into an error file: ignored when the corrected file comes back. */
export const ERROR_COLUMN = '错误 / Errors';
export const ROW_COLUMN = '原行号 / Row';

/** "手机号（必填）*" → "手机号": half-width, lower case, without brackets' content, spaces and punctuation. */
export function headerKey(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s*:：_\-./、]/g, '');
}

const BY_KEY = new Map<string, CustomerField>();
for (const field of CUSTOMER_FIELDS) for (const s of SYNONYMS[field]) BY_KEY.set(headerKey(s), field);

/** Suggests a field per header: exact synonym, then a custom field's label/key, then "contains a synonym" (longest). */
export function suggestMapping(headers: string[], customDefs: Pick<CustomFieldDef, 'key' | 'label' | 'labelEn'>[]): Mapping {
  const taken = new Set<MappedField>();
  const custom = new Map<string, MappedField>();
  for (const d of customDefs) for (const label of [d.label, d.labelEn ?? '', d.key]) if (label) custom.set(headerKey(label), `custom.${d.key}`);
  const pick = (field: MappedField | undefined) => (field && !taken.has(field) ? (taken.add(field), field) : null);
  const result: Mapping = headers.map(() => null);
  const keys = headers.map(headerKey);
  // Exact matches first, so "联系人电话" is not taken by "电话" and a later exact "电话" still finds `phone` free.
  keys.forEach((key, i) => {
    if (headers[i] === ERROR_COLUMN || headers[i] === ROW_COLUMN) return;
    result[i] = pick(BY_KEY.get(key)) ?? pick(custom.get(key));
  });
  keys.forEach((key, i) => {
    if (result[i] || !key || headers[i] === ERROR_COLUMN || headers[i] === ROW_COLUMN) return;
    let best: { field: CustomerField; length: number } | null = null;
    for (const [synonym, field] of BY_KEY) {
      if (synonym.length >= 2 && key.includes(synonym) && !taken.has(field) && (!best || synonym.length > best.length)) best = { field, length: synonym.length };
    }
    result[i] = best ? pick(best.field) : null;
  });
  return result;
}

/** Same headers (in any order, any spelling variant of punctuation/width) → same signature: how presets are found. */
export function headerSignature(headers: string[]): string {
  const keys = headers.filter((h) => h !== ERROR_COLUMN && h !== ROW_COLUMN).map(headerKey).filter(Boolean).sort();
  return createHash('sha256').update(keys.join('\u0000')).digest('hex').slice(0, 32);
}

/** A preset (header text → field) applied to a file's headers. */
export function applyPreset(headers: string[], preset: Record<string, MappedField>): Mapping {
  const byKey = new Map(Object.entries(preset).map(([h, f]) => [headerKey(h), f]));
  return headers.map((h) => byKey.get(headerKey(h)) ?? null);
}

export function presetOf(headers: string[], mapping: Mapping): Record<string, MappedField> {
  const out: Record<string, MappedField> = {};
  mapping.forEach((field, i) => {
    if (field && headers[i] !== undefined) out[headers[i]!] = field;
  });
  return out;
}

export function isMappedField(value: string, customKeys: Set<string>): value is MappedField {
  return (CUSTOMER_FIELDS as readonly string[]).includes(value) || (value.startsWith('custom.') && customKeys.has(value.slice(7)));
}

/** Labels of the importable fields, for the mapping screen and reports (Chinese first). */
export const FIELD_LABELS: Record<CustomerField, { zh: string; en: string }> = {
  name: { zh: '客户名称', en: 'Customer name' },
  kind: { zh: '客户类型', en: 'Kind' },
  phone: { zh: '电话', en: 'Phone' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  region: { zh: '地区', en: 'Region' },
  industry: { zh: '行业', en: 'Industry' },
  source: { zh: '来源', en: 'Source' },
  level: { zh: '级别', en: 'Level' },
  owner: { zh: '负责人', en: 'Owner' },
  contactName: { zh: '联系人', en: 'Contact name' },
  contactPhone: { zh: '联系人电话', en: 'Contact phone' },
  contactTitle: { zh: '联系人职位', en: 'Contact title' },
  contactEmail: { zh: '联系人邮箱', en: 'Contact e-mail' },
};

/**
 * One data row → the normalised customer (with its first contact) and the problems found, each naming the column
 * and a stable code. Pure: the users and custom fields it checks against are passed in, loaded once per import.
 */
import { createHash } from 'node:crypto';
import type { FieldCode } from '../../core/errors.js';
import { validateCustomValues, type CustomFieldDef } from '../customfields/values.js';
import { cellText, parseAmountFen, parseCreditCode, parseDate, parsePhone, parseText, type Cell, type Parsed } from './cells.js';
import type { CustomerField } from './fields.js';
import type { Mapping } from './mapping.js';

export interface ImportContact {
  name: string;
  phone: string | null;
  title: string | null;
  email: string | null;
}

/** The fields a row sets; a field absent here was not mapped or left empty and is not touched on update. */
export interface ImportRecord {
  name?: string;
  kind?: 'company' | 'person';
  phone?: string;
  phoneNormalized?: string;
  creditCode?: string;
  region?: string;
  industry?: string;
  source?: string;
  level?: string;
  owner?: { id: string; teamPath: string; name: string };
  custom?: Record<string, unknown>;
  contact?: ImportContact;
}

export interface RowProblem {
  /** The header of the column, or null for a problem of the whole row. */
  column: string | null;
  field: string;
  code: FieldCode;
  params?: Record<string, string | number>;
}

export interface ImportUser {
  id: string;
  username: string;
  name: string;
  teamPath: string;
  active: boolean;
}

export interface RowContext {
  headers: string[];
  mapping: Mapping;
  customDefs: CustomFieldDef[];
  /** The organisation's time zone: date-times in cells are wall times there. */
  timeZone: string;
  /** Looks a user up by username or display name: the user, 'ambiguous' (two people, one name) or null. */
  findUser(text: string): ImportUser | 'ambiguous' | null;
  /** Whether the importer may make this user the owner (customers' `mayAssign`). */
  mayOwn(user: ImportUser): boolean;
  /**
   * Region, industry, source and level are admin-managed dictionaries: the entry a typed value means (key, label or
   * alias) → its key; `options` (a row error) when the value is in none of the entries; undefined when the value is
   * kept as typed (a dictionary without active entries).
   */
  dictionary?(field: 'region' | 'industry' | 'source' | 'level', text: string): { key: string } | { options: string } | undefined;
}

const KINDS: Record<string, 'company' | 'person'> = {
  company: 'company',
  公司: 'company',
  企业: 'company',
  单位: 'company',
  企业客户: 'company',
  person: 'person',
  个人: 'person',
  个人客户: 'person',
  individual: 'person',
};

const TEXT_LIMITS: Partial<Record<CustomerField, number>> = { name: 200, region: 100, industry: 100, source: 100, level: 50 };

export type Take = <T>(parsed: Parsed<T>) => T | undefined;

export interface MappedCell {
  field: string;
  cell: Cell;
  header: string | null;
  /** Records a problem of this column. */
  problem(code: FieldCode, params?: Record<string, string | number>): void;
  /** The value of a parsed cell, or undefined after recording its problem. */
  take: Take;
}

/**
 * Walks the mapped columns of a row for any kind of import: a garbled cell is refused, `custom.<key>` columns are
 * collected and validated against the kind's custom fields, every other column goes to `each`.
 */
export function readMapped(cells: Cell[], ctx: RowContext, problems: RowProblem[], each: (m: MappedCell) => void): Record<string, unknown> | undefined {
  const custom: Record<string, unknown> = {};
  const customColumns = new Map<string, string>();
  ctx.mapping.forEach((field, i) => {
    if (!field) return;
    const cell = cells[i] ?? null;
    const header = ctx.headers[i] ?? null;
    const problem = (code: FieldCode, params?: Record<string, string | number>) => problems.push({ column: header, field, code, ...(params ? { params } : {}) });
    const take: Take = (parsed) => {
      if (parsed.ok) return parsed.value;
      problem(parsed.code, parsed.params);
      return undefined;
    };
    // U+FFFD means the file itself holds undecodable text (xlsx-reader.ts decodes across chunk boundaries): such a
    // row is refused, never written with mangled text.
    if (typeof cell === 'string' && cell.includes('\uFFFD')) {
      problem('cell_garbled');
      return;
    }
    if (field.startsWith('custom.')) {
      const key = field.slice(7);
      customColumns.set(key, header ?? field);
      const def = ctx.customDefs.find((d) => d.key === key);
      const value = def ? take(customValue(def, cell, ctx)) : undefined;
      if (value !== undefined && value !== null) custom[key] = value;
      return;
    }
    each({ field, cell, header, problem, take });
  });
  if (!Object.keys(custom).length) return undefined;
  for (const e of validateCustomValues(ctx.customDefs, custom, { partial: true })) {
    problems.push({ column: customColumns.get(e.field.slice(7)) ?? null, field: e.field, code: e.code, ...(e.params ? { params: e.params } : {}) });
  }
  return custom;
}

/** The header of the column mapped to `field`, or null. */
export function columnOf(ctx: Pick<RowContext, 'mapping' | 'headers'>, field: string): string | null {
  const i = ctx.mapping.indexOf(field);
  return i >= 0 ? (ctx.headers[i] ?? null) : null;
}

/** A required field the row left empty (or whose column is not mapped), unless its column already has a problem. */
export function requireField(ctx: RowContext, problems: RowProblem[], field: string, value: unknown) {
  if (value !== undefined && value !== null && value !== '') return;
  if (problems.some((p) => p.field === field)) return;
  problems.push({ column: columnOf(ctx, field), field, code: 'required' });
}

/** An owner column: a known, active user the importer may make the owner. */
export function ownerCell(m: MappedCell, ctx: RowContext): ImportRecord['owner'] | undefined {
  const text = cellText(m.cell);
  if (!text) return undefined;
  const user = ctx.findUser(text);
  if (user === 'ambiguous') m.problem('owner_ambiguous', { value: text });
  else if (!user || !user.active) m.problem('owner_unknown', { value: text });
  else if (!ctx.mayOwn(user)) m.problem('owner_out_of_scope', { value: text });
  else return { id: user.id, teamPath: user.teamPath, name: user.name };
  return undefined;
}

export function validateRow(cells: Cell[], ctx: RowContext): { record: ImportRecord; problems: RowProblem[] } {
  const record: ImportRecord = {};
  const problems: RowProblem[] = [];
  const contact: Partial<ImportContact> = {};
  const custom = readMapped(cells, ctx, problems, (m) => {
    const { field, cell, take } = m;
    switch (field as CustomerField) {
      case 'name': {
        const value = take(parseText(cell, TEXT_LIMITS.name!));
        if (value) record.name = value;
        return;
      }
      case 'region':
      case 'industry':
      case 'source':
      case 'level': {
        const value = take(parseText(cell, TEXT_LIMITS[field as CustomerField]!));
        if (!value) return;
        const entry = ctx.dictionary?.(field as 'region', value);
        if (entry && 'options' in entry) m.problem('select_unknown', { value, options: entry.options });
        else record[field as 'region'] = entry ? entry.key : value;
        return;
      }
      case 'kind': {
        const text = cellText(cell).toLowerCase();
        if (!text) return;
        const kind = KINDS[text];
        if (kind) record.kind = kind;
        else m.problem('select_unknown', { value: cellText(cell), options: '公司/company, 个人/person' });
        return;
      }
      case 'phone': {
        const value = take(parsePhone(cell));
        if (value) {
          record.phone = value.phone;
          record.phoneNormalized = value.normalized;
        }
        return;
      }
      case 'creditCode': {
        const value = take(parseCreditCode(cell));
        if (value) record.creditCode = value;
        return;
      }
      case 'owner': {
        const owner = ownerCell(m, ctx);
        if (owner) record.owner = owner;
        return;
      }
      case 'contactName': {
        const value = take(parseText(cell, 100));
        if (value) contact.name = value;
        return;
      }
      case 'contactTitle': {
        const value = take(parseText(cell, 100));
        if (value) contact.title = value;
        return;
      }
      case 'contactEmail': {
        const value = take(parseText(cell, 200));
        if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) m.problem('invalid_email');
        else if (value) contact.email = value;
        return;
      }
      case 'contactPhone': {
        const value = take(parsePhone(cell));
        if (value) contact.phone = value.phone;
        return;
      }
    }
  });
  requireField(ctx, problems, 'name', record.name);
  if (custom) record.custom = custom;
  if (contact.name || contact.phone) {
    record.contact = { name: contact.name ?? record.name ?? '', phone: contact.phone ?? null, title: contact.title ?? null, email: contact.email ?? null };
  }
  return { record, problems };
}

export function customValue(def: CustomFieldDef, cell: Cell, ctx: RowContext): Parsed<unknown> {
  const text = cellText(cell);
  if (text === '') return { ok: true, value: null };
  const option = (t: string) => def.options.find((o) => o.value === t || o.label === t || o.labelEn === t)?.value;
  const options = def.options.map((o) => o.label).join('/');
  switch (def.type) {
    case 'number': {
      const n = typeof cell === 'number' ? cell : Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, code: 'not_number' };
    }
    case 'money':
      return parseAmountFen(cell);
    case 'date':
      return parseDate(cell);
    case 'select': {
      const value = option(text);
      return value !== undefined ? { ok: true, value } : { ok: false, code: 'select_unknown', params: { value: text, options } };
    }
    case 'multiselect': {
      const values: string[] = [];
      for (const part of text.split(/[,，;；、|]/).map((p) => p.trim()).filter(Boolean)) {
        const value = option(part);
        if (value === undefined) return { ok: false, code: 'select_unknown', params: { value: part, options } };
        values.push(value);
      }
      return { ok: true, value: values };
    }
    case 'user': {
      const user = ctx.findUser(text);
      if (user === 'ambiguous') return { ok: false, code: 'owner_ambiguous', params: { value: text } };
      return user ? { ok: true, value: user.id } : { ok: false, code: 'owner_unknown', params: { value: text } };
    }
    default:
      return parseText(cell, 2000);
  }
}

/** JSON with keys sorted at every depth: equal records give equal text whatever order their fields were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Content hash of a normalised record: the same row imported twice hashes the same. */
export function recordHash(record: object & { owner?: { id: string } }): string {
  const { owner, ...rest } = record;
  return createHash('sha256').update(canonical({ ...rest, owner: owner?.id ?? null })).digest('hex').slice(0, 32);
}

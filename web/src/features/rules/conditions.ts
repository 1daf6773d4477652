/**
 * The condition builder's model: simple comparisons of one context field with a constant, joined by all/any,
 * converted to and from json-logic. Anything else (nested groups, arithmetic, other operators) stays in the raw
 * JSON editor.
 */
export const COMPARISONS = ['==', '!=', '>', '>=', '<', '<=', 'in'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export interface ConditionRow {
  field: string;
  op: Comparison;
  /** As typed; numbers and true/false are converted when building the json-logic. */
  value: string;
}

export interface ConditionModel {
  join: 'and' | 'or';
  rows: ConditionRow[];
}

export function typedValue(text: string): string | number | boolean | null {
  const v = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === 'null') return null;
  return text;
}

function rowToLogic(row: ConditionRow): unknown {
  const left = { var: row.field };
  if (row.op === 'in') return { in: [left, row.value.split(/[,，]/).map((s) => typedValue(s.trim())).filter((s) => s !== '')] };
  return { [row.op]: [left, typedValue(row.value)] };
}

/** Model → json-logic; no rows = no conditions (null: always run). */
export function toLogic(model: ConditionModel): unknown {
  const rows = model.rows.filter((r) => r.field.trim());
  if (rows.length === 0) return null;
  if (rows.length === 1) return rowToLogic(rows[0]);
  return { [model.join]: rows.map(rowToLogic) };
}

function valueText(v: unknown): string | null {
  if (v === null) return 'null';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function logicToRow(node: unknown): ConditionRow | null {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
  const keys = Object.keys(node);
  if (keys.length !== 1 || !(COMPARISONS as readonly string[]).includes(keys[0])) return null;
  const op = keys[0] as Comparison;
  const args = (node as Record<string, unknown>)[op];
  if (!Array.isArray(args) || args.length !== 2) return null;
  const [left, right] = args as [unknown, unknown];
  const field = left && typeof left === 'object' && !Array.isArray(left) && typeof (left as { var?: unknown }).var === 'string' ? (left as { var: string }).var : null;
  if (!field) return null;
  if (op === 'in') {
    if (!Array.isArray(right)) return null;
    const parts = right.map(valueText);
    return parts.every((p) => p !== null) ? { field, op, value: parts.join(', ') } : null;
  }
  const value = valueText(right);
  return value === null ? null : { field, op, value };
}

/** json-logic → model, or null when the expression does not fit the builder. */
export function fromLogic(logic: unknown): ConditionModel | null {
  if (logic === null || logic === undefined || logic === true) return { join: 'and', rows: [] };
  const single = logicToRow(logic);
  if (single) return { join: 'and', rows: [single] };
  if (typeof logic !== 'object' || Array.isArray(logic)) return null;
  const keys = Object.keys(logic);
  if (keys.length !== 1 || (keys[0] !== 'and' && keys[0] !== 'or')) return null;
  const items = (logic as Record<string, unknown>)[keys[0]];
  if (!Array.isArray(items)) return null;
  const rows = items.map(logicToRow);
  return rows.every((r) => r !== null) ? { join: keys[0] as 'and' | 'or', rows: rows as ConditionRow[] } : null;
}

/** Field suggestions per trigger entity (the rule context is `{ event, record, before, actor, rule, now }`). */
export const FIELD_SUGGESTIONS: Record<string, string[]> = {
  deal: ['record.amountFen', 'record.stageKey', 'record.status', 'record.title', 'record.expectedCloseDate', 'record.owner.role', 'record.owner.username', 'before.stageKey', 'before.amountFen'],
  customer: ['record.level', 'record.industry', 'record.region', 'record.source', 'record.kind', 'record.owner.username'],
  activity: ['record.type', 'record.effective', 'record.outcome', 'record.owner.username'],
  task: ['record.title', 'record.status', 'record.dueAt', 'record.owner.username'],
  any: ['event.type', 'event.payload.level', 'event.payload.colour', 'event.payload.to', 'event.payload.from', 'actor.role', 'actor.username'],
};

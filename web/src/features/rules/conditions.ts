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
  deal: ['record.amountYuan', 'record.stageKey', 'record.status', 'record.title', 'record.expectedCloseDate', 'record.owner.role', 'record.owner.username', 'before.stageKey', 'before.amountYuan', 'record.amountFen'],
  customer: ['record.level', 'record.industry', 'record.region', 'record.source', 'record.kind', 'record.owner.username'],
  activity: ['record.type', 'record.effective', 'record.outcome', 'record.owner.username'],
  task: ['record.title', 'record.status', 'record.dueAt', 'record.owner.username'],
  any: ['event.type', 'event.payload.level', 'event.payload.colour', 'event.payload.to', 'event.payload.from', 'actor.role', 'actor.username'],
};

/** Field labels shown in the builder (issue 15 point 6: fields by their labels, money in yuan). */
export const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  'record.amountYuan': { zh: '金额（元）', en: 'Amount (yuan)' },
  'before.amountYuan': { zh: '变更前金额（元）', en: 'Amount before (yuan)' },
  'record.amountFen': { zh: '金额（分，1 元 = 100 分）', en: 'Amount (fen, 1 yuan = 100 fen)' },
  'before.amountFen': { zh: '变更前金额（分）', en: 'Amount before (fen)' },
  'record.stageKey': { zh: '阶段', en: 'Stage' },
  'before.stageKey': { zh: '变更前阶段', en: 'Stage before' },
  'record.status': { zh: '状态', en: 'Status' },
  'record.title': { zh: '标题', en: 'Title' },
  'record.expectedCloseDate': { zh: '预计成交日期', en: 'Expected close date' },
  'record.owner.role': { zh: '负责人角色', en: "Owner's role" },
  'record.owner.username': { zh: '负责人账号', en: "Owner's username" },
  'record.level': { zh: '客户等级', en: 'Customer level' },
  'record.industry': { zh: '行业', en: 'Industry' },
  'record.region': { zh: '地区', en: 'Region' },
  'record.source': { zh: '来源', en: 'Source' },
  'record.kind': { zh: '客户类型', en: 'Customer kind' },
  'record.type': { zh: '跟进类型', en: 'Activity type' },
  'record.effective': { zh: '是否有效跟进', en: 'Effective' },
  'record.outcome': { zh: '结果', en: 'Outcome' },
  'record.dueAt': { zh: '截止时间', en: 'Due at' },
  'event.type': { zh: '事件类型', en: 'Event type' },
  'event.payload.level': { zh: '时效级别', en: 'SLA level' },
  'event.payload.colour': { zh: '时效颜色', en: 'SLA colour' },
  'event.payload.to': { zh: '移至阶段', en: 'Moved to stage' },
  'event.payload.from': { zh: '移出阶段', en: 'Moved from stage' },
  'actor.role': { zh: '操作人角色', en: "Actor's role" },
  'actor.username': { zh: '操作人账号', en: "Actor's username" },
};

const NUMERIC_OPS = new Set(['>', '>=', '<', '<=']);

/**
 * What the client refuses before saving (issue 15 point 6): a comparison without a field or value, an order
 * comparison with a non-number, and a money threshold in fen that reads like yuan (`amountFen > 1000000` is ¥10,000).
 * Returned as message keys with values for the page to translate.
 */
export function conditionProblems(model: ConditionModel | null): Array<{ key: 'rules.check.noField' | 'rules.check.noValue' | 'rules.check.notNumber' | 'rules.check.fenThreshold'; vars: Record<string, string | number> }> {
  if (!model) return [];
  const out: ReturnType<typeof conditionProblems> = [];
  model.rows.forEach((row, i) => {
    const n = i + 1;
    if (!row.field.trim()) return void out.push({ key: 'rules.check.noField', vars: { n } });
    if (!row.value.trim()) return void out.push({ key: 'rules.check.noValue', vars: { n } });
    const value = typedValue(row.value);
    if (NUMERIC_OPS.has(row.op) && typeof value !== 'number') return void out.push({ key: 'rules.check.notNumber', vars: { n, value: row.value } });
    if (/amountFen$/.test(row.field) && typeof value === 'number') out.push({ key: 'rules.check.fenThreshold', vars: { n, fen: value, yuan: (value / 100).toLocaleString('en-US') } });
  });
  return out;
}

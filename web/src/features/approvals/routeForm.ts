/**
 * The approval route as the admin's form edits it, and back. Pure (no React): a branch's json-logic `when` becomes
 * rows "fact · operator · value" joined by AND, in the units people think in — yuan for amounts (fen on the wire),
 * percent for discounts (basis points on the wire). A `when` the rows cannot express (or, nesting, other operators)
 * stays as its JSON text, so the form never loses what YAML wrote.
 */

export const MONEY_FACTS = ['amountFen', 'listPriceFen', 'netPriceFen', 'lineDiscountFen', 'documentDiscountFen'] as const;
export const PERCENT_FACTS = ['discountBp', 'requestedDiscountBp'] as const;
export const TEXT_FACTS = ['customerLevel', 'pipeline', 'paymentTerms'] as const;
export const FACTS = [...MONEY_FACTS, ...PERCENT_FACTS, ...TEXT_FACTS] as const;
export type Fact = (typeof FACTS)[number];
export const OPERATORS = ['>=', '>', '<', '<=', '==', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

/** Approver specs the server understands (definition.ts `approverSpec`); `user:<username>` may be typed. */
export const APPROVER_OPTIONS = [
  'requester.lead',
  'requester.regional_manager',
  'requester.director',
  'role:lead',
  'role:regional_manager',
  'role:director',
  'role:finance',
  'role:support',
  'role:admin',
] as const;

export interface Condition {
  fact: Fact;
  op: Operator;
  /** Yuan for money facts, percent for discount facts, text otherwise. */
  value: number | string;
}

export interface StepForm {
  name: string;
  nameEn?: string;
  approvers: string[];
  mode: 'any' | 'all';
  hours: number;
  remindShare: number;
  fallback: string[];
}

export interface BranchForm {
  name: string;
  nameEn?: string;
  /** null: the `when` is not expressible as rows; `advanced` holds its JSON. */
  conditions: Condition[] | null;
  advanced?: string;
  steps: StepForm[];
}

export interface RouteForm {
  kind: string;
  name: string;
  nameEn?: string;
  branches: BranchForm[];
}

interface StepDefinition {
  name: string;
  nameEn?: string;
  approvers: string[];
  mode?: 'any' | 'all';
  sla?: { hours: number; remindShare?: number };
  fallback?: string[];
}
export interface RouteDefinition {
  kind: string;
  name: string;
  nameEn?: string;
  branches: Array<{ name: string; nameEn?: string; when?: unknown; steps: StepDefinition[] }>;
}

const isMoney = (f: string) => (MONEY_FACTS as readonly string[]).includes(f);
const isPercent = (f: string) => (PERCENT_FACTS as readonly string[]).includes(f);

/** Display value → wire value (fen, basis points, text). */
export function toWire(fact: Fact, value: number | string): number | string {
  if (isMoney(fact)) return Math.round(Number(value) * 100);
  if (isPercent(fact)) return Math.round(Number(value) * 100);
  return String(value);
}

export function fromWire(fact: Fact, value: number | string): number | string {
  if (isMoney(fact) || isPercent(fact)) return Number(value) / 100;
  return value;
}

function conditionOf(logic: unknown): Condition | null {
  if (!logic || typeof logic !== 'object' || Array.isArray(logic)) return null;
  const keys = Object.keys(logic);
  if (keys.length !== 1 || !(OPERATORS as readonly string[]).includes(keys[0])) return null;
  const op = keys[0] as Operator;
  const args = (logic as Record<string, unknown>)[op];
  if (!Array.isArray(args) || args.length !== 2) return null;
  const [left, right] = args as [unknown, unknown];
  const fact = left && typeof left === 'object' && !Array.isArray(left) && 'var' in left ? (left as { var: unknown }).var : null;
  if (typeof fact !== 'string' || !(FACTS as readonly string[]).includes(fact)) return null;
  if (typeof right !== 'number' && typeof right !== 'string') return null;
  if ((isMoney(fact) || isPercent(fact)) && typeof right !== 'number') return null;
  return { fact: fact as Fact, op, value: fromWire(fact as Fact, right) };
}

/** A `when` as condition rows (AND), [] for "always", or null when rows cannot express it. */
export function whenToConditions(when: unknown): Condition[] | null {
  if (when === undefined || when === true) return [];
  const single = conditionOf(when);
  if (single) return [single];
  if (when && typeof when === 'object' && !Array.isArray(when) && Object.keys(when).length === 1 && Array.isArray((when as { and?: unknown }).and)) {
    const rows = ((when as { and: unknown[] }).and).map(conditionOf);
    return rows.every((r): r is Condition => r !== null) ? rows : null;
  }
  return null;
}

export function conditionsToWhen(rows: Condition[]): unknown {
  const items = rows.map((r) => ({ [r.op]: [{ var: r.fact }, toWire(r.fact, r.value)] }));
  if (items.length === 0) return undefined;
  return items.length === 1 ? items[0] : { and: items };
}

export function toForm(def: RouteDefinition): RouteForm {
  return {
    kind: def.kind,
    name: def.name,
    nameEn: def.nameEn,
    branches: def.branches.map((b) => {
      const conditions = whenToConditions(b.when);
      return {
        name: b.name,
        nameEn: b.nameEn,
        conditions,
        advanced: conditions === null ? JSON.stringify(b.when) : undefined,
        steps: b.steps.map((s) => ({
          name: s.name,
          nameEn: s.nameEn,
          approvers: s.approvers,
          mode: s.mode ?? 'any',
          hours: s.sla?.hours ?? 8,
          remindShare: s.sla?.remindShare ?? 0.5,
          fallback: s.fallback ?? ['role:admin'],
        })),
      };
    }),
  };
}

/**
 * The definition the draft endpoint takes. The last branch never carries a `when` (it catches every request);
 * malformed advanced JSON throws, naming the branch, before anything is sent.
 */
export function fromForm(form: RouteForm): RouteDefinition {
  const last = form.branches.length - 1;
  return {
    kind: form.kind,
    name: form.name,
    ...(form.nameEn ? { nameEn: form.nameEn } : {}),
    branches: form.branches.map((b, i) => {
      let when: unknown;
      if (i !== last) {
        if (b.conditions == null) {
          try {
            when = JSON.parse(b.advanced ?? '');
          } catch {
            throw new Error(`branches.${i}.when`);
          }
        } else when = conditionsToWhen(b.conditions);
      }
      return {
        name: b.name,
        ...(b.nameEn ? { nameEn: b.nameEn } : {}),
        ...(when === undefined ? {} : { when }),
        steps: b.steps.map((s) => ({
          name: s.name,
          ...(s.nameEn ? { nameEn: s.nameEn } : {}),
          approvers: s.approvers,
          mode: s.mode,
          sla: { hours: s.hours, remindShare: s.remindShare },
          fallback: s.fallback,
        })),
      };
    }),
  };
}

/**
 * Rule conditions are json-logic (json-logic-js) over the context `{ event, record, before, actor, rule, now }`.
 * Only a known set of operators is accepted on save: `log` would write to the console and anything unknown would
 * throw at run time, so both are refused up front with the path of the offending node. Pure: no HTTP, no SQL.
 */
import jsonLogic from 'json-logic-js';

export const CONTEXT_ROOTS = ['event', 'record', 'before', 'actor', 'rule', 'now'] as const;

export const ALLOWED_OPERATORS = new Set([
  'var', 'missing', 'missing_some',
  'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%',
  'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr',
]);

// Operators whose later arguments are evaluated against each array element rather than the rule context.
const ITERATING = new Set(['map', 'filter', 'reduce', 'all', 'none', 'some']);
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);
const MAX_DEPTH = 32;

export interface ConditionIssue {
  /** Path segments below `conditions`, e.g. ['and', 1, '>=']. */
  path: Array<string | number>;
  message: string;
}

/** Every problem in a json-logic expression; an empty list means it may be saved. `null`/`true` mean "always". */
export function checkConditions(logic: unknown): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  walk(logic, [], issues, 0, false);
  return issues;
}

function walk(node: unknown, path: Array<string | number>, issues: ConditionIssue[], depth: number, inIteration: boolean): void {
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `is nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, i], issues, depth + 1, inIteration));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    issues.push({ path, message: `an operation is an object with exactly one operator key (found ${keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'none'})` });
    return;
  }
  const op = keys[0];
  const args = (node as Record<string, unknown>)[op];
  if (!ALLOWED_OPERATORS.has(op)) {
    issues.push({ path: [...path, op], message: `unknown operator "${op}"; allowed: ${[...ALLOWED_OPERATORS].join(' ')}` });
    return;
  }
  if (op === 'var') {
    checkVar(args, [...path, op], issues, inIteration);
    return;
  }
  if (ITERATING.has(op) && Array.isArray(args)) {
    walk(args[0], [...path, op, 0], issues, depth + 1, inIteration);
    args.slice(1).forEach((arg, i) => walk(arg, [...path, op, i + 1], issues, depth + 1, true));
    return;
  }
  walk(args, [...path, op], issues, depth + 1, inIteration);
}

function checkVar(args: unknown, path: Array<string | number>, issues: ConditionIssue[], inIteration: boolean): void {
  const name = Array.isArray(args) ? args[0] : args;
  if (name === '' || name === null || name === undefined) return; // the whole data object: harmless
  if (typeof name !== 'string' && typeof name !== 'number') {
    issues.push({ path, message: 'var takes a field path such as "record.amountFen"' });
    return;
  }
  const segments = String(name).split('.');
  if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) {
    issues.push({ path, message: `"${name}" is not a readable field` });
    return;
  }
  // Inside map/filter/... `var` reads the current element, whose fields we cannot know.
  if (!inIteration && !(CONTEXT_ROOTS as readonly string[]).includes(segments[0])) {
    issues.push({ path, message: `"${name}" must start with one of ${CONTEXT_ROOTS.join(', ')} (e.g. record.amountFen)` });
  }
}

/** Evaluates saved (already checked) conditions; absent conditions always hold. Truthiness follows json-logic. */
export function evaluateConditions(logic: unknown, context: Record<string, unknown>): boolean {
  if (logic === null || logic === undefined || logic === true) return true;
  return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, context));
}

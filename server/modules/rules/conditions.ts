/**
 * Rule conditions are json-logic (json-logic-js) over the context `{ event, record, before, actor, rule, now }`.
 * Only a known set of operators is accepted on save: `log` would write to the console and anything unknown would
 * throw at run time, so both are refused up front with the path of the offending node. Pure: no HTTP, no SQL.
 */
import jsonLogic from 'json-logic-js';
import type { FieldCode, MessageParams } from '../../core/errors.js';

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
  /** A catalogue code (shared/messages.ts) and its params: the caller's language decides the text. */
  code: FieldCode;
  params?: MessageParams;
}

/** Every problem in a json-logic expression; an empty list means it may be saved. `null`/`true` mean "always". */
export function checkConditions(logic: unknown): ConditionIssue[] {
  const issues: ConditionIssue[] = [];
  walk(logic, [], issues, 0, false);
  return issues;
}

function walk(node: unknown, path: Array<string | number>, issues: ConditionIssue[], depth: number, inIteration: boolean): void {
  if (depth > MAX_DEPTH) {
    issues.push({ path, code: 'logic_too_deep', params: { max: MAX_DEPTH } });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...path, i], issues, depth + 1, inIteration));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const keys = Object.keys(node);
  if (keys.length !== 1) {
    issues.push({ path, code: 'logic_one_operator', params: { found: keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'none' } });
    return;
  }
  const op = keys[0];
  const args = (node as Record<string, unknown>)[op];
  if (!ALLOWED_OPERATORS.has(op)) {
    issues.push({ path: [...path, op], code: 'logic_unknown_operator', params: { op, allowed: [...ALLOWED_OPERATORS].join(' ') } });
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
    issues.push({ path, code: 'var_path' });
    return;
  }
  const segments = String(name).split('.');
  if (segments.some((s) => FORBIDDEN_SEGMENTS.has(s))) {
    issues.push({ path, code: 'var_not_readable', params: { name } });
    return;
  }
  // Inside map/filter/... `var` reads the current element, whose fields we cannot know.
  if (!inIteration && !(CONTEXT_ROOTS as readonly string[]).includes(segments[0])) {
    issues.push({ path, code: 'var_root', params: { name, roots: CONTEXT_ROOTS.join(', ') } });
  }
}

/** Evaluates saved (already checked) conditions; absent conditions always hold. Truthiness follows json-logic. */
export function evaluateConditions(logic: unknown, context: Record<string, unknown>): boolean {
  if (logic === null || logic === undefined || logic === true) return true;
  return jsonLogic.truthy(jsonLogic.apply(logic as jsonLogic.RulesLogic, context));
}

/**
 * An approval route (审批路线) per kind: ordered branches whose json-logic `when` reads the request's routing facts
 * (facts.ts); the first branch that holds chooses its chain of steps. One zod schema checks the JSON API body and
 * YAML imports (line-numbered through the shared YAML helper) and gives the OpenAPI shape. Pure: no SQL, no HTTP.
 *
 * Publication rules ("no request without a possible approver"): the last branch has no `when` (it catches every
 * request), and every step has a fallback (default `role:admin`) that the service checks resolves to an active user.
 */
import { formatMessage } from '../../core/validation.js';
import jsonLogic from 'json-logic-js';
import { z } from 'zod';
import { ROLES } from '../../db/schema.js';
import { FACT_NAMES } from './facts.js';

const text = (max: number) => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`).optional();

/** Relative to the requester in the team tree, a role, or a named user. */
const APPROVER = new RegExp(`^(requester\\.lead|requester\\.regional_manager|requester\\.director|role:(${ROLES.join('|')})|user:[A-Za-z0-9_.@-]{1,64})$`);
export const approverSpec = z.string({ error: 'must be text' }).regex(APPROVER, formatMessage('approver_format'));

export const stepSlaSchema = z.strictObject({
  /** Business hours of the approver's team calendar until the step is overdue (escalation to the approver's manager). */
  hours: z.number({ error: 'must be a number of business hours' }).positive('must be more than 0').max(24 * 30, 'must be at most 720'),
  /** Share of `hours` after which the approvers get a reminder. */
  remindShare: z.number({ error: 'must be a share between 0 and 1' }).gt(0, 'must be more than 0').lt(1, 'must be less than 1').default(0.5),
});

export const stepSchema = z.strictObject({
  name: text(100),
  nameEn: optionalText(100),
  approvers: z.array(approverSpec).min(1, 'name at least one approver').max(10, 'at most 10 approvers'),
  /** any: one of them decides (或签); all: every one must approve (会签). */
  mode: z.enum(['any', 'all'], { error: 'must be any (或签) or all (会签)' }).default('any'),
  sla: stepSlaSchema.default({ hours: 8, remindShare: 0.5 }),
  /** Who decides when the approvers resolve to nobody (no such manager, a named user left). */
  fallback: z.array(approverSpec).min(1, 'name at least one fallback approver').max(5).default(['role:admin']),
});

export const branchSchema = z.strictObject({
  name: text(100),
  nameEn: optionalText(100),
  /** json-logic over the routing facts; absent = always. */
  when: z.unknown().optional(),
  steps: z.array(stepSchema).min(1, 'a branch needs at least one step').max(10, 'at most 10 steps'),
});

const KIND = /^[a-z][a-z0-9_]*$/;
export const routeKind = z.string({ error: 'must be text' }).max(64, 'must be at most 64 characters').regex(KIND, formatMessage('key_format'));

export const routeDefinitionSchema = z
  .strictObject({
    kind: routeKind,
    name: text(100),
    nameEn: optionalText(100),
    branches: z.array(branchSchema).min(1, 'a route needs at least one branch').max(20, 'at most 20 branches'),
  })
  .superRefine((def, ctx) => {
    def.branches.forEach((branch, i) => {
      const last = i === def.branches.length - 1;
      if (last && branch.when !== undefined && branch.when !== true) {
        ctx.addIssue({ code: 'custom', path: ['branches', i, 'when'], message: 'the last branch must have no "when": it catches every request, so none is ever left without an approver' });
      }
      if (!last && branch.when === undefined) {
        ctx.addIssue({ code: 'custom', path: ['branches', i, 'when'], message: 'only the last branch may omit "when" (the branches after it could never be chosen)' });
      }
      for (const issue of checkWhen(branch.when)) ctx.addIssue({ code: 'custom', path: ['branches', i, 'when', ...issue.path], message: issue.message });
    });
  });

export type RouteDefinition = z.output<typeof routeDefinitionSchema>;
export type RouteDefinitionInput = z.input<typeof routeDefinitionSchema>;
export type StepDefinition = RouteDefinition['branches'][number]['steps'][number];

const ALLOWED_OPERATORS = new Set([
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'in', 'cat',
]);

/** Problems of a `when` expression: unknown operators (anything else would throw at run time) and unknown facts. */
export function checkWhen(logic: unknown, path: Array<string | number> = [], depth = 0): Array<{ path: Array<string | number>; message: string }> {
  if (depth > 32) return [{ path, message: 'is nested deeper than 32 levels' }];
  if (Array.isArray(logic)) return logic.flatMap((item, i) => checkWhen(item, [...path, i], depth + 1));
  if (logic === null || typeof logic !== 'object') return [];
  const keys = Object.keys(logic);
  if (keys.length !== 1) return [{ path, message: `an operation is an object with exactly one operator key (found ${keys.length})` }];
  const op = keys[0];
  const args = (logic as Record<string, unknown>)[op];
  if (!ALLOWED_OPERATORS.has(op)) return [{ path: [...path, op], message: `unknown operator "${op}"; allowed: ${[...ALLOWED_OPERATORS].join(' ')}` }];
  if (op === 'var') {
    const name = Array.isArray(args) ? args[0] : args;
    if (typeof name !== 'string' || !(FACT_NAMES as readonly string[]).includes(name)) {
      return [{ path: [...path, op], message: `"${String(name)}" is not a routing fact; use one of ${FACT_NAMES.join(', ')}` }];
    }
    return [];
  }
  return checkWhen(args, [...path, op], depth + 1);
}

/** The first branch whose `when` holds for the facts (the last one always does). */
export function chooseBranch(def: RouteDefinition, facts: Record<string, unknown>): { index: number; branch: RouteDefinition['branches'][number] } {
  for (const [index, branch] of def.branches.entries()) {
    if (branch.when === undefined || branch.when === true) return { index, branch };
    if (jsonLogic.truthy(jsonLogic.apply(branch.when as jsonLogic.RulesLogic, facts))) return { index, branch };
  }
  // Unreachable for a published definition (its last branch has no `when`); kept as a guard for hand-edited rows.
  const index = def.branches.length - 1;
  return { index, branch: def.branches[index] };
}

/** Every approver spec a definition names (steps and fallbacks), for the publish-time check. */
export function fallbacksOf(def: RouteDefinition): Array<{ path: string; specs: string[] }> {
  return def.branches.flatMap((b, i) => b.steps.map((s, j) => ({ path: `branches.${i}.steps.${j}.fallback`, specs: s.fallback })));
}

/**
 * Route versions and approver resolution. The default `quote` route is the seeds' tiered authority (分级授权):
 * under ¥50,000 the regional manager decides alone; from ¥50,000 the regional manager, then the director. It is
 * installed on first use (a fresh install, or after `actionflow demo` emptied the tables) as version 1.
 */
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { resolveRecipients } from '../sla/recipients.js';
import { routeDefinitionSchema, type RouteDefinition, type RouteDefinitionInput, type StepDefinition } from './definition.js';
import * as repo from './repo.js';

export const DEFAULT_ROUTES: RouteDefinitionInput[] = [
  {
    kind: 'quote',
    name: '报价审批',
    nameEn: 'Quote approval',
    branches: [
      {
        name: '大额报价（¥50,000 及以上）',
        nameEn: 'Large quote (¥50,000 and above)',
        when: { '>=': [{ var: 'amountFen' }, 5_000_000] },
        steps: [
          { name: '大区经理审批', nameEn: 'Regional manager', approvers: ['requester.regional_manager'], sla: { hours: 4, remindShare: 0.5 }, fallback: ['role:director'] },
          { name: '总监审批', nameEn: 'Director', approvers: ['requester.director'], sla: { hours: 4, remindShare: 0.5 }, fallback: ['role:admin'] },
        ],
      },
      {
        name: '常规报价（¥50,000 以下）',
        nameEn: 'Regular quote (below ¥50,000)',
        steps: [{ name: '大区经理审批', nameEn: 'Regional manager', approvers: ['requester.regional_manager'], sla: { hours: 4, remindShare: 0.5 }, fallback: ['role:director'] }],
      },
    ],
  },
  {
    // Issue 15 point 2: a seller's lost move above the org's amount waits for their line manager (立即生效 on approval).
    kind: 'lost_confirmation',
    name: '输单确认',
    nameEn: 'Lost deal confirmation',
    branches: [
      {
        name: '直属主管确认',
        nameEn: 'Line manager confirms',
        steps: [{ name: '主管确认输单', nameEn: 'Manager confirms the loss', approvers: ['requester.lead'], sla: { hours: 8, remindShare: 0.5 }, fallback: ['role:director'] }],
      },
    ],
  },
];

/** Installs the shipped routes that do not exist yet as their version 1 (idempotent, safe with several processes). */
export async function ensureDefaultRoutes(db: Queryable, clock: Clock): Promise<void> {
  const now = clock.now().toISOString();
  for (const input of DEFAULT_ROUTES) {
    if (await repo.findRoute(db, input.kind)) continue;
    const def = routeDefinitionSchema.parse(input);
    if (await repo.insertRouteIfMissing(db, { kind: def.kind, name: def.name, published_version: 1, draft: null, draft_yaml: null, updated_by: null, updated_at: now })) {
      await repo.insertVersion(db, { id: newId(), kind: def.kind, version: 1, definition: toJson(def), published_by: null, published_at: now });
    }
  }
}

export function definitionOf(row: { definition: string }): RouteDefinition {
  // Stored definitions passed the schema when published; parsing again fills defaults added since.
  return routeDefinitionSchema.parse(parseJson(row.definition, {}));
}

/** The published definition in force for a kind (404-style refusal naming the kind when there is none). */
export async function currentVersion(db: Queryable, clock: Clock, kind: string): Promise<{ version: number; def: RouteDefinition }> {
  await ensureDefaultRoutes(db, clock);
  const route = await repo.findRoute(db, kind);
  if (!route || route.published_version < 1) {
    throw new AppError('VALIDATION_FAILED', undefined, { fields: [{ field: 'kind', code: 'approval_kind_unknown', params: { kind } }] });
  }
  const row = await repo.findVersion(db, kind, route.published_version);
  if (!row) throw new Error(`approval route ${kind} v${route.published_version} is missing`);
  return { version: route.published_version, def: definitionOf(row) };
}

export async function pinnedVersion(db: Queryable, kind: string, version: number): Promise<RouteDefinition> {
  const row = await repo.findVersion(db, kind, version);
  if (!row) throw new Error(`approval route ${kind} v${version} is missing`);
  return definitionOf(row);
}

interface Requester {
  id: string;
  teamPath: string;
}

/** Approver specs → active user ids, relative to the requester (`requester.*` walks up the team tree like SLA ladders). */
export async function resolveApprovers(db: Queryable, requester: Requester, specs: readonly string[]): Promise<string[]> {
  const tokens = specs.map((s) => (s.startsWith('requester.') ? `owner.${s.slice('requester.'.length)}` : s));
  const ids = await resolveRecipients(db, requester, tokens);
  // Nobody approves their own request.
  return ids.filter((id) => id !== requester.id);
}

export interface ResolvedStep {
  def: StepDefinition;
  approvers: string[];
  /** True when the step's approvers resolved to nobody and its fallback decides. */
  fallback: boolean;
}

/** The chain of a branch with its approvers; refuses (422) when a step would have nobody who can decide. */
export async function resolveChain(db: Queryable, requester: Requester, steps: readonly StepDefinition[]): Promise<ResolvedStep[]> {
  const out: ResolvedStep[] = [];
  for (const [i, def] of steps.entries()) {
    let approvers = await resolveApprovers(db, requester, def.approvers);
    let fallback = false;
    if (approvers.length === 0) {
      approvers = await resolveApprovers(db, requester, def.fallback);
      fallback = true;
    }
    if (approvers.length === 0) {
      throw new AppError('INVALID_STATE', 'approval_no_approver', { params: { step: def.name, index: i + 1 } });
    }
    out.push({ def, approvers, fallback });
  }
  return out;
}

/** Publish-time check: every step's fallback names at least one active user (for any requester). */
export async function unresolvableFallbacks(db: Queryable, def: RouteDefinition): Promise<Array<{ path: string; specs: string[] }>> {
  const bad: Array<{ path: string; specs: string[] }> = [];
  for (const [i, branch] of def.branches.entries()) {
    for (const [j, step] of branch.steps.entries()) {
      // A fallback relative to the requester may find nobody; `role:`/`user:` fallbacks are checked org-wide.
      const absolute = step.fallback.filter((s) => !s.startsWith('requester.'));
      const found = absolute.length ? await resolveRecipients(db, null, absolute) : [];
      if (found.length === 0) bad.push({ path: `branches.${i}.steps.${j}.fallback`, specs: step.fallback });
    }
  }
  return bad;
}

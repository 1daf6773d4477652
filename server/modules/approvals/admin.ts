/**
 * Route administration: drafts (JSON or YAML), publication as a new version, the preview of the last 50 requests
 * under the draft, and the explicit migration of selected in-flight requests to the version in force.
 * Publishing never touches requests: each stays pinned to the version it was submitted under.
 */
import { commandIn } from '../../core/command.js';
import { AppError, invalid, notFound, yamlInvalid } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { authorize, type Actor } from '../../core/policy.js';
import { chooseBranch, routeDefinitionSchema, type RouteDefinition } from './definition.js';
import { computeFacts, requestValuesSchema } from './facts.js';
import { advance, insertRound, roundOf, trail } from './flow.js';
import * as repo from './repo.js';
import { currentVersion, definitionOf, ensureDefaultRoutes, resolveChain, unresolvableFallbacks } from './routing.js';
import { flowCtx, type ApprovalDeps } from './service.js';
import { routeToYaml, validateRouteYaml } from './yaml.js';

export async function listRoutes(deps: ApprovalDeps, actor: Actor) {
  authorize(actor, 'approval.readRoutes');
  await ensureDefaultRoutes(deps.db, deps.clock);
  const rows = await repo.listRoutes(deps.db);
  return { items: rows.map((r) => ({ kind: r.kind, name: r.name, publishedVersion: r.published_version, hasDraft: r.draft !== null, updatedAt: r.updated_at })) };
}

export async function getRoute(deps: ApprovalDeps, actor: Actor, kind: string) {
  authorize(actor, 'approval.readRoutes');
  await ensureDefaultRoutes(deps.db, deps.clock);
  const route = await repo.findRoute(deps.db, kind);
  if (!route) throw notFound('Approval route');
  const published = route.published_version > 0 ? await repo.findVersion(deps.db, kind, route.published_version) : undefined;
  const versions = await repo.listVersions(deps.db, kind);
  return {
    kind: route.kind,
    name: route.name,
    publishedVersion: route.published_version,
    published: published ? definitionOf(published) : null,
    draft: route.draft ? routeDefinitionSchema.parse(parseJson(route.draft, {})) : null,
    draftYaml: route.draft_yaml,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.published_at, publishedBy: v.published_by ? { id: v.published_by, name: v.published_by_name ?? v.published_by } : null })),
  };
}

async function storeDraft(deps: ApprovalDeps, actor: Actor, kind: string, def: RouteDefinition, yaml: string | null) {
  if (def.kind !== kind) throw invalid('kind', 'invalid', undefined, `must be "${kind}" (the route in the path)`);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await ensureDefaultRoutes(trx, deps.clock);
    const existing = await repo.findRoute(trx, kind);
    if (!existing) {
      await repo.insertRouteIfMissing(trx, { kind, name: def.name, published_version: 0, draft: toJson(def), draft_yaml: yaml, updated_by: actor.id, updated_at: now });
    } else {
      await repo.updateRoute(trx, kind, { draft: toJson(def), draft_yaml: yaml, updated_by: actor.id, updated_at: now });
    }
    await commandIn(trx, deps.clock, { entity: 'approval_route', actorId: actor.id }).recorded(kind, 'draft', { before: existing?.draft ? parseJson(existing.draft, null) : null, after: def });
  });
  return getRoute(deps, actor, kind);
}

export async function saveDraft(deps: ApprovalDeps, actor: Actor, kind: string, def: RouteDefinition) {
  authorize(actor, 'approval.manageRoutes');
  return storeDraft(deps, actor, kind, def, null);
}

export async function saveDraftYaml(deps: ApprovalDeps, actor: Actor, kind: string, text: string) {
  authorize(actor, 'approval.manageRoutes');
  const result = validateRouteYaml(text);
  if (!result.ok) throw yamlInvalid(result.errors);
  return storeDraft(deps, actor, kind, result.value, text);
}

export function validateYaml(text: string) {
  const result = validateRouteYaml(text);
  return result.ok ? { ok: true, errors: [], definition: result.value } : { ok: false, errors: result.errors };
}

export async function exportYaml(deps: ApprovalDeps, actor: Actor, kind: string, which: 'draft' | 'published') {
  const route = await getRoute(deps, actor, kind);
  const def = which === 'draft' ? (route.draft ?? route.published) : route.published;
  if (!def) throw notFound('Approval route');
  return routeToYaml(def);
}

/** Publishes the draft as the next version after checking every step can always find an approver. */
export async function publishDraft(deps: ApprovalDeps, actor: Actor, kind: string) {
  authorize(actor, 'approval.manageRoutes');
  await deps.db.transaction().execute(async (trx) => {
    const route = await repo.findRoute(trx, kind);
    if (!route) throw notFound('Approval route');
    if (!route.draft) throw new AppError('INVALID_STATE', 'approval_no_draft', { params: { kind } });
    const def = routeDefinitionSchema.parse(parseJson(route.draft, {}));
    const bad = await unresolvableFallbacks(trx, def);
    if (bad.length) {
      throw new AppError('VALIDATION_FAILED', undefined, { fields: bad.map((b) => ({ field: b.path, code: 'approval_fallback_unresolvable' as const, params: { specs: b.specs.join(', ') } })) });
    }
    const now = deps.clock.now().toISOString();
    if (!(await repo.bumpPublished(trx, kind, route.published_version, { name: def.name, draft: null, draft_yaml: null, updated_by: actor.id, updated_at: now }))) {
      throw new AppError('CONFLICT', 'approval_published_meanwhile');
    }
    const version = route.published_version + 1;
    await repo.insertVersion(trx, { id: newId(), kind, version, definition: toJson(def), published_by: actor.id, published_at: now });
    await commandIn(trx, deps.clock, { entity: 'approval_route', actorId: actor.id }).recorded(kind, 'publish', { before: { version: route.published_version }, after: { version, definition: def } });
  });
  return getRoute(deps, actor, kind);
}

/**
 * Which branch and chain the most recent 50 submitted requests of the kind would take under the draft (or, without
 * a draft, the published version), next to what they took. Approvers are resolved for their requesters as of now.
 */
export async function previewDraft(deps: ApprovalDeps, actor: Actor, kind: string) {
  authorize(actor, 'approval.readRoutes');
  const route = await getRoute(deps, actor, kind);
  const def = route.draft ?? route.published;
  if (!def) throw notFound('Approval route');
  const rows = await repo.recentRequests(deps.db, kind, 50);
  const titles = new Map((await repo.dealTitles(deps.db, rows.map((r) => r.subject_id))).map((d) => [d.id, d.title]));
  const requesters = new Map((await repo.usersByIds(deps.db, rows.map((r) => r.owner_id))).map((u) => [u.id, u]));
  const names = new Map<string, string>();
  const items = [];
  for (const r of rows) {
    const facts = parseJson<Record<string, unknown>>(r.facts, {});
    const { branch } = chooseBranch(def, facts);
    const requester = requesters.get(r.owner_id);
    let steps: Array<{ name: string; approvers: Array<{ id: string; name: string }> }> = [];
    let problem: string | null = null;
    try {
      const chain = await resolveChain(deps.db, { id: r.owner_id, teamPath: requester?.team_path ?? '/' }, branch.steps);
      const ids = chain.flatMap((s) => s.approvers).filter((id) => !names.has(id));
      for (const u of await repo.usersByIds(deps.db, ids)) names.set(u.id, u.display_name);
      steps = chain.map((s) => ({ name: s.def.name, approvers: s.approvers.map((id) => ({ id, name: names.get(id) ?? id })) }));
    } catch (error) {
      problem = error instanceof AppError ? error.message : String(error);
    }
    items.push({
      id: r.id,
      subject: { id: r.subject_id, title: titles.get(r.subject_id) ?? null },
      requester: { id: r.owner_id, name: requester?.display_name ?? r.owner_id },
      facts,
      current: { version: r.route_version, branch: r.branch },
      draft: { branch: branch.name, steps, problem },
      changed: branch.name !== r.branch,
    });
  }
  return { usingDraft: route.draft !== null, items };
}

/**
 * Moves selected pending requests to the version in force. Per request: the branch is chosen again from its stored
 * values, approvers are resolved again (a removed approver falls back to the step's fallback), and an approval
 * already given is kept where a step of the same name still exists. Audited and trailed; refused for requests that
 * are not pending or already on the current version.
 */
export async function migrateRequests(deps: ApprovalDeps, actor: Actor, kind: string, ids: string[]) {
  authorize(actor, 'approval.migrate');
  const out: Array<{ id: string; fromVersion: number; toVersion: number; kept: string[] }> = [];
  await deps.db.transaction().execute(async (trx) => {
    const ctx = await flowCtx(deps, trx);
    const { version, def } = await currentVersion(trx, deps.clock, kind);
    const now = deps.clock.now().toISOString();
    for (const [i, id] of [...new Set(ids)].entries()) {
      const request = await repo.findRequest(trx, id);
      if (!request || request.kind !== kind) throw invalid(`ids.${i}`, 'invalid', undefined, `no ${kind} approval ${id}`);
      if (request.status !== 'pending') throw new AppError('INVALID_STATE', 'approval_not_pending', { params: { status: request.status } });
      if (request.route_version === version) throw new AppError('INVALID_STATE', 'approval_same_version', { params: { version } });
      await repo.lockRequest(trx, id, 'pending', now);
      const old = await roundOf(trx, request);
      const deal = await repo.findDealForApproval(trx, request.subject_id);
      if (!deal) throw notFound('Deal');
      const values = requestValuesSchema.parse(parseJson(request.values, {}));
      const computed = computeFacts(values, { dealAmountFen: Number(deal.amount_fen), customerLevel: deal.customer_level, pipeline: deal.pipeline_key });
      if ('problems' in computed) throw invalid(`ids.${i}`, 'invalid', undefined, computed.problems[0].message);
      const { branch } = chooseBranch(def, computed.facts as unknown as Record<string, unknown>);
      const [requester] = await repo.usersByIds(trx, [request.owner_id]);
      const chain = await resolveChain(trx, { id: request.owner_id, teamPath: requester?.team_path ?? request.team_path }, branch.steps);
      await repo.cancelOpenSteps(trx, id, now);
      const next = { ...request, round: request.round + 1, route_version: version, branch: branch.name, facts: toJson(computed.facts), envelope: toJson(computed.envelope), current_step: -1 };
      await repo.updateRequest(trx, id, { round: next.round, route_version: version, branch: branch.name, facts: next.facts, envelope: next.envelope, current_step: -1, updated_at: now });
      await insertRound(ctx, id, next.round, chain);
      // Keep approvals given on steps that still exist (same name): the approver's decision is copied over.
      const kept: string[] = [];
      for (const { step, assignees } of await roundOf(trx, next)) {
        const before = old.find((o) => o.step.name === step.name && o.step.status === 'approved');
        if (!before) continue;
        for (const a of before.assignees.filter((x) => x.status === 'approved' || x.status === 'auto_approved')) {
          const same = assignees.find((x) => x.approver_id === a.approver_id);
          if (same) await repo.updateAssignee(trx, same.id, { status: a.status, decided_by: a.decided_by, comment: a.comment, decided_at: a.decided_at });
          else await repo.insertAssignee(trx, { ...a, id: newId(), step_id: step.id });
        }
        kept.push(step.name);
      }
      await trail(ctx, { request_id: id, step_idx: null, action: 'migrated', actor_id: actor.id, on_behalf_of: null, comment: null, detail: { fromVersion: request.route_version, toVersion: version, branch: branch.name, kept } });
      await commandIn(trx, deps.clock, { entity: 'approval', actorId: actor.id }).recorded(id, 'migrate', { before: { routeVersion: request.route_version, branch: request.branch }, after: { routeVersion: version, branch: branch.name, kept } });
      await advance(ctx, next, actor.id);
      out.push({ id, fromVersion: request.route_version, toVersion: version, kept });
    }
  });
  return { items: out };
}

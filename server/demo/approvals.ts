/**
 * Demo approvals (审批): the hospital pipeline's 价格谈判 stage requires an approved quote to be left (its checklist
 * tick "报价审批通过" becomes the real gate item), and a few quote requests wait on the shipped default `quote` route:
 * a large quote at the regional manager, one the regional manager approved now at the director, and a quote under
 * ¥50,000 at the regional manager alone. Requests are written through the approvals services at past instants, so
 * steps, SLA instants, trail and notifications are what the running system would have made.
 */
import type { Clock } from '../core/clock.js';
import type { AppConfig } from '../core/config.js';
import type { Actor } from '../core/policy.js';
import type { Db } from '../db/index.js';
import { decideApproval, submitApproval, type ApprovalDeps } from '../modules/approvals/service.js';
import { definitionOf, updatePipelineRow } from '../modules/pipelines/repo.js';

export const DEMO_GATED_STAGE = { template: 'hospital_seven_step', stage: 'price_negotiation' } as const;
const HOUR = 3_600_000;

/**
 * Gives the demo hospital pipeline's price-negotiation stage the gate item "approved quote". Written into version 1
 * (the demo's pipelines are as shipped to the demo company, before any deal exists), not as an audited new version.
 */
export async function requireQuoteApprovalInDemo(db: Db, clock: Clock): Promise<void> {
  const row = await db.selectFrom('pipelines').selectAll().where('template_key', '=', DEMO_GATED_STAGE.template).executeTakeFirst();
  if (!row) return;
  const def = definitionOf(row);
  const stage = def.stages.find((s) => s.key === DEMO_GATED_STAGE.stage);
  if (!stage) return;
  stage.gate.checklist = stage.gate.checklist.filter((c) => c.key !== 'quote_approved');
  stage.gate.approvals = [{ kind: 'quote', label: '报价审批通过', labelEn: 'Quote approved' }];
  await updatePipelineRow(db, row.id, def, row.version, clock.now().toISOString());
}

type UserRow = { id: string; username: string; display_name: string; role: string; team_id: string; team_path: string };
const actorOf = (u: UserRow): Actor => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role as Actor['role'], teamId: u.team_id, teamPath: u.team_path });

export async function loadDemoApprovals(db: Db, clock: Clock, config: Pick<AppConfig, 'timeZone'>): Promise<number> {
  const nowMs = clock.now().getTime();
  let at = nowMs;
  const deps: ApprovalDeps = { db, clock: { now: () => new Date(at) }, config: config as AppConfig };
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'team_id', 'team_path']).where('active', '=', 1).execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  const gated = await db
    .selectFrom('deals')
    .innerJoin('pipelines', 'pipelines.id', 'deals.pipeline_id')
    .select(['deals.id', 'deals.owner_id', 'deals.amount_fen'])
    .where('pipelines.template_key', '=', DEMO_GATED_STAGE.template)
    .where('deals.stage_key', '=', DEMO_GATED_STAGE.stage)
    .where('deals.status', '=', 'open')
    .orderBy('deals.id')
    .execute();
  const small = await db.selectFrom('deals').select(['id', 'owner_id', 'amount_fen']).where('status', '=', 'open').where('amount_fen', '>', 0).where('amount_fen', '<', 5_000_000).orderBy('id').limit(1).execute();
  // Two sellers' large quotes on the gated stage (¥50,000 and above: regional manager, then director), one small one.
  const plan = [
    { deal: gated[0], hoursAgo: 2, discountBp: 800, approveFirst: false },
    { deal: gated.find((d) => gated[0] && d.owner_id !== gated[0].owner_id), hoursAgo: 27, discountBp: 1200, approveFirst: true },
    { deal: small[0], hoursAgo: 1, discountBp: 500, approveFirst: false },
  ];
  let created = 0;
  for (const p of plan) {
    const seller = p.deal && byId.get(p.deal.owner_id);
    if (!p.deal || !seller) continue;
    at = nowMs - p.hoursAgo * HOUR;
    const net = Number(p.deal.amount_fen);
    const list = Math.round((net * 10_000) / (10_000 - p.discountBp));
    const request = await submitApproval(deps, actorOf(seller), { kind: 'quote', subject: { type: 'deal', id: p.deal.id }, values: { listPriceFen: list, netPriceFen: net, documentDiscountFen: 0, paymentTerms: '30% 预付，到货验收后 70%' } });
    created++;
    if (!p.approveFirst) continue;
    const approver = byId.get(request.steps[0].approvers[0].user.id);
    if (!approver) continue;
    at += 3 * HOUR;
    await decideApproval(deps, actorOf(approver), request.id, { decision: 'approve', comment: '价格合理，同意，报总监' });
  }
  return created;
}

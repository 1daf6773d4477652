/**
 * 挽留计划 (retention plans), the red playbook: the rules engine's `require_retention_plan` action opens one for the
 * customer's owner, with required evidence items; filing it is refused like a stage gate (422 GATE_UNMET naming each
 * missing item) until every item is given. Its deadline is the shared SLA clock (sla/clock.ts): N working days
 * counted on the owner's team calendar from the opening. A calendar or team-schedule change re-dates every running plan
 * (retention-calendar.ts), earlier or later, like any other clock; filed and escalated plans keep theirs. A plan whose clock is
 * breached is escalated once — owner and owner's lead notified; the conditional update on `escalated_at` makes that
 * once across processes.
 */
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { command, commandIn } from '../../core/command.js';
import { AppError, notFound } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { parseJson, toJson } from '../../core/json.js';
import { inScope, scopeOf, type Actor, type AnyActor } from '../../core/policy.js';
import type { Db, Dialect, Queryable } from '../../db/index.js';
import type { HealthRetentionPlansTable } from '../../db/schema-health.js';
import { loadCalendars } from '../calendar/schedules.js';
import { enqueueNotification } from '../notifications/outbox.js';
import { evaluateClock } from '../sla/clock.js';
import { clockTarget } from '../sla/ladder.js';
import { resolveRecipients } from '../sla/recipients.js';
import * as repo from './repo.js';

export interface EvidenceItem {
  key: string;
  name: string;
  nameEn?: string;
}

export interface OpenPlanInput {
  db: Queryable;
  clock: Clock;
  causeId: string;
  ruleKey: string;
  customerId: string;
  workingDays: number;
  evidence: EvidenceItem[];
}

export async function openRetentionPlanForRule(input: OpenPlanInput) {
  const customer = await repo.customerById(input.db, input.customerId);
  if (!customer) throw new Error('require_retention_plan: the customer no longer exists');
  const now = input.clock.now();
  const id = newId();
  const teamId = (await input.db.selectFrom('users').select('team_id').where('id', '=', customer.owner_id).executeTakeFirst())?.team_id ?? null;
  const target = `${input.workingDays}wd`;
  const due = evaluateClock((await loadCalendars(input.db)).forTeam(teamId), { target: clockTarget(target), startedAt: now }, now).dueAt!;
  const row: HealthRetentionPlansTable = {
    id,
    customer_id: customer.id,
    owner_id: customer.owner_id,
    team_path: customer.team_path,
    cause_event_id: input.causeId,
    status: 'open',
    required: toJson(input.evidence),
    evidence: '{}',
    plan: null,
    due_at: due.toISOString(),
    clock_target: target,
    clock_team_id: teamId,
    filed_at: null,
    filed_by: null,
    escalated_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  if (!(await repo.insertPlan(input.db, row))) return { retentionPlan: null, reason: 'already opened for this event' };
  await commandIn(input.db, input.clock, { entity: 'retention_plan', actorId: null }).created(id, { ...row, rule: input.ruleKey });
  await enqueueNotification(input.db, input.clock, {
    idempotencyKey: `retention-plan:${id}:opened:${customer.owner_id}`,
    userId: customer.owner_id,
    title: `客户「${customer.name}」健康度转红：请在 ${input.workingDays} 个工作日内提交挽留计划`,
    titleEn: `Customer "${customer.name}" turned red: file a retention plan within ${input.workingDays} working days`,
    body: `必需证据：${input.evidence.map((e) => e.name).join('、')}`,
    bodyEn: `Required evidence: ${input.evidence.map((e) => e.nameEn ?? e.name).join(', ')}`,
    link: `/retention-plans/${id}`,
    subject: { type: 'customer', id: customer.id },
  });
  return { retentionPlan: id, dueAt: row.due_at, ownerId: customer.owner_id };
}

export const fileBody = z.object({
  /** Evidence per required item key: text (a summary, a comparison, a link to an attachment). */
  evidence: z.record(z.string().max(64), z.string().max(5000)).default({}),
  plan: z.string().trim().min(1).max(5000),
});

export const planSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    ownerId: z.string(),
    status: z.enum(['open', 'filed']),
    required: z.array(z.object({ key: z.string(), name: z.string(), nameEn: z.string().optional() })),
    evidence: z.record(z.string(), z.string()),
    plan: z.string().nullable(),
    dueAt: z.string(),
    overdue: z.boolean(),
    escalatedAt: z.string().nullable(),
    filedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RetentionPlan' });

export function presentPlan(row: HealthRetentionPlansTable, now: Date) {
  return {
    id: row.id,
    customerId: row.customer_id,
    ownerId: row.owner_id,
    status: row.status as 'open' | 'filed',
    required: parseJson<EvidenceItem[]>(row.required, []),
    evidence: parseJson<Record<string, string>>(row.evidence, {}),
    plan: row.plan,
    dueAt: row.due_at,
    overdue: row.status === 'open' && row.due_at <= now.toISOString(),
    escalatedAt: row.escalated_at,
    filedAt: row.filed_at,
    createdAt: row.created_at,
  };
}

async function planInScope(db: Queryable, actor: AnyActor, id: string) {
  const row = await repo.plan(db, id);
  if (!row || !inScope(scopeOf(actor), { ownerId: row.owner_id, teamPath: row.team_path })) throw notFound('Retention plan');
  return row;
}

export async function getPlan(db: Queryable, clock: Clock, actor: AnyActor, id: string) {
  return presentPlan(await planInScope(db, actor, id), clock.now());
}

/** Filing: every required item needs non-empty evidence; otherwise nothing is written and each gap is named. */
export async function filePlan(db: Db, clock: Clock, actor: Actor, id: string, body: z.infer<typeof fileBody>) {
  await command(db, clock, { entity: 'retention_plan', actorId: actor.id }, async (cmd) => {
    const row = await planInScope(cmd.trx, actor, id);
    if (row.status !== 'open') throw new AppError('CONFLICT', 'retention_plan_filed');
    const required = parseJson<EvidenceItem[]>(row.required, []);
    const missing = required.filter((item) => !body.evidence[item.key]?.trim());
    if (missing.length) {
      throw new AppError('GATE_UNMET', 'retention_evidence_missing', {
        params: { items: missing.map((m) => m.name).join('、') },
        fields: missing.map((m) => ({ field: `evidence.${m.key}`, code: 'evidence_required' as const })),
        extra: { missing: missing.map((m) => m.key) },
      });
    }
    const evidence = Object.fromEntries(required.map((item) => [item.key, body.evidence[item.key].trim()]));
    const now = clock.now().toISOString();
    const after = { status: 'filed', evidence: toJson(evidence), plan: body.plan, filed_at: now, filed_by: actor.id, updated_at: now };
    await repo.updatePlan(cmd.trx, id, after);
    await cmd.updated(id, { status: row.status, evidence: row.evidence, plan: row.plan }, { status: 'filed', evidence: after.evidence, plan: body.plan }, undefined, { action: 'file' });
  });
  return getPlan(db, clock, actor, id);
}

/** The plan's clock now: its due instant on today's calendar and whether it is breached. */
export function planClock(calendars: Awaited<ReturnType<typeof loadCalendars>>, row: HealthRetentionPlansTable, now: Date) {
  if (!row.clock_target) return { dueAt: row.due_at, breached: row.due_at <= now.toISOString() };
  const state = evaluateClock(calendars.forTeam(row.clock_team_id), { target: clockTarget(row.clock_target), startedAt: new Date(row.created_at) }, now);
  return { dueAt: state.dueAt!.toISOString(), breached: state.status === 'breached' };
}

/**
 * Recounts, on today's calendars, the clocks of open plans whose stored deadline has come: a breached clock is
 * escalated once; one found later (a calendar change whose event was not consumed yet) gets its new deadline stored,
 * so `tick --at` and the worker's wake-up wait for it. Deadlines brought earlier are stored by the calendar consumer
 * (retention-calendar.ts), which runs first in the same job pass.
 */
export async function escalateDuePlans(db: Db, dialect: Dialect, clock: Clock) {
  const nowDate = clock.now();
  const now = nowDate.toISOString();
  return db.transaction().execute(async (trx) => {
    const escalated: Array<{ id: string; dueAt: string; customerId: string }> = [];
    const open = await repo.duePlans(trx, dialect, now, 50);
    if (!open.length) return escalated;
    const calendars = await loadCalendars(trx);
    for (const row of open) {
      const { dueAt, breached } = planClock(calendars, row, nowDate);
      if (dueAt !== row.due_at) await repo.updatePlan(trx, row.id, { due_at: dueAt });
      if (!breached) continue;
      if (!(await repo.markEscalated(trx, row.id, now))) continue;
      const recipients = await resolveRecipients(trx, { id: row.owner_id, teamPath: row.team_path }, ['owner', 'owner.lead']);
      for (const userId of recipients) {
        await enqueueNotification(trx, clock, {
          idempotencyKey: `retention-plan:${row.id}:escalated:${userId}`,
          userId,
          title: '挽留计划已逾期未提交',
          titleEn: 'A retention plan is overdue',
          body: `截止时间 ${dueAt}`,
          bodyEn: `It was due at ${dueAt}`,
          link: `/retention-plans/${row.id}`,
          subject: { type: 'customer', id: row.customer_id },
        });
      }
      await commandIn(trx, clock, { entity: 'retention_plan', actorId: null }).recorded(row.id, 'escalate', { after: { escalated_at: now, notified: recipients } });
      escalated.push({ id: row.id, dueAt, customerId: row.customer_id });
    }
    return escalated;
  });
}

export async function plansOf(db: Queryable, clock: Clock, customerId: string) {
  return (await repo.plansOfCustomer(db, customerId)).map((r) => presentPlan(r, clock.now()));
}

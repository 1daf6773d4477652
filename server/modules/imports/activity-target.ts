/**
 * The follow-up history: one activity per row, on a customer named as in deal rows (refs.ts) and optionally one of
 * its deals by title. Activities are facts: a row is the same activity as an existing one of that customer with the
 * same type, time and summary (then unchanged), otherwise a new one; an import never edits an activity.
 */
import { newId } from '../../core/ids.js';
import { parseJson } from '../../core/json.js';
import { auditActorId, scopeOf } from '../../core/policy.js';
import { insertPastActivities, removePastActivity, type PastActivity } from '../activities/history.js';
import { activitiesByIds } from '../activities/repo.js';
import type { ActivityType } from '../activities/effective.js';
import type { Queryable } from '../../db/index.js';
import { cellText, parseCreditCode, parseDateTime, parsePhone, parseText } from './cells.js';
import type { PhaseContext } from './context.js';
import { ACTIVITY_SPEC } from './fields.js';
import { refKey, resolveCustomers, rowCustomer, rowError, type CustomerRef } from './refs.js';
import * as repo from './repo.js';
import type { Applied, ImportTarget, RowPlan } from './target.js';
import { columnOf, ownerCell, readMapped, requireField, type ImportRecord, type RowContext, type RowProblem } from './validate.js';

export interface ActivityRecord {
  customer: CustomerRef;
  deal?: string;
  type?: ActivityType;
  occurredAt?: string;
  summary?: string;
  outcome?: string;
  owner?: ImportRecord['owner'];
  custom?: Record<string, unknown>;
}

const TYPES: Record<string, ActivityType> = {
  电话: 'call', 致电: 'call', 电话沟通: 'call', 通话: 'call', call: 'call', phone: 'call',
  拜访: 'visit', 上门: 'visit', 上门拜访: 'visit', 面谈: 'visit', 见面: 'visit', 到访: 'visit', visit: 'visit', meeting: 'visit',
  微信: 'wechat', 企业微信: 'wechat', wechat: 'wechat',
  邮件: 'email', 电子邮件: 'email', email: 'email', 'e-mail': 'email',
  演示: 'demo', 产品演示: 'demo', demo: 'demo',
  资料: 'materials', 发送资料: 'materials', 材料: 'materials', materials: 'materials',
  其他: 'other', 其它: 'other', other: 'other',
};
/** A seller may log an activity dated a few minutes ahead of the server's clock; not hours. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function validate(cells: Parameters<ImportTarget['validate']>[0], ctx: RowContext) {
  const record: ActivityRecord = { customer: {} };
  const problems: RowProblem[] = [];
  const custom = readMapped(cells, ctx, problems, (m) => {
    const { cell, take } = m;
    const text = (max: number) => take(parseText(cell, max)) ?? undefined;
    switch (m.field) {
      case 'customer': record.customer.name = text(200); return;
      case 'customerCreditCode': record.customer.creditCode = take(parseCreditCode(cell)) ?? undefined; return;
      case 'customerPhone': record.customer.phone = take(parsePhone(cell))?.phone; return;
      case 'deal': record.deal = text(200); return;
      case 'type': {
        const value = cellText(cell);
        if (!value) return;
        const type = TYPES[value.toLowerCase()];
        if (type) record.type = type;
        else m.problem('select_unknown', { value, options: '电话/拜访/微信/邮件/演示/资料/其他' });
        return;
      }
      case 'occurredAt': record.occurredAt = take(parseDateTime(cell, ctx.timeZone)) ?? undefined; return;
      case 'summary': record.summary = text(2000); return;
      case 'outcome': record.outcome = text(500); return;
      case 'owner': record.owner = ownerCell(m, ctx); return;
    }
  });
  if (!record.customer.name && !record.customer.creditCode && !record.customer.phone) requireField(ctx, problems, 'customer', undefined);
  requireField(ctx, problems, 'occurredAt', record.occurredAt);
  requireField(ctx, problems, 'summary', record.summary);
  if (custom) record.custom = custom;
  return { record, problems };
}

interface ActivityPlan extends RowPlan {
  create?: Omit<PastActivity, 'id'>;
}

async function planActivities(db: Queryable, ctx: PhaseContext, records: ActivityRecord[], now: Date): Promise<(r: ActivityRecord) => ActivityPlan> {
  const customerOf = await resolveCustomers(db, records.map((r) => r.customer), (f) => columnOf(ctx, f));
  const customerIds = [...new Set(records.flatMap((r) => {
    const c = customerOf(r.customer);
    return 'customer' in c ? [c.customer.id] : [];
  }))];
  const deals = records.some((r) => r.deal) ? await repo.dealsOfCustomers(db, customerIds) : [];
  const existing = await repo.activitiesAt(db, customerIds, [...new Set(records.flatMap((r) => (r.occurredAt ? [r.occurredAt] : [])))]);
  const scope = scopeOf(ctx.actor);
  const { options } = ctx;
  const err = (field: string, code: RowProblem['code'], params?: Record<string, string | number>): ActivityPlan => rowError(columnOf(ctx, field), field, code, params);

  return (r) => {
    const found = rowCustomer(customerOf(r.customer), scope, columnOf(ctx, 'customer'));
    if ('plan' in found) return found.plan;
    const { customer } = found;
    if (Date.parse(r.occurredAt!) > now.getTime() + FUTURE_TOLERANCE_MS) return err('occurredAt', 'activity_in_future');
    const type = r.type ?? 'other';
    const same = existing.find((a) => a.customer_id === customer.id && a.type === type && a.occurred_at === r.occurredAt && a.summary === r.summary);
    if (same && options.duplicates !== 'create') return { verdict: options.duplicates === 'skip' ? 'skip' : 'unchanged', matchId: same.id, problems: options.duplicates === 'skip' ? [{ column: null, field: 'row', code: 'exists_skipped', params: { name: r.summary!.slice(0, 20) } }] : [] };
    if (options.mode === 'update') return { verdict: 'skip', matchId: null, problems: [{ column: null, field: 'row', code: 'not_found_skipped' }] };
    let dealId: string | null = null;
    if (r.deal) {
      const named = deals.filter((d) => d.customer_id === customer.id && d.title === r.deal);
      if (named.length !== 1) return err('deal', named.length ? 'deal_ambiguous' : 'deal_unknown', { value: r.deal });
      dealId = named[0]!.id;
    }
    const ownerId = r.owner?.id ?? options.defaultOwnerId ?? customer.owner_id;
    const owner = { id: ownerId, teamPath: r.owner?.teamPath ?? ctx.users.get(ownerId)?.teamPath ?? customer.team_path };
    return {
      verdict: 'create',
      matchId: null,
      problems: [],
      create: { type, occurredAt: r.occurredAt!, customerId: customer.id, dealId, owner, summary: r.summary!, outcome: r.outcome ?? null, custom: r.custom ?? {} },
    };
  };
}

export const activityTarget: ImportTarget<ActivityRecord> = {
  kind: 'activities',
  spec: ACTIVITY_SPEC,
  validate,
  // Two rows about one customer at one instant with one text are the same activity written twice.
  fileKeys: (r) => (r.occurredAt && r.summary ? [{ key: `${refKey(r.customer)}|${r.type ?? 'other'}|${r.occurredAt}|${r.summary}`, label: '客户+时间+内容 customer + time + summary' }] : []),
  planBatch: (db, ctx, records) => planActivities(db, ctx, records, ctx.clock.now()),
  async applyBatch(trx, deps, ctx, imp, rows) {
    const records = rows.map((r) => (r.verdict === 'error' ? null : parseJson<ActivityRecord>(r.data, { customer: {} })));
    const plan = await planActivities(trx, ctx, records.filter((r): r is ActivityRecord => r !== null), deps.clock.now());
    const applied: Applied[] = [];
    const creates: PastActivity[] = [];
    for (const [i, row] of rows.entries()) {
      const record = records[i];
      if (!record) {
        applied.push({ row, outcome: 'error', problems: null, target: null });
        continue;
      }
      const p = plan(record);
      if (p.verdict === 'create' && p.create) {
        const id = row.target_id ?? newId();
        creates.push({ id, ...p.create });
        applied.push({ row, outcome: 'create', problems: null, target: id });
      } else {
        applied.push({ row, outcome: p.verdict, problems: p.problems.length ? p.problems : null, target: p.matchId });
      }
    }
    await insertPastActivities(trx, deps.clock, creates, { actorId: auditActorId(ctx.actor), emit: ctx.options.perRowEvents, via: `import:${imp.id}` });
    return applied;
  },
  async undoBatch(trx, deps, actorId, rows, tally) {
    const activities = new Map((await activitiesByIds(trx, rows.map((r) => r.target_id!))).map((a) => [a.id, a]));
    for (const row of rows) {
      const activity = activities.get(row.target_id!);
      const conflict = (reason: 'has_work' | 'gone') => tally.conflict({ row: row.row_number, customerId: row.target_id!, name: activity?.summary.slice(0, 40) ?? '', reason });
      if (!activity) conflict('gone');
      else if (await removePastActivity(trx, deps.clock, activity, { actorId })) tally.deleted++;
      else conflict('has_work');
    }
  },
};

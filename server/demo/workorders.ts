/**
 * Demo collaboration (协作工单): four handling departments with their people, the four work-order types of the seeds
 * (售前, 法务, 财务, 客户成功) and a few orders in different states, written through the work-order services at past
 * instants so their clocks, history, notifications and assist points are what the running system would have made.
 */
import { SqliteAdapter } from 'kysely';
import type { Clock } from '../core/clock.js';
import type { Actor } from '../core/policy.js';
import { systemActor } from '../core/policy.js';
import type { AppConfig } from '../core/config.js';
import type { Db } from '../db/index.js';
import type { Role } from '../db/schema.js';
import { saveTypeInTx } from '../modules/workorders/types-service.js';
import { createWorkOrderInTx, updateWorkOrder, type WoDeps } from '../modules/workorders/service.js';
import { typeDefinitionSchema } from '../modules/workorders/definition.js';
import type { Random } from './random.js';

const DEPARTMENTS = [
  { key: 'presales', team: '售前技术支持部', type: { name: '售前支持', nameEn: 'Presales', response: '4bh', resolution: '16bh' } },
  { key: 'legal', team: '法务部', type: { name: '法务审核', nameEn: 'Legal review', response: '4bh', resolution: '3wd' } },
  { key: 'finance', team: '财务部', type: { name: '财务支持', nameEn: 'Finance', response: '2bh', resolution: '8bh' } },
  { key: 'customer-success', team: '客户成功部', type: { name: '客户成功', nameEn: 'Customer success', response: '4bh', resolution: '2wd' } },
] as const;

/** The people of the departments (not sellers: the sales org of org.ts keeps its documented size). */
export const DEMO_HELPERS: Array<{ username: string; displayName: string; role: Role; dept: (typeof DEPARTMENTS)[number]['key'] }> = [
  { username: 'presales_lead', displayName: '售前经理 吴工', role: 'lead', dept: 'presales' },
  { username: 'presales_eng', displayName: '售前工程师 徐工', role: 'support', dept: 'presales' },
  { username: 'legal', displayName: '法务 杨律师', role: 'support', dept: 'legal' },
  { username: 'finance_ar', displayName: '应收会计 何会计', role: 'finance', dept: 'finance' },
  { username: 'cs_manager', displayName: '客户成功经理 朱琳', role: 'support', dept: 'customer-success' },
];

const HOUR = 3_600_000;

export async function loadDemoWorkOrders(db: Db, clock: Clock, random: Random, passwordHash: string, config: Pick<AppConfig, 'timeZone'>): Promise<number> {
  const nowMs = clock.now().getTime();
  const now = clock.now().toISOString();
  const company = await db.selectFrom('teams').select(['id', 'path']).where('parent_id', 'is', null).executeTakeFirstOrThrow();
  const teamOf = new Map<string, { id: string; path: string }>();
  for (const d of DEPARTMENTS) {
    const id = random.uuid();
    const team = { id, path: `${company.path}${id}/` };
    await db.insertInto('teams').values({ id, parent_id: company.id, name: d.team, kind: 'team', path: team.path, created_at: now }).execute();
    teamOf.set(d.key, team);
  }
  const actors = new Map<string, Actor>();
  for (const h of DEMO_HELPERS) {
    const team = teamOf.get(h.dept)!;
    const id = random.uuid();
    await db
      .insertInto('users')
      .values({ id, username: h.username, display_name: h.displayName, password_hash: passwordHash, role: h.role, team_id: team.id, team_path: team.path, phone: null, email: `${h.username}@kangjie-demo.cn`, active: 1, created_at: now, updated_at: now })
      .execute();
    actors.set(h.username, { id, username: h.username, displayName: h.displayName, role: h.role, teamId: team.id, teamPath: team.path });
  }

  // Past instants: each step runs on a clock set to when it happened.
  let at = nowMs;
  const when: Clock = { now: () => new Date(at) };
  const dialect = db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
  const deps = (): WoDeps => ({ db, dialect, clock: when, config: config as AppConfig });
  const demo = systemActor('demo', '演示数据');
  await db.transaction().execute(async (trx) => {
    for (const d of DEPARTMENTS) {
      const def = typeDefinitionSchema.parse({ key: d.key, ...d.type, team: teamOf.get(d.key)!.id });
      await saveTypeInTx(trx, { clock, config }, demo, def);
    }
  });

  const sellers = await db.selectFrom('users').select(['id', 'username', 'display_name', 'role', 'team_id', 'team_path']).where('role', '=', 'seller').orderBy('username').execute();
  const dealOf = async (sellerId: string, skip: number) =>
    db.selectFrom('deals').select(['id', 'title']).where('owner_id', '=', sellerId).where('status', '=', 'open').orderBy('created_at', 'desc').orderBy('id').offset(skip).limit(1).executeTakeFirst();
  const plan: Array<{ seller: number; type: string; title: string; hoursAgo: number; steps: Array<{ by: string; after: number; patch: Record<string, unknown> }> }> = [
    { seller: 0, type: 'presales', title: '需要售前到院做技术交流（骨科导航系统）', hoursAgo: 1, steps: [] },
    { seller: 1, type: 'presales', title: '请出一份与竞品的参数对比表', hoursAgo: 26, steps: [{ by: 'presales_eng', after: 2, patch: { status: 'in_progress', note: '已受理，今天给初稿' } }] },
    { seller: 6, type: 'legal', title: '医院要求修改付款条款第 5 条，请复核', hoursAgo: 30, steps: [{ by: 'legal', after: 1, patch: { status: 'waiting_requester', note: '待销售补充：请提供医院修改后的合同全文' } }] },
    {
      seller: 3,
      type: 'finance',
      title: '客户要求开具分期发票，请确认开票方案',
      hoursAgo: 70,
      steps: [
        { by: 'finance_ar', after: 1, patch: { status: 'in_progress' } },
        { by: 'finance_ar', after: 5, patch: { status: 'resolved', note: '已按三期开票方案确认' } },
        { by: '$seller', after: 8, patch: { rating: 5, ratingComment: '响应很快' } },
      ],
    },
    { seller: 10, type: 'customer-success', title: '装机后培训安排：手术室护士 20 人', hoursAgo: 52, steps: [] },
  ];
  let created = 0;
  for (const [i, p] of plan.entries()) {
    const seller = sellers[p.seller % sellers.length];
    const deal = await dealOf(seller.id, i);
    if (!deal) continue;
    at = nowMs - p.hoursAgo * HOUR;
    const id = await db.transaction().execute((trx) => createWorkOrderInTx(trx, deps(), demo, { type: p.type, subject: { type: 'deal', id: deal.id }, title: p.title, requesterId: seller.id }));
    const sellerActor: Actor = { id: seller.id, username: seller.username, displayName: seller.display_name, role: seller.role, teamId: seller.team_id, teamPath: seller.team_path };
    for (const step of p.steps) {
      at += step.after * HOUR;
      await updateWorkOrder(deps(), step.by === '$seller' ? sellerActor : actors.get(step.by)!, id, step.patch);
    }
    created++;
  }
  return created;
}

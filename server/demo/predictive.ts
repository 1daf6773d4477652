/**
 * Demo predictive history (issue 17): closed deals of the hospital pipeline with planted action patterns and noise,
 * so that a first-time user sees surfaced patterns, live flags and a model card:
 * - 3 price confirmations in the tender stage without a technical comparison → mostly lost (the seeds' 89 % rule);
 * - the technical comparison first, then price confirmations → mostly won (the control);
 * - 3 competitor comparison sheets in the tender stage → mostly won (a "high-value action");
 * - a demo followed by silence → mostly lost ("no effective interaction within N working days");
 * - a decoy below the support bar (admins see it as a candidate) and noise.
 * Each planted group is large enough that its share in the training part of the time split (the oldest 70 % of the
 * closes) still clears the support bar of 30: surfacing is decided there (patterns/mine.ts).
 * Then a few open deals in the tender stage that match the risk patterns now. The pipeline is mined and the open
 * deals evaluated through the same code the worker runs, so flags, notifications and the model card are real.
 */
import { ManualClock, type Clock } from '../core/clock.js';
import { newId } from '../core/ids.js';
import type { Db, Queryable } from '../db/index.js';
import { loadWorkCalendar } from '../modules/calendar/settings.js';
import { evaluateDeals } from '../modules/patterns/live.js';
import { minePipeline } from '../modules/patterns/mine.js';
import { writeHistory, type HistoryGroup } from './history.js';

const DAY = 86_400_000;

export const DEMO_PATTERN_GROUPS: HistoryGroup[] = [
  { name: 'price_without_tech', count: 120, lost: 100, actions: ['tag:price_confirmation', 'tag:price_confirmation', 'tag:price_confirmation', 'type:call'], tailDays: 4 },
  { name: 'tech_first', count: 60, lost: 12, actions: ['tag:technical_comparison', 'tag:price_confirmation', 'tag:price_confirmation', 'tag:price_confirmation'] },
  { name: 'competitor_sheets', count: 55, lost: 6, actions: ['tag:competitor_sheet', 'tag:competitor_sheet', 'tag:competitor_sheet', 'type:visit'] },
  { name: 'demo_then_silence', count: 55, lost: 42, actions: ['type:demo'], tailDays: 9 },
  { name: 'decoy', count: 15, lost: 15, actions: ['tag:material_sent', 'tag:material_sent', 'tag:material_sent'] },
  { name: 'noise', count: 80, lost: 30, actions: ['type:call', 'type:visit', 'tag:peer_case'] },
];

/** Closed deals and activities the history adds to the demo company (README's size plus these). */
export const DEMO_PATTERN_DEALS = DEMO_PATTERN_GROUPS.reduce((n, g) => n + g.count, 0);
export const DEMO_PATTERN_ACTIVITIES = DEMO_PATTERN_GROUPS.reduce((n, g) => n + g.count * g.actions.length, 0);
/** Open deals that match a risk pattern now (3 price confirmations each, or a demo then silence). */
export const DEMO_OPEN_AT_RISK = { price: 4, silence: 2 };
export const DEMO_OPEN_ACTIVITIES = DEMO_OPEN_AT_RISK.price * 3 + DEMO_OPEN_AT_RISK.silence;

const SUMMARY: Record<string, string> = {
  'tag:price_confirmation': '与设备科确认报价',
  'tag:technical_comparison': '发送技术参数对比表',
  'tag:competitor_sheet': '上传竞品对比表',
  'tag:material_sent': '发送产品资料',
  'tag:peer_case': '分享同级医院案例',
  'type:call': '电话跟进招标进度',
  'type:visit': '拜访科室主任',
  'type:demo': '现场设备演示',
};

/**
 * The shipped action vocabulary (as migration 0026 seeds it): `actionflow demo --reset` empties every table, seeded
 * rows included, so the demo puts back the tags it plants (labels and suggestions are what the patterns show).
 */
const DEMO_TAGS: [string, string, string, string, string][] = [
  ['price_confirmation', '价格确认', 'Price confirmation', '确认价格前先发技术参数对比，让客户比价值而不只比价格', 'Send the technical comparison before confirming price again'],
  ['technical_comparison', '技术参数对比', 'Technical comparison', '发送技术参数对比表（与竞品逐项对比）', 'Send the technical parameter comparison sheet'],
  ['competitor_sheet', '竞品对比表', 'Competitor comparison sheet', '上传竞品对比表，帮助客户内部决策', 'Upload a competitor comparison sheet'],
  ['second_walkthrough', '二次讲解', 'Second walkthrough', '预约 15 分钟与技术主任的二次讲解', 'Book a 15-minute walkthrough with the technical director'],
  ['material_sent', '资料已发送', 'Material sent', '发送科室同行使用视频', "Send the department's peer-usage video"],
  ['peer_case', '同行案例', 'Peer case', '分享同级医院的使用案例', 'Share a peer hospital case'],
];

export async function loadDemoPredictive(db: Db, clock: Clock, timeZone: string) {
  const now = clock.now().getTime();
  const stamp = clock.now().toISOString();
  await db
    .insertInto('activity_tag_defs')
    .values(DEMO_TAGS.map(([key, label, label_en, suggestion, suggestion_en], i) => ({ key, label, label_en, suggestion, suggestion_en, active: 1, sort: (i + 1) * 10, created_at: stamp, updated_at: stamp })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const pipeline = await db.selectFrom('pipelines').select('id').where((eb) => eb.or([eb('template_key', '=', 'hospital_seven_step'), eb('key', '=', 'hospital_seven_step')])).executeTakeFirst();
  if (!pipeline) return null;
  // The history belongs to the sellers who own hospital customers, one customer each.
  const rows = await db
    .selectFrom('customers')
    .innerJoin('users', 'users.id', 'customers.owner_id')
    .select(['customers.id as customer_id', 'users.id as user_id', 'users.team_path'])
    .where('users.role', '=', 'seller')
    .orderBy('users.username')
    .orderBy('customers.id')
    .execute();
  const seen = new Set<string>();
  const owners = rows.filter((r) => !seen.has(r.user_id) && seen.add(r.user_id)).map((r) => ({ id: r.user_id, teamPath: r.team_path, customerId: r.customer_id }));
  if (owners.length === 0) return null;
  await db.transaction().execute(async (trx) => {
    await writeHistory(trx, {
      pipelineId: pipeline.id,
      stages: { open: 'access_evaluation', work: 'tender_preparation', won: 'first_shipment', lost: 'lost' },
      owners,
      // Inside the last 90 days like the rest of the demo: 375 deals 0.19 days apart, each at most two weeks long.
      start: new Date(now - 89 * DAY),
      spacingDays: 0.19,
      groups: DEMO_PATTERN_GROUPS,
      seed: 17,
      titlePrefix: '设备招标',
      summaryOf: (a) => SUMMARY[a] ?? a,
    });
    await writeOpenAtRisk(trx, pipeline.id, owners, now);
  });
  const mineClock = new ManualClock(new Date(now));
  const calendar = await loadWorkCalendar(db, timeZone);
  const result = await db.transaction().execute((trx) => minePipeline({ db: trx, clock: mineClock, calendar }, pipeline.id, { trigger: 'manual', slot: null }));
  const open = (await db.selectFrom('deals').select('id').where('pipeline_id', '=', pipeline.id).where('status', '=', 'open').execute()).map((d) => d.id);
  const flags = await db.transaction().execute((trx) => evaluateDeals({ db: trx, clock: mineClock, calendar }, open));
  return { pipelineId: pipeline.id, mined: result, flags };
}

type Owner = { id: string; teamPath: string; customerId: string };

async function writeOpenAtRisk(db: Queryable, pipelineId: string, owners: Owner[], now: number) {
  const iso = (ms: number) => new Date(ms).toISOString();
  const specs = [
    ...Array.from({ length: DEMO_OPEN_AT_RISK.price }, (_, i) => ({ title: `设备招标（进行中）${i + 1}`, created: now - 8 * DAY, actions: [3, 2, 1].map((d) => ({ action: 'tag:price_confirmation', at: now - d * DAY + i * 3_600_000 })) })),
    ...Array.from({ length: DEMO_OPEN_AT_RISK.silence }, (_, i) => ({ title: `设备演示后未跟进 ${i + 1}`, created: now - 16 * DAY, actions: [{ action: 'type:demo', at: now - 12 * DAY + i * 3_600_000 }] })),
  ];
  for (const [i, s] of specs.entries()) {
    const owner = owners[i % owners.length];
    const id = newId();
    const work = s.created + DAY;
    await db.insertInto('deals').values({ id, title: s.title, customer_id: owner.customerId, pipeline_id: pipelineId, stage_key: 'tender_preparation', status: 'open', owner_id: owner.id, team_path: owner.teamPath, amount_fen: 80_000_000 + i * 5_000_000, expected_close_date: iso(now + 30 * DAY).slice(0, 10), checklist: '{}', custom: '{}', stage_entered_at: iso(work), created_at: iso(s.created), updated_at: iso(work) }).execute();
    await db.insertInto('deal_stage_history').values([
      { id: newId(), deal_id: id, stage_key: 'access_evaluation', entered_at: iso(s.created), left_at: iso(work), entered_by: owner.id, direction: 'created', skip_reason: null },
      { id: newId(), deal_id: id, stage_key: 'tender_preparation', entered_at: iso(work), left_at: null, entered_by: owner.id, direction: 'forward', skip_reason: null },
    ]).execute();
    for (const a of s.actions) {
      const activityId = newId();
      const [kind, key] = a.action.split(':');
      await db.insertInto('activities').values({ id: activityId, type: kind === 'type' ? key : 'call', occurred_at: iso(a.at), customer_id: owner.customerId, deal_id: id, owner_id: owner.id, team_path: owner.teamPath, contact_ids: '[]', summary: SUMMARY[a.action], outcome: '客户有回应', next_action: null, next_action_at: null, effective: 1, custom: '{}', created_at: iso(a.at) }).execute();
      if (kind === 'tag') await db.insertInto('activity_tags').values({ activity_id: activityId, tag_key: key }).execute();
    }
  }
}

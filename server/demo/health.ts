/**
 * Demo customer health (issue 11): the seed's model (杭州康捷医疗: base 60 % — yearly purchase amount, product-line
 * coverage, on-time payment rate; process 40 % — visits in 90 days, new requests, clinical feedback, which does not
 * apply to distributors) published 301 days ago, then the last 21 nights computed as the nightly job would have, so
 * history charts, the three colours and a few confirmed transitions (with their playbook events) exist on first start.
 * A handful of customers are made to slide over those nights (their recent visits stop), so transitions are certain.
 * One hospital's orders stopped 100 days ago (health-story.ts): its nights are computed from the publication on, so
 * the backtest shows it caught with a positive lead time.
 */
import { ManualClock, type Clock } from '../core/clock.js';
import { toJson } from '../core/json.js';
import type { Db } from '../db/index.js';
import { computeBatch, localDate } from '../modules/health/compute.js';
import { healthModelSchema } from '../modules/health/definition.js';
import * as repo from '../modules/health/repo.js';
import { STORY_FIRST_NIGHT, STORY_SETTLED_NIGHT, writeHealthStory } from './health-story.js';

const DAY = 86_400_000;
const NIGHTS = 21;

export const DEMO_HEALTH_MODEL = healthModelSchema.parse({
  name: '康捷医疗客户健康度',
  nameEn: 'Kangjie Medical customer health',
  segmentBy: 'industry',
  bands: { green: 70, yellow: 40 },
  hysteresis: { points: 5, computations: 3 },
  severeBelow: 15,
  coverageFloor: 0.6,
  missingDays: 7,
  trend: { drop: 15, days: 14 },
  groups: [
    {
      key: 'base',
      name: '基础维度',
      nameEn: 'Base',
      weight: 60,
      dimensions: [
        { key: 'yearly_purchase', name: '年采购额', nameEn: 'Yearly purchase amount', weight: 40, source: { type: 'deals', measure: 'won_amount', days: 365 }, normalize: { points: [[0, 0], [20_000_000, 60], [100_000_000, 100]] } },
        { key: 'product_lines', name: '产品线覆盖', nameEn: 'Product lines bought', weight: 30, source: { type: 'deals', measure: 'product_lines', days: 365 }, normalize: { points: [[0, 0], [1, 60], [3, 100]] } },
        { key: 'on_time_payment', name: '按时回款率', nameEn: 'On-time payment rate', weight: 30, source: { type: 'on_time_payment_rate', graceWorkingDays: 5 }, normalize: { points: [[0.5, 0], [0.9, 80], [1, 100]] } },
      ],
    },
    {
      key: 'process',
      name: '过程维度',
      nameEn: 'Process',
      weight: 40,
      dimensions: [
        { key: 'visits_90d', name: '近3月拜访', nameEn: 'Visits in 90 days', weight: 40, source: { type: 'activities', types: ['visit'], days: 90 }, normalize: { points: [[0, 0], [2, 60], [6, 100]] } },
        { key: 'new_requests', name: '新需求提出', nameEn: 'New requests', weight: 30, source: { type: 'activities', types: ['call', 'wechat', 'email'], days: 90, effectiveOnly: true }, normalize: { points: [[0, 0], [3, 70], [8, 100]] } },
        { key: 'clinical_feedback', name: '临床科室反馈', nameEn: 'Clinical department feedback', weight: 30, source: { type: 'activities', types: ['demo'], days: 90 }, normalize: { points: [[0, 0], [1, 60], [3, 100]] }, notApplicableFor: ['医疗器械经销'] },
      ],
    },
  ],
});

export async function loadDemoHealth(db: Db, clock: Clock, timeZone: string): Promise<{ snapshots: number; changes: number }> {
  const now = clock.now().getTime();
  await repo.insertModel(db, { version: 1, name: DEMO_HEALTH_MODEL.name, definition: toJson(DEMO_HEALTH_MODEL), fire_playbooks: 0, created_at: new Date(now - (STORY_FIRST_NIGHT + 1) * DAY).toISOString(), created_by: null });
  const model = { version: 1, def: DEMO_HEALTH_MODEL, firePlaybooks: false };
  // Some customers slide: their visits and calls of the last three weeks move back 100 days (out of the window)
  // night by night is too fine-grained for a demo; moving them before the first night makes the slide visible as
  // the older activities age out of the 90-day window over the replayed nights.
  const sliding = await db.selectFrom('customers').select('id').where('deleted_at', 'is', null).orderBy('id').limit(12).execute();
  if (sliding.length) {
    await db
      .updateTable('activities')
      .set({ occurred_at: new Date(now - 80 * DAY).toISOString() })
      .where('customer_id', 'in', sliding.map((s) => s.id))
      .where('occurred_at', '>', new Date(now - 80 * DAY).toISOString())
      .execute();
  }
  let snapshots = 0;
  let changes = 0;
  const story = await writeHealthStory(db, now, sliding.map((s) => s.id));
  const storyCustomer = story ? await repo.customerById(db, story) : undefined;
  if (storyCustomer) {
    await db.transaction().execute(async (trx) => {
      for (let night = STORY_FIRST_NIGHT; night >= STORY_SETTLED_NIGHT; night--) {
        const r = await computeBatch(trx, new ManualClock(new Date(now - night * DAY)), timeZone, model, [storyCustomer]);
        snapshots += r.written;
        changes += r.changes.length;
      }
    });
  }
  for (let night = NIGHTS; night >= 1; night--) {
    const at = new ManualClock(new Date(now - night * DAY));
    for (let cursor = ''; ; ) {
      const batch = await repo.customersAfter(db, cursor, 500, at.now().toISOString());
      if (!batch.length) break;
      const r = await db.transaction().execute((trx) => computeBatch(trx, at, timeZone, model, batch));
      snapshots += r.written;
      changes += r.changes.length;
      cursor = batch[batch.length - 1].id;
    }
  }
  // The last replayed night counts as run, so the nightly job's first slot is the coming one.
  const last = new Date(now - DAY);
  await repo.ensureRun(db, { local_date: localDate(last, timeZone), model_version: 1, scheduled_for: last.toISOString(), cursor: '', customers: 0, written: snapshots, started_at: last.toISOString(), finished_at: last.toISOString() });
  return { snapshots, changes };
}

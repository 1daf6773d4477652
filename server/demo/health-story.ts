/**
 * The backtest's demo story (issue 11, point 6): a hospital whose orders stopped ~100 days ago and that the health
 * model had flagged months before — the seed's "flagged 11 days late" case done right. The rest of the demo covers the
 * last 90 days only, so without it the backtest has nobody whose orders stopped and a first-time user sees no lead
 * time. The hospital's orders keep coming for a while after its visits, requests and clinical feedback stop (the
 * yearly purchase amount stays high): a trend failure that the process dimensions see and a level rule on orders
 * would not. Its nightly history is computed from the model's publication on, like the nights the job would have run.
 *
 * One existing hospital is used (no won deals, not among the demo's other stories), so the customer counts hold; the
 * story adds DEMO_HEALTH_STORY.deals won deals and DEMO_HEALTH_STORY.activities activities, dated in the past.
 */
import type { Db } from '../db/index.js';
import type { ActivitiesTable, DealStageHistoryTable, DealsTable } from '../db/schema.js';
import { newId } from '../core/ids.js';
import { definitionOf } from '../modules/pipelines/repo.js';
import { DAY, iso, shanghaiMidnight } from './time.js';

/** Days before now: the orders (the last one 100 days ago) and the weeks the customer was looked after. */
const ORDERS = [330, 290, 240, 180, 140, 100];
const CARED_FROM = 400;
const CARED_UNTIL = 235;
const WEEKS = Math.floor((CARED_FROM - CARED_UNTIL) / 7);
/** Per week of care: a visit and a call with a new request; every fourth week a clinical department demo. */
export const DEMO_HEALTH_STORY = { deals: ORDERS.length, activities: WEEKS * 2 + Math.ceil(WEEKS / 4) };
/**
 * The story's nightly history: from a night with a full 90-day window of care behind it (green, before the slide)
 * until the slide has settled — its last activity out of the window, every order still inside the yearly one — after
 * which a night changes nothing and writes nothing, so the demo's regular nights take over.
 */
export const STORY_FIRST_NIGHT = CARED_UNTIL + 5;
export const STORY_SETTLED_NIGHT = CARED_UNTIL - 95;

export async function writeHealthStory(db: Db, now: number, exclude: readonly string[]): Promise<string | null> {
  // A hospital of a seller, without won deals, not its seller's first customer (the predictive history takes those).
  const candidates = await db
    .selectFrom('customers as c')
    .innerJoin('users as u', 'u.id', 'c.owner_id')
    .select(['c.id', 'c.owner_id', 'c.team_path', 'c.name'])
    .where('c.industry', '=', '医院')
    .where('u.role', '=', 'seller')
    .where('c.deleted_at', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('deals as d').select('d.id').whereRef('d.customer_id', '=', 'c.id').where('d.status', '=', 'won'))))
    .where((eb) => eb('c.id', '>', eb.selectFrom('customers as f').select((f) => f.fn.min('f.id').as('first')).whereRef('f.owner_id', '=', 'c.owner_id')))
    .orderBy('c.id')
    .execute();
  const story = candidates.find((c) => !exclude.includes(c.id));
  if (!story) return null;
  const pipelines = await db.selectFrom('pipelines').select(['id', 'key', 'template_key', 'definition']).where((eb) => eb('template_key', 'in', ['hospital_seven_step', 'b2b_six_step'])).orderBy('key').execute();
  if (!pipelines.length) return null;
  // Its own recent activities (the generator's last 90 days) would keep the process dimensions up: they move into
  // the weeks of care, in order, like the demo's sliding customers.
  const own = await db.selectFrom('activities').select(['id', 'occurred_at']).where('customer_id', '=', story.id).orderBy('occurred_at').execute();
  for (const [i, a] of own.entries()) {
    const at = iso(shanghaiMidnight(now - (CARED_FROM - ((CARED_FROM - CARED_UNTIL) * (i + 0.5)) / own.length) * DAY) + 10 * 3_600_000);
    await db.updateTable('activities').set({ occurred_at: at, created_at: at }).where('id', '=', a.id).execute();
  }
  const deals: DealsTable[] = [];
  const history: DealStageHistoryTable[] = [];
  ORDERS.forEach((daysAgo, i) => {
    // Two product lines: the seven-step hospital equipment line and the six-step consumables line, alternately.
    const pipeline = pipelines[i % pipelines.length];
    const stages = definitionOf(pipeline).stages;
    const first = stages[0].key;
    const won = stages.find((s) => s.terminal === 'won')!.key;
    const close = shanghaiMidnight(now - daysAgo * DAY) + 15 * 3_600_000;
    const created = close - 20 * DAY;
    const id = newId();
    deals.push({
      id, title: `${story.name} 第${i + 1}批采购`, customer_id: story.id, pipeline_id: pipeline.id, stage_key: won, status: 'won', owner_id: story.owner_id, team_path: story.team_path,
      amount_fen: 30_000_000, expected_close_date: iso(close).slice(0, 10), checklist: '{}', custom: '{}', stage_entered_at: iso(close), created_at: iso(created), updated_at: iso(close),
    });
    history.push(
      { id: newId(), deal_id: id, stage_key: first, entered_at: iso(created), left_at: iso(close), entered_by: story.owner_id, direction: 'created', skip_reason: null },
      { id: newId(), deal_id: id, stage_key: won, entered_at: iso(close), left_at: null, entered_by: story.owner_id, direction: 'forward', skip_reason: null },
    );
  });
  const activities: ActivitiesTable[] = [];
  const act = (type: string, at: number, summary: string) =>
    activities.push({ id: newId(), type, occurred_at: iso(at), customer_id: story.id, deal_id: null, owner_id: story.owner_id, team_path: story.team_path, contact_ids: '[]', summary, outcome: '客户有回应', next_action: null, next_action_at: null, effective: 1, custom: '{}', created_at: iso(at) });
  for (let w = 0; w < WEEKS; w++) {
    const day = shanghaiMidnight(now - (CARED_FROM - w * 7) * DAY);
    act('visit', day + 10 * 3_600_000, '拜访设备科，了解下季度采购计划');
    act('call', day + 2 * DAY + 15 * 3_600_000, '科室提出新需求：增加耗材型号');
    if (w % 4 === 0) act('demo', day + 3 * DAY + 14 * 3_600_000, '临床科室试用反馈');
  }
  await db.insertInto('deals').values(deals).execute();
  await db.insertInto('deal_stage_history').values(history).execute();
  for (let i = 0; i < activities.length; i += 200) await db.insertInto('activities').values(activities.slice(i, i + 200)).execute();
  return story.id;
}

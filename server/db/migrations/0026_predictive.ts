import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Action vocabulary and predictive intervention (modules/patterns):
 * - `activity_tag_defs` / `activity_tags`: admin-configured action tags and the tags each activity carries;
 * - `pattern_settings`: append-only versions of the thresholds; a run pins one;
 * - `pattern_runs` (UNIQUE(pipeline_id, slot): a scheduled slot runs once), `patterns`, `pattern_deals` (drill);
 * - `deal_risk_flags`: one row per (deal, source) with the live state; `risk_sweeps`: one row per sweep slot.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = 'text' as const;
  // Rates and intervals need double precision: PostgreSQL's `real` is 4 bytes.
  const real = dialect === 'postgres' ? ('double precision' as const) : ('real' as const);
  await db.schema
    .createTable('activity_tag_defs')
    .addColumn('key', text, (c) => c.primaryKey())
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('label_en', text)
    .addColumn('suggestion', text)
    .addColumn('suggestion_en', text)
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('activity_tags')
    .addColumn('activity_id', text, (c) => c.notNull().references('activities.id'))
    .addColumn('tag_key', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_tags_pk', ['activity_id', 'tag_key'])
    .execute();
  // The starting vocabulary from the seeds (admins add, rename or deactivate tags later).
  const now = new Date().toISOString();
  const tags: [string, string, string, string, string][] = [
    ['price_confirmation', '价格确认', 'Price confirmation', '确认价格前先发技术参数对比，让客户比价值而不只比价格', 'Send the technical comparison before confirming price again'],
    ['technical_comparison', '技术参数对比', 'Technical comparison', '发送技术参数对比表（与竞品逐项对比）', 'Send the technical parameter comparison sheet'],
    ['competitor_sheet', '竞品对比表', 'Competitor comparison sheet', '上传竞品对比表，帮助客户内部决策', 'Upload a competitor comparison sheet'],
    ['second_walkthrough', '二次讲解', 'Second walkthrough', '预约 15 分钟与技术主任的二次讲解', 'Book a 15-minute walkthrough with the technical director'],
    ['material_sent', '资料已发送', 'Material sent', '发送科室同行使用视频', "Send the department's peer-usage video"],
    ['peer_case', '同行案例', 'Peer case', '分享同级医院的使用案例', 'Share a peer hospital case'],
  ];
  await (db as Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('activity_tag_defs')
    .values(tags.map(([key, label, label_en, suggestion, suggestion_en], i) => ({ key, label, label_en, suggestion, suggestion_en, active: 1, sort: (i + 1) * 10, created_at: now, updated_at: now })))
    .execute();
  await db.schema.createIndex('activity_tags_tag').on('activity_tags').columns(['tag_key', 'activity_id']).execute();

  await db.schema
    .createTable('pattern_settings')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('settings', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .execute();
  await db.schema
    .createTable('pattern_runs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('pipeline_id', text, (c) => c.notNull().references('pipelines.id'))
    .addColumn('settings_version', 'integer', (c) => c.notNull())
    .addColumn('trigger', text, (c) => c.notNull())
    .addColumn('slot', text)
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('deals_used', 'integer', (c) => c.notNull())
    .addColumn('cold_start', 'integer', (c) => c.notNull())
    .addColumn('card', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pattern_runs_slot').unique().on('pattern_runs').columns(['pipeline_id', 'slot']).execute();
  await db.schema.createIndex('pattern_runs_latest').on('pattern_runs').columns(['pipeline_id', 'started_at']).execute();
  await db.schema
    .createTable('patterns')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('pipeline_id', text, (c) => c.notNull().references('pipelines.id'))
    .addColumn('run_id', text, (c) => c.notNull())
    .addColumn('template', text, (c) => c.notNull())
    .addColumn('params', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('description', text, (c) => c.notNull())
    .addColumn('description_en', text, (c) => c.notNull())
    .addColumn('suggestion', text)
    .addColumn('suggestion_en', text)
    .addColumn('support', 'integer', (c) => c.notNull())
    .addColumn('outcome_count', 'integer', (c) => c.notNull())
    .addColumn('outcome_rate', real, (c) => c.notNull())
    .addColumn('ci_low', real, (c) => c.notNull())
    .addColumn('ci_high', real, (c) => c.notNull())
    .addColumn('baseline', real, (c) => c.notNull())
    .addColumn('lift', real, (c) => c.notNull())
    .addColumn('surfaced', 'integer', (c) => c.notNull())
    .addColumn('mined_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('patterns_pipeline').on('patterns').columns(['pipeline_id', 'surfaced']).execute();
  await db.schema
    .createTable('pattern_deals')
    .addColumn('pattern_id', text, (c) => c.notNull())
    .addColumn('deal_id', text, (c) => c.notNull().references('deals.id'))
    .addColumn('outcome', text, (c) => c.notNull())
    .addColumn('matched_at', text, (c) => c.notNull())
    .addColumn('closed_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('pattern_deals_pk', ['pattern_id', 'deal_id'])
    .execute();
  await db.schema
    .createTable('deal_risk_flags')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('deal_id', text, (c) => c.notNull().references('deals.id'))
    .addColumn('source_key', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('pattern_id', text)
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('evidence', text, (c) => c.notNull())
    .addColumn('suggestion', text)
    .addColumn('suggestion_en', text)
    .addColumn('holdout', 'integer', (c) => c.notNull())
    .addColumn('first_raised_at', text, (c) => c.notNull())
    .addColumn('raised_at', text, (c) => c.notNull())
    .addColumn('cleared_at', text)
    .addColumn('last_notified_at', text)
    .addColumn('notify_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_risk_flags_source').unique().on('deal_risk_flags').columns(['deal_id', 'source_key']).execute();
  await db.schema.createIndex('deal_risk_flags_active').on('deal_risk_flags').columns(['active', 'deal_id']).execute();
  await db.schema
    .createTable('risk_sweeps')
    .addColumn('slot', text, (c) => c.primaryKey())
    .addColumn('ran_at', text, (c) => c.notNull())
    .addColumn('deals', 'integer', (c) => c.notNull())
    .execute();
}

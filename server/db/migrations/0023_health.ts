import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Customer health (modules/health).
 * - `health_models`: every published model version (the highest is in force); scores pin their version.
 * - `health_scores`: append-only snapshots; UNIQUE(prev_id) chains them so a snapshot (and its event) is written
 *   once even when several processes compute the same customer.
 * - `customer_health`: the latest snapshot per customer, for the list column and filters.
 * - `health_runs`: one nightly run per local date, continued from its cursor by whichever process holds it.
 * - `health_retention_plans`: 挽留计划 opened by the red playbook, UNIQUE(cause_event_id).
 * The default playbooks are rules on `customer.health_changed` (editable like any rule); their definitions are
 * frozen here as data, created "long ago" so they apply to every later event.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = 'text' as const;
  const real = dialect === 'postgres' ? ('double precision' as const) : ('real' as const);

  await db.schema
    .createTable('health_models')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('definition', text, (c) => c.notNull())
    .addColumn('fire_playbooks', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text)
    .execute();

  await db.schema
    .createTable('health_scores')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('prev_id', text, (c) => c.notNull().unique())
    .addColumn('customer_id', text, (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('computed_at', text, (c) => c.notNull())
    .addColumn('local_date', text, (c) => c.notNull())
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('colour', text, (c) => c.notNull())
    .addColumn('pending', text)
    .addColumn('coverage', real, (c) => c.notNull())
    .addColumn('trend_alert', 'integer', (c) => c.notNull())
    .addColumn('contributions', text, (c) => c.notNull())
    .addColumn('colour_reason', text)
    .execute();
  await db.schema.createIndex('health_scores_customer').on('health_scores').columns(['customer_id', 'computed_at']).execute();

  await db.schema
    .createTable('customer_health')
    .addColumn('customer_id', text, (c) => c.primaryKey())
    .addColumn('snapshot_id', text, (c) => c.notNull())
    .addColumn('score', real, (c) => c.notNull())
    .addColumn('colour', text, (c) => c.notNull())
    .addColumn('trend_alert', 'integer', (c) => c.notNull())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('computed_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_health_colour').on('customer_health').columns(['colour', 'customer_id']).execute();

  await db.schema
    .createTable('health_runs')
    .addColumn('local_date', text, (c) => c.primaryKey())
    .addColumn('model_version', 'integer', (c) => c.notNull())
    .addColumn('scheduled_for', text, (c) => c.notNull())
    .addColumn('cursor', text, (c) => c.notNull())
    .addColumn('customers', 'integer', (c) => c.notNull())
    .addColumn('written', 'integer', (c) => c.notNull())
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('finished_at', text)
    .execute();

  await db.schema
    .createTable('health_retention_plans')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('customer_id', text, (c) => c.notNull())
    .addColumn('owner_id', text, (c) => c.notNull())
    .addColumn('team_path', text, (c) => c.notNull())
    .addColumn('cause_event_id', text, (c) => c.notNull().unique())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('required', text, (c) => c.notNull())
    .addColumn('evidence', text, (c) => c.notNull())
    .addColumn('plan', text)
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('filed_at', text)
    .addColumn('filed_by', text)
    .addColumn('escalated_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('health_retention_plans_due').on('health_retention_plans').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('health_retention_plans_customer').on('health_retention_plans').columns(['customer_id']).execute();

  const at = '2000-01-01T00:00:00.000Z';
  const rule = (id: string, key: string, name: string, nameEn: string, trigger: Record<string, unknown>, actions: unknown[]) => ({
    id,
    key,
    name,
    name_en: nameEn,
    enabled: 1,
    trigger_type: 'customer.health_changed',
    definition: JSON.stringify({ key, name, nameEn, enabled: true, trigger: { type: 'customer.health_changed', ...trigger }, actions }),
    version: 1,
    schedule_from: null,
    created_by: null,
    created_at: at,
    updated_at: at,
  });
  await (db as Kysely<{ rules: Record<string, unknown> }>)
    .insertInto('rules')
    .values([
      rule('00000000-0000-4000-8000-00000000a701', 'health-green-interview', '健康度转绿：季度深度需求访谈', 'Health green: quarterly needs interview', { kind: 'colour', to: 'green', cooldownDays: 90 }, [
        { type: 'create_task', config: { title: '季度深度需求访谈：{{record.name}}', assignee: 'owner', due: { workingDays: 10 } } },
      ]),
      rule('00000000-0000-4000-8000-00000000a702', 'health-yellow-work-order', '健康度转黄：客户成功工单', 'Health yellow: customer-success work order', { kind: 'colour', to: 'yellow' }, [
        { type: 'create_work_order', config: { type: 'customer-success', title: '客户成功跟进：{{record.name}} 健康度转黄' } },
      ]),
      rule('00000000-0000-4000-8000-00000000a703', 'health-red-retention', '健康度转红：提交挽留计划', 'Health red: file a retention plan', { kind: 'colour', to: 'red' }, [
        {
          type: 'require_retention_plan',
          config: {
            workingDays: 3,
            evidence: [
              { key: 'conversation_summary', name: '最新沟通纪要', nameEn: 'Latest conversation summary' },
              { key: 'competitor_prices', name: '竞品价格对比', nameEn: 'Competitor price comparison' },
            ],
          },
        },
      ]),
      rule('00000000-0000-4000-8000-00000000a704', 'health-trend-warning', '健康度下滑预警', 'Health decline warning', { kind: 'trend' }, [
        { type: 'notify', config: { recipients: ['owner', 'owner.lead'], title: '下滑预警：{{record.name}} 健康度下降 {{event.payload.drop}} 分', titleEn: 'Decline warning: {{record.name}} health fell {{event.payload.drop}} points' } },
      ]),
    ])
    .execute();
}

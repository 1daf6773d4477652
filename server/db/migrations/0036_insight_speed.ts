import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * War-room metrics, second step (issue 12):
 * - `sla_firings (level, due_at)`: saturation reads the open stays that owe gate actions from the level-1 firings due
 *   in the period instead of walking every open stay;
 * - `activity_tag_defs.category`: `action` (what was done, mined by predictive patterns) or `need` (a customer need or
 *   pain point the seller recorded); action consistency compares the `need` tags two sellers recorded. Existing tags
 *   are actions; a starting set of needs / pain points from the seeds is added (admins rename or deactivate them).
 */
export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('sla_firings_level_due').on('sla_firings').columns(['level', 'due_at']).execute();
  await db.schema.alterTable('activity_tag_defs').addColumn('category', 'text', (c) => c.notNull().defaultTo('action')).execute();
  const now = new Date().toISOString();
  const needs: [string, string, string][] = [
    ['need_price_sensitive', '需求：价格敏感', 'Need: price-sensitive'],
    ['need_delivery_time', '痛点：交付周期', 'Pain point: delivery time'],
    ['need_after_sales', '痛点：售后响应', 'Pain point: after-sales response'],
    ['need_clinical_evidence', '需求：临床证据', 'Need: clinical evidence'],
    ['need_budget_approval', '痛点：预算审批', 'Pain point: budget approval'],
  ];
  await (db as Kysely<Record<string, Record<string, unknown>>>)
    .insertInto('activity_tag_defs')
    .values(needs.map(([key, label, label_en], i) => ({ key, label, label_en, suggestion: null, suggestion_en: null, active: 1, sort: 500 + i * 10, category: 'need', created_at: now, updated_at: now })))
    .execute();
}

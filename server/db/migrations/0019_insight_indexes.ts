import type { Kysely } from 'kysely';

/**
 * Indexes for the war-room metrics (server/modules/metrics): cohorts and losses select stage entries by period,
 * dwell selects stays by the instant they ended (and the open ones), timeliness selects SLA clocks by start, and the
 * stalled check asks for open tasks per deal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('deal_stage_history_entered').on('deal_stage_history').columns(['entered_at', 'stage_key']).execute();
  await db.schema.createIndex('deal_stage_history_left').on('deal_stage_history').columns(['left_at', 'stage_key']).execute();
  await db.schema.createIndex('sla_timers_anchor').on('sla_timers').columns(['anchor_at']).execute();
  await db.schema.createIndex('tasks_deal').on('tasks').columns(['deal_id', 'status', 'due_at']).execute();
}

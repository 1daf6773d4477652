import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Approvals (审批): versioned routes per kind, requests pinned to the version they were submitted under, their steps,
 * assignees (original approver; a delegate acts in their name), the append-only trail, delegations and the
 * exactly-once SLA firing rows. The default `quote` route (the seeds' tiered authority) is installed on first use by
 * the approvals module (and again after `actionflow demo` empties the tables), not here: a migration stays frozen.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const text = 'text' as const;
  const int = 'integer' as const;
  void dialect;
  await db.schema
    .createTable('approval_routes')
    .addColumn('kind', text, (c) => c.primaryKey())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('published_version', int, (c) => c.notNull())
    .addColumn('draft', text)
    .addColumn('draft_yaml', text)
    .addColumn('updated_by', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('approval_route_versions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('version', int, (c) => c.notNull())
    .addColumn('definition', text, (c) => c.notNull())
    .addColumn('published_by', text)
    .addColumn('published_at', text, (c) => c.notNull())
    .addUniqueConstraint('approval_route_versions_kind_version', ['kind', 'version'])
    .execute();
  await db.schema
    .createTable('approval_requests')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('subject_type', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', text, (c) => c.notNull())
    .addColumn('route_version', int, (c) => c.notNull())
    .addColumn('branch', text, (c) => c.notNull())
    .addColumn('values', text, (c) => c.notNull())
    .addColumn('facts', text, (c) => c.notNull())
    .addColumn('envelope', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('current_step', int, (c) => c.notNull())
    .addColumn('round', int, (c) => c.notNull())
    .addColumn('invalid_reason', text)
    .addColumn('revision', int, (c) => c.notNull())
    .addColumn('submitted_at', text)
    .addColumn('decided_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_requests_subject').on('approval_requests').columns(['subject_type', 'subject_id', 'kind', 'status']).execute();
  await db.schema.createIndex('approval_requests_owner').on('approval_requests').columns(['owner_id', 'created_at']).execute();
  await db.schema.createIndex('approval_requests_team').on('approval_requests').columns(['team_path', 'created_at']).execute();
  await db.schema.createIndex('approval_requests_kind_created').on('approval_requests').columns(['kind', 'created_at']).execute();
  await db.schema
    .createTable('approval_steps')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('request_id', text, (c) => c.notNull().references('approval_requests.id'))
    .addColumn('round', int, (c) => c.notNull())
    .addColumn('idx', int, (c) => c.notNull())
    .addColumn('name', text, (c) => c.notNull())
    .addColumn('mode', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('sla', text, (c) => c.notNull())
    .addColumn('fallback', text, (c) => c.notNull())
    .addColumn('started_at', text)
    .addColumn('remind_at', text)
    .addColumn('due_at', text)
    .addColumn('sla_level', int, (c) => c.notNull())
    .addColumn('next_due_at', text)
    .addColumn('completed_at', text)
    .execute();
  await db.schema.createIndex('approval_steps_request').on('approval_steps').columns(['request_id', 'idx']).execute();
  await db.schema.createIndex('approval_steps_due').on('approval_steps').columns(['status', 'next_due_at']).execute();
  await db.schema
    .createTable('approval_assignees')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('request_id', text, (c) => c.notNull().references('approval_requests.id'))
    .addColumn('step_id', text, (c) => c.notNull().references('approval_steps.id'))
    .addColumn('approver_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('decided_by', text)
    .addColumn('comment', text)
    .addColumn('decided_at', text)
    .execute();
  await db.schema.createIndex('approval_assignees_step').on('approval_assignees').column('step_id').execute();
  await db.schema.createIndex('approval_assignees_approver').on('approval_assignees').columns(['approver_id', 'status']).execute();
  await db.schema
    .createTable('approval_trail')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('request_id', text, (c) => c.notNull().references('approval_requests.id'))
    .addColumn('seq', int, (c) => c.notNull())
    .addColumn('step_idx', int)
    .addColumn('action', text, (c) => c.notNull())
    .addColumn('actor_id', text)
    .addColumn('on_behalf_of', text)
    .addColumn('comment', text)
    .addColumn('detail', text)
    .addColumn('at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_trail_request').on('approval_trail').columns(['request_id', 'seq']).unique().execute();
  await db.schema
    .createTable('approval_delegations')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('owner_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('team_path', text, (c) => c.notNull())
    .addColumn('to_user_id', text, (c) => c.notNull().references('users.id'))
    .addColumn('starts_on', text, (c) => c.notNull())
    .addColumn('ends_on', text, (c) => c.notNull())
    .addColumn('note', text)
    .addColumn('revoked_at', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_delegations_owner').on('approval_delegations').columns(['owner_id', 'starts_on']).execute();
  await db.schema.createIndex('approval_delegations_to').on('approval_delegations').columns(['to_user_id', 'starts_on']).execute();
  await db.schema
    .createTable('approval_sla_firings')
    .addColumn('step_id', text, (c) => c.notNull())
    .addColumn('level', int, (c) => c.notNull())
    .addColumn('fired_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('approval_sla_firings_pk', ['step_id', 'level'])
    .execute();

}

/** SLA read models other modules call (`slaStateFor`) and the interventions use cases. */
import { commandIn } from '../../core/command.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Clock } from '../../core/clock.js';
import type { Db, Queryable } from '../../db/index.js';
import { scopeFilter } from '../org/scope-sql.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { liveTimersFor, type SubjectType } from './repo.js';
import type { InterventionsQuery } from './schema.js';
import { presentIntervention } from './presenter.js';
import { can } from '../../core/policy.js';

export type SlaColour = 'on_time' | 'yellow' | 'red';
export interface SlaState {
  state: SlaColour;
  /** When the next ladder level fires, null when none is pending. */
  dueAt: string | null;
  /** Highest ladder level reached so far (0 = none). */
  level: number;
}

const RANK: Record<string, number> = { on_time: 0, yellow: 1, red: 2 };
export const ON_TIME: SlaState = { state: 'on_time', dueAt: null, level: 0 };

/** SLA state per subject id (every id answered; no live timer = on time). No scope check: callers pass ids they already scoped. */
export async function slaStateFor(db: Queryable, subjectType: SubjectType, ids: string[]): Promise<Map<string, SlaState>> {
  const out = new Map<string, SlaState>(ids.map((id) => [id, { ...ON_TIME }]));
  for (let i = 0; i < ids.length; i += 500) {
    for (const t of await liveTimersFor(db, subjectType, ids.slice(i, i + 500))) {
      const s = out.get(t.subject_id)!;
      if (RANK[t.colour] > RANK[s.state]) s.state = t.colour as SlaColour;
      if (t.status === 'active' && t.due_at && (!s.dueAt || t.due_at < s.dueAt)) s.dueAt = t.due_at;
      s.level = Math.max(s.level, t.level_reached);
    }
  }
  return out;
}

/** The API variant: ids outside the caller's scope are left out, as if they did not exist. */
export async function slaStateInScope(db: Db, actor: Actor, subjectType: SubjectType, ids: string[]) {
  const scope = scopeOf(actor);
  const visible =
    subjectType === 'deal'
      ? await db.selectFrom('deals').select('id').where('id', 'in', ids).where(scopeFilter(scope, 'deals')).execute()
      : await db.selectFrom('tasks').select('id').where('id', 'in', ids).where(scopeFilter(scope, 'tasks', 'assignee_id')).execute();
  const states = await slaStateFor(db, subjectType, visible.map((r) => r.id));
  return { items: ids.filter((id) => states.has(id)).map((id) => ({ id, sla: states.get(id)! })) };
}

export async function listInterventions(db: Db, actor: Actor, query: InterventionsQuery) {
  let base = db.selectFrom('sla_interventions as i').where('i.user_id', '=', actor.id);
  if (query.status !== 'all') base = base.where('i.status', '=', query.status);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const open = Number((await db.selectFrom('sla_interventions').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.id).where('status', '=', 'open').executeTakeFirstOrThrow()).n);
  const rows = await base
    .innerJoin('sla_timers as t', 't.id', 'i.timer_id')
    .leftJoin('deals as d', (j) => j.onRef('d.id', '=', 'i.subject_id').on('i.subject_type', '=', 'deal'))
    .leftJoin('tasks as k', (j) => j.onRef('k.id', '=', 'i.subject_id').on('i.subject_type', '=', 'task'))
    .leftJoin('users as o', (j) => j.on((eb) => eb.or([eb('o.id', '=', eb.ref('d.owner_id')), eb('o.id', '=', eb.ref('k.assignee_id'))])))
    .select([
      'i.id', 'i.level', 'i.status', 'i.note', 'i.created_at', 'i.resolved_at', 'i.subject_type', 'i.subject_id',
      't.stage_key', 't.colour', 't.status as timer_status', 't.kind',
      'd.title as deal_title', 'k.title as task_title', 'o.id as owner_id', 'o.display_name as owner_name',
    ])
    .orderBy('i.status')
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const items = rows.map(presentIntervention);
  return { items, total, open };
}

export async function resolveIntervention(db: Db, clock: Clock, actor: Actor, id: string, note: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sla_interventions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (row.user_id !== actor.id && !can(actor, 'intervention.resolveAny'))) throw notFound('Intervention');
    if (row.status !== 'open') {
      throw new AppError('INVALID_STATE', 'intervention_resolved', { fields: [{ field: 'id', code: 'already_resolved' }] });
    }
    const now = clock.now().toISOString();
    await trx.updateTable('sla_interventions').set({ status: 'resolved', note, resolved_at: now, resolved_by: actor.id }).where('id', '=', id).execute();
    await commandIn(trx, clock, { entity: 'sla_intervention', actorId: actor.id }).recorded(id, 'resolve', { before: { status: 'open' }, after: { status: 'resolved', note } });
    return { id, status: 'resolved' as const, note, resolvedAt: now, resolvedBy: actor.id };
  });
}

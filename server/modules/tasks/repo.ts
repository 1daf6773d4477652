import { presentTask } from './presenter.js';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Queryable } from '../../db/index.js';
import type { Database, TasksTable } from '../../db/schema.js';
import { scopeFilter } from '../org/scope-sql.js';
import type { Scope } from '../org/scope.js';
import type { DayBounds } from './days.js';
import { movesTeamPaths } from '../../core/team-paths.js';

/** A deal inside the scope. Read here because tasks, activities and attachments all hang off deals. */
export function findDealInScope(db: Queryable, scope: Scope, id: string) {
  return db
    .selectFrom('deals')
    .where(scopeFilter(scope, 'deals'))
    .where('deals.id', '=', id)
    .select(['deals.id', 'deals.title', 'deals.customer_id', 'deals.owner_id', 'deals.team_path'])
    .executeTakeFirst();
}

export async function insertTask(db: Queryable, row: TasksTable) {
  await db.insertInto('tasks').values(row).execute();
}

/** Many task rows at once (the demo generator's bulk load: history without audit entries or events, by decision). */
export async function insertTaskRows(db: Queryable, rows: TasksTable[], batch = 400) {
  for (let i = 0; i < rows.length; i += batch) await db.insertInto('tasks').values(rows.slice(i, i + batch)).execute();
}

export async function updateTask(db: Queryable, id: string, values: Partial<TasksTable>) {
  await db.updateTable('tasks').set(values).where('id', '=', id).execute();
}

export interface TaskFilter {
  view: 'today' | 'overdue' | 'upcoming' | 'all';
  assigneeId?: string;
  status?: string;
  customerId?: string;
  dealId?: string;
  id?: string;
}

function filterExpr(filter: TaskFilter, bounds: DayBounds) {
  return (eb: ExpressionBuilder<Database, 'tasks'>): Expression<SqlBool> => {
    const parts: Expression<SqlBool>[] = [];
    if (filter.id) parts.push(eb('tasks.id', '=', filter.id));
    if (filter.assigneeId) parts.push(eb('tasks.assignee_id', '=', filter.assigneeId));
    if (filter.customerId) parts.push(eb('tasks.customer_id', '=', filter.customerId));
    if (filter.dealId) parts.push(eb('tasks.deal_id', '=', filter.dealId));
    if (filter.view !== 'all') {
      parts.push(eb('tasks.status', '=', 'open'));
      if (filter.view === 'overdue') parts.push(eb('tasks.due_at', '<', bounds.todayStart));
      if (filter.view === 'today') parts.push(eb('tasks.due_at', '>=', bounds.todayStart), eb('tasks.due_at', '<', bounds.tomorrowStart));
      if (filter.view === 'upcoming') parts.push(eb.or([eb('tasks.due_at', '>=', bounds.tomorrowStart), eb('tasks.due_at', 'is', null)]));
    }
    if (filter.status) parts.push(eb('tasks.status', '=', filter.status));
    return parts.length > 0 ? eb.and(parts) : sql<SqlBool>`1 = 1`;
  };
}

export async function listTasks(db: Queryable, scope: Scope, filter: TaskFilter, bounds: DayBounds, page: { offset: number; limit: number }) {
  const where = filterExpr(filter, bounds);
  const rows = await db
    .selectFrom('tasks')
    .where(scopeFilter(scope, 'tasks', 'assignee_id'))
    .where(where)
    .innerJoin('users as assignee', 'assignee.id', 'tasks.assignee_id')
    .leftJoin('customers', 'customers.id', 'tasks.customer_id')
    .leftJoin('deals', 'deals.id', 'tasks.deal_id')
    .selectAll('tasks')
    .select(['assignee.display_name as assignee_name', 'customers.name as customer_name', 'deals.title as deal_title'])
    // Undated tasks last on both databases (their NULL ordering differs), then soonest due first.
    .orderBy(sql`case when tasks.due_at is null then 1 else 0 end`)
    .orderBy('tasks.due_at')
    .orderBy('tasks.created_at')
    .orderBy('tasks.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('tasks')
    .where(scopeFilter(scope, 'tasks', 'assignee_id'))
    .where(where)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map((r) => presentTask(r, bounds)), total: Number(count.n) };
}

export async function findTask(db: Queryable, scope: Scope, id: string, bounds: DayBounds) {
  const { items } = await listTasks(db, scope, { view: 'all', id }, bounds, { offset: 0, limit: 1 });
  return items[0];
}

export type TaskRow = TasksTable & { assignee_name: string; customer_name: string | null; deal_title: string | null };

/** Hook `org.ownerMoved`: tasks copy their assignee's team path (scope column, not a record change: no audit). */
export async function retagOwnerTeam(db: Queryable, userId: string, teamPath: string): Promise<void> {
  await db.updateTable('tasks').set({ team_path: teamPath }).where('assignee_id', '=', userId).execute();
}

/** Hook `org.teamMoved`: the scope paths of this module's rows follow a moved team's subtree (core/team-paths.ts). */
export const moveTeamPaths = movesTeamPaths([['tasks', 'team_path']]);

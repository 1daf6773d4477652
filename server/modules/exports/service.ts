/**
 * List exports (customers, deals, activities, tasks): every row of the list in the caller's scope, streamed in
 * keyset batches, hidden fields dropped (support's deal export has no amount column).
 */
import { DateTime } from 'luxon';
import type { Clock } from '../../core/clock.js';
import { invalid, type Lang } from '../../core/errors.js';
import { hiddenKeys, scopeOf, type Actor } from '../../core/policy.js';
import type { Db } from '../../db/index.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import * as repo from './repo.js';
import type { ListExportName, ListExportQuery } from './schema.js';
import { aboutSheet, spreadsheetStream, visibleColumns, type Column } from './workbook.js';

const BATCH = 2000;

type Label = [key: string, zh: string, en: string];
const COLUMNS: Record<ListExportName, Label[]> = {
  deals: [
    ['id', 'ID', 'Id'], ['title', '商机', 'Deal'], ['customer', '客户', 'Customer'], ['owner', '负责人', 'Owner'], ['pipeline', '流程', 'Pipeline'],
    ['stage', '阶段', 'Stage'], ['status', '状态', 'Status'], ['amountFen', '金额（分）', 'Amount (fen)'], ['expectedCloseDate', '预计成交日期', 'Expected close'],
    ['stageEnteredAt', '进入阶段时间', 'Stage entered'], ['createdAt', '创建时间', 'Created'], ['updatedAt', '更新时间', 'Updated'],
  ],
  customers: [
    ['id', 'ID', 'Id'], ['name', '客户', 'Customer'], ['kind', '类型', 'Kind'], ['phone', '电话', 'Phone'], ['industry', '行业', 'Industry'], ['level', '等级', 'Level'],
    ['region', '区域', 'Region'], ['source', '来源', 'Source'], ['creditCode', '信用代码', 'Credit code'], ['owner', '负责人', 'Owner'], ['createdAt', '创建时间', 'Created'], ['updatedAt', '更新时间', 'Updated'],
  ],
  activities: [
    ['id', 'ID', 'Id'], ['type', '类型', 'Type'], ['occurredAt', '发生时间', 'Occurred'], ['customer', '客户', 'Customer'], ['owner', '负责人', 'Owner'], ['summary', '摘要', 'Summary'],
    ['outcome', '结果', 'Outcome'], ['nextAction', '下一步', 'Next action'], ['nextActionAt', '下一步时间', 'Next action at'], ['effective', '有效互动', 'Effective'], ['dealId', '商机 ID', 'Deal id'],
  ],
  tasks: [
    ['id', 'ID', 'Id'], ['title', '任务', 'Task'], ['assignee', '执行人', 'Assignee'], ['status', '状态', 'Status'], ['dueAt', '到期', 'Due'], ['completedAt', '完成时间', 'Completed'],
    ['customer', '客户', 'Customer'], ['dealId', '商机 ID', 'Deal id'], ['createdAt', '创建时间', 'Created'],
  ],
};

const TITLES: Record<ListExportName, { zh: string; en: string }> = {
  deals: { zh: '商机', en: 'Deals' },
  customers: { zh: '客户', en: 'Customers' },
  activities: { zh: '活动', en: 'Activities' },
  tasks: { zh: '任务', en: 'Tasks' },
};

export async function exportList(db: Db, clock: Clock, actor: Actor, list: ListExportName, query: ListExportQuery, defaultTimeZone: string, lang: Lang, onError: (err: unknown) => void) {
  const scope = scopeOf(actor);
  const calendar = await loadWorkCalendar(db, defaultTimeZone);
  const zone = calendar.settings.timeZone;
  const filters: ListExportQuery & { teamPath?: string; fromAt?: string; toAt?: string } = { ...query };
  if (query.teamId) {
    const team = await repo.teamPathOf(db, query.teamId);
    if (!team) throw invalid('teamId', 'invalid');
    filters.teamPath = team.path;
  }
  if (query.from) filters.fromAt = DateTime.fromISO(query.from, { zone }).toUTC().toJSDate().toISOString();
  if (query.to) filters.toAt = DateTime.fromISO(query.to, { zone }).plus({ days: 1 }).toUTC().toJSDate().toISOString();
  const columns: Column[] = visibleColumns(
    COLUMNS[list].map(([key, zh, en]) => ({ key, header: lang === 'zh' ? zh : en, width: key === 'id' || key === 'dealId' ? 38 : 18 })),
    hiddenKeys(actor),
  );
  const batchOf = { deals: repo.dealBatch, customers: repo.customerBatch, activities: repo.activityBatch, tasks: repo.taskBatch }[list];
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const batch = (await batchOf(db, scope, filters, after, BATCH)) as Array<Record<string, unknown> & { id: string }>;
      if (batch.length === 0) return;
      yield batch;
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1].id;
    }
  }
  const records = { name: TITLES[list][lang], columns, rows: rows() };
  const now = clock.now().toISOString();
  const { format, ...shown } = query;
  const sheets =
    format === 'csv'
      ? [records]
      : [aboutSheet({ title: TITLES[list][lang], user: actor.displayName, role: actor.role, scope: scope.kind === 'all' ? 'all' : scope.kind === 'subtree' ? `subtree ${scope.path}` : `own ${scope.userId}`, asOf: now, timeZone: zone, filters: shown }, lang), records];
  return { stream: spreadsheetStream(format, sheets, onError), filename: `${list}.${format}`, format };
}

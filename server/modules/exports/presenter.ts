/**
 * How the list exports present each list: its sheet title and columns (zh/en headers) in the order they print, with
 * the caller's hidden fields dropped (support's deal export has no amount column). The repo selects these keys.
 */
import type { Lang } from '../../core/errors.js';
import type { ListExportName } from './schema.js';
import { visibleColumns, type Column } from './workbook.js';

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

/** The columns of a list as the caller may see them, headed in their language. */
export function exportColumns(list: ListExportName, lang: Lang, hidden: Set<string>): Column[] {
  return visibleColumns(
    COLUMNS[list].map(([key, zh, en]) => ({ key, header: lang === 'zh' ? zh : en, width: key === 'id' || key === 'dealId' ? 38 : 18 })),
    hidden,
  );
}

export const exportTitle = (list: ListExportName, lang: Lang) => TITLES[list][lang];

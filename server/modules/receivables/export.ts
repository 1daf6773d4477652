/** The ageing and its instalments as one .xlsx (reusing exports/workbook.ts): About, groups, instalments. */
import { hiddenKeys, type Actor } from '../../core/policy.js';
import type { Lang } from '../../core/errors.js';
import { aboutSheet, spreadsheetStream, visibleColumns, type Column } from '../exports/workbook.js';
import type { MoneyDeps } from '../contracts/service.js';
import { BUCKETS } from '../contracts/ledger.js';
import { ageing, instalmentsOf, type GroupBy } from './ageing.js';
import { BUCKET_NAMES } from './presenter.js';

const yuanOf = (fen: number | undefined) => (fen === undefined ? undefined : fen / 100);

export async function exportAgeing(deps: MoneyDeps, actor: Actor, query: { asOf?: string; groupBy: GroupBy }, lang: Lang, onError: (err: unknown) => void) {
  const report = await ageing(deps, actor, query);
  const { items } = await instalmentsOf(deps, actor, { asOf: report.asOf, groupBy: query.groupBy });
  const zh = lang === 'zh';
  const hidden = hiddenKeys(actor);
  const groupColumns: Column[] = [
    { key: 'name', header: zh ? { customer: '客户', seller: '销售', team: '团队' }[query.groupBy] : query.groupBy, width: 28 },
    ...BUCKETS.map((b) => ({ key: b, header: `${BUCKET_NAMES[b][lang]}（元）`, width: 16 })),
    { key: 'totalFen', header: zh ? '合计（元）' : 'Total (yuan)' },
    { key: 'contracts', header: zh ? '合同数' : 'Contracts' },
    { key: 'contractsOver90', header: zh ? '逾期90天以上合同数' : 'Contracts 90+' },
  ];
  const lineColumns: Column[] = [
    { key: 'contract', header: zh ? '合同编号' : 'Contract', width: 18 },
    { key: 'customer', header: zh ? '客户' : 'Customer', width: 28 },
    { key: 'owner', header: zh ? '销售' : 'Seller' },
    { key: 'team', header: zh ? '团队' : 'Team' },
    { key: 'seq', header: zh ? '期次' : 'Instalment', width: 8 },
    { key: 'dueDate', header: zh ? '约定付款日' : 'Due date' },
    { key: 'effectiveDueDate', header: zh ? '实际到期日' : 'Effective due' },
    { key: 'daysPastDue', header: zh ? '逾期天数' : 'Days past due' },
    { key: 'bucket', header: zh ? '账龄' : 'Bucket' },
    { key: 'amountFen', header: zh ? '本期金额（元）' : 'Amount (yuan)' },
    { key: 'paidFen', header: zh ? '已收（元）' : 'Paid (yuan)' },
    { key: 'outstandingFen', header: zh ? '未收（元）' : 'Outstanding (yuan)' },
  ];
  const groups = report.groups.map((g) => ({ ...g, ...Object.fromEntries(BUCKETS.map((b) => [b, yuanOf(g[b])])), totalFen: yuanOf(g.totalFen) }));
  const lines = items.map((i) => ({ ...i, contract: i.contract.number, customer: i.customer.name, owner: i.owner.name, team: i.team.name, bucket: BUCKET_NAMES[i.bucket][lang], amountFen: yuanOf(i.amountFen), paidFen: yuanOf(i.paidFen), outstandingFen: yuanOf(i.outstandingFen) }));
  const about = aboutSheet(
    {
      title: zh ? '应收账龄' : 'Receivables ageing',
      user: actor.displayName,
      role: actor.role,
      scope: actor.teamPath,
      asOf: report.asOf,
      timeZone: deps.config.timeZone,
      filters: { groupBy: query.groupBy },
      notes: [
        zh ? `逾期90天以上合同占比：${report.over90.over90}/${report.over90.contracts}` : `Contracts with a balance 90+ days overdue: ${report.over90.over90}/${report.over90.contracts}`,
        `DSO: ${report.dso.dso ?? '-'}`,
      ],
    },
    lang,
  );
  const stream = spreadsheetStream(
    'xlsx',
    [about, { name: zh ? '账龄汇总' : 'Ageing', columns: visibleColumns(groupColumns, hidden), rows: [groups] }, { name: zh ? '明细' : 'Instalments', columns: visibleColumns(lineColumns, hidden), rows: [lines] }],
    onError,
  );
  return { stream, filename: `ageing-${report.asOf}.xlsx` };
}

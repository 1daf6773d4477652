/**
 * The ageing as one .xlsx (reusing exports/workbook.ts), from the same rows as the figures and their drill-downs
 * (drill.ts): About, the groups (账龄汇总), the instalments behind the chosen figure (明细: `key` / `bucket`), the
 * payments behind "collected this month" (本月回款: `sellerId`) and the contracts behind DSO's sales (DSO销售额).
 */
import { hiddenKeys, type Actor } from '../../core/policy.js';
import type { Lang } from '../../core/errors.js';
import { aboutSheet, spreadsheetStream, visibleColumns, type Column } from '../exports/workbook.js';
import type { MoneyDeps } from '../contracts/service.js';
import { BUCKETS } from '../contracts/ledger.js';
import { ageingFigures } from './ageing.js';
import { collectedRows, instalmentRows, loadAgeing, salesRows, type InstalmentFilter } from './drill.js';
import { BUCKET_NAMES } from './presenter.js';

const yuanOf = (fen: number | undefined) => (fen === undefined ? undefined : fen / 100);

export type AgeingExportQuery = { asOf?: string; sellerId?: string } & InstalmentFilter;

export async function exportAgeing(deps: MoneyDeps, actor: Actor, query: AgeingExportQuery, lang: Lang, onError: (err: unknown) => void) {
  const data = await loadAgeing(deps, actor, query.asOf);
  const report = ageingFigures(data, query.groupBy);
  const zh = lang === 'zh';
  const hidden = hiddenKeys(actor);
  const col = (key: string, zhHeader: string, en: string, width?: number): Column => ({ key, header: zh ? zhHeader : en, ...(width ? { width } : {}) });
  const groupColumns: Column[] = [
    { key: 'name', header: zh ? { customer: '客户', seller: '销售', team: '团队' }[query.groupBy] : query.groupBy, width: 28 },
    ...BUCKETS.map((b) => ({ key: b, header: `${BUCKET_NAMES[b][lang]}${zh ? '（元）' : ' (yuan)'}`, width: 16 })),
    col('totalFen', '合计（元）', 'Total (yuan)'),
    col('contracts', '合同数', 'Contracts'),
    col('contractsOver90', '逾期90天以上合同数', 'Contracts 90+'),
  ];
  const common = [col('contract', '合同编号', 'Contract', 18), col('customer', '客户', 'Customer', 28)];
  const lineColumns: Column[] = [
    ...common,
    col('owner', '销售', 'Seller'),
    col('team', '团队', 'Team'),
    col('seq', '期次', 'Instalment', 8),
    col('dueDate', '约定付款日', 'Due date'),
    col('effectiveDueDate', '实际到期日', 'Effective due'),
    col('daysPastDue', '逾期天数', 'Days past due'),
    col('bucket', '账龄', 'Bucket'),
    col('amountFen', '本期金额（元）', 'Amount (yuan)'),
    col('paidFen', '已收（元）', 'Paid (yuan)'),
    col('outstandingFen', '未收（元）', 'Outstanding (yuan)'),
  ];
  const collectedColumns: Column[] = [
    col('receivedOn', '到账日期', 'Received on'),
    ...common,
    col('seller', '销售', 'Seller'),
    col('team', '团队', 'Team'),
    col('kind', '类型', 'Kind', 10),
    col('method', '方式', 'Method'),
    col('reference', '银行流水号', 'Reference', 20),
    col('amountFen', '金额（元）', 'Amount (yuan)'),
  ];
  const salesColumns: Column[] = [col('signedAt', '签订日期', 'Signed on'), ...common, col('owner', '销售', 'Seller'), col('team', '团队', 'Team'), col('amountFen', '合同金额（元）', 'Amount (yuan)')];
  const groups = report.groups
    .filter((g) => !query.key || g.key === query.key)
    .map((g) => ({ ...g, ...Object.fromEntries(BUCKETS.map((b) => [b, yuanOf(g[b])])), totalFen: yuanOf(g.totalFen) }));
  const lines = instalmentRows(data, query).map((i) => ({
    ...i,
    contract: i.contract.number,
    customer: i.customer.name,
    owner: i.owner.name,
    team: i.team.name,
    bucket: BUCKET_NAMES[i.bucket][lang],
    amountFen: yuanOf(i.amountFen),
    paidFen: yuanOf(i.paidFen),
    outstandingFen: yuanOf(i.outstandingFen),
  }));
  const kinds = { payment: zh ? '回款' : 'payment', reversal: zh ? '冲销' : 'reversal' };
  const collected = collectedRows(data, query.sellerId).map((p) => ({ ...p, contract: p.contract.number, customer: p.customer.name, seller: p.seller.name, team: p.team.name, kind: kinds[p.kind], amountFen: yuanOf(p.amountFen) }));
  const sales = salesRows(data).map((s) => ({ ...s, contract: s.contract.number, customer: s.customer.name, owner: s.owner.name, team: s.team.name, amountFen: yuanOf(s.amountFen) }));
  const about = aboutSheet(
    {
      title: zh ? '应收账龄' : 'Receivables ageing',
      user: actor.displayName,
      role: actor.role,
      scope: actor.teamPath,
      asOf: report.asOf,
      timeZone: deps.config.timeZone,
      filters: { groupBy: query.groupBy, key: query.key, bucket: query.bucket, sellerId: query.sellerId },
      notes: [
        zh ? `逾期90天以上合同占比：${report.over90.over90}/${report.over90.contracts}` : `Contracts with a balance 90+ days overdue: ${report.over90.over90}/${report.over90.contracts}`,
        zh ? `本月回款：${data.monthFrom} 至 ${data.asOf}` : `Collected this month: ${data.monthFrom} to ${data.asOf}`,
        zh ? `DSO：${report.dso.dso ?? '-'}（销售额为 ${data.salesFrom} 至 ${data.asOf} 签订的合同）` : `DSO: ${report.dso.dso ?? '-'} (sales: contracts signed ${data.salesFrom} to ${data.asOf})`,
      ],
    },
    lang,
  );
  const sheet = (zhName: string, en: string, columns: Column[], rows: Array<Record<string, unknown>>) => ({ name: zh ? zhName : en, columns: visibleColumns(columns, hidden), rows: [rows] });
  const stream = spreadsheetStream(
    'xlsx',
    [
      about,
      sheet('账龄汇总', 'Ageing', groupColumns, groups),
      sheet('明细', 'Instalments', lineColumns, lines),
      sheet('本月回款', 'Collected this month', collectedColumns, collected),
      sheet('DSO销售额', 'DSO sales', salesColumns, sales),
    ],
    onError,
  );
  return { stream, filename: `ageing-${report.asOf}.xlsx` };
}

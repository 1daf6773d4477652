/**
 * Generator of the import benchmark's files (issue 13): a customers sheet of --rows (100,000) rows × 24 columns as
 * .xlsx (exceljs streaming writer) and the same rows as GBK CSV, with 3 % planted bad rows of various kinds:
 * scientific-notation phones, wrong credit-code check characters, missing names, unknown owners, bad e-mails, bad
 * amounts, impossible dates, select values that do not exist, and rows repeating an earlier customer.
 * Deterministic (seeded), so two runs produce the same files.
 */
import { createWriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { creditCodeCheckOk } from '../server/modules/customers/rules.js';

export const HEADERS = [
  '客户名称', '客户类型', '手机号', '统一社会信用代码', '地区', '行业', '来源', '级别', '负责人', '联系人', '联系人电话', '职位', '邮箱',
  '年度预算', '签约日期', '员工人数', '客户评级', '备注', '网址', '地址', '开户行', '账号', '传真', '邮编',
];

/** Custom fields the sheet's last 11 columns map to (created by the bench before importing). */
export const CUSTOM_FIELDS = [
  { key: 'budget', label: '年度预算', type: 'money' },
  { key: 'signed_on', label: '签约日期', type: 'date' },
  { key: 'headcount', label: '员工人数', type: 'number' },
  { key: 'rating', label: '客户评级', type: 'select', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }, { value: 'c', label: 'C' }] },
  { key: 'note', label: '备注', type: 'text' },
  { key: 'website', label: '网址', type: 'text' },
  { key: 'address', label: '地址', type: 'text' },
  { key: 'bank', label: '开户行', type: 'text' },
  { key: 'account', label: '账号', type: 'text' },
  { key: 'fax', label: '传真', type: 'text' },
  { key: 'postcode', label: '邮编', type: 'text' },
] as const;

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'];
const INDUSTRIES = ['医院', '制造业', '教育', '零售', '互联网', '金融', '诊所'];
const SOURCES = ['展会', '官网', '转介绍', '电话营销', '招投标'];

function creditCode(n: number): string {
  const body = `9133${String(n).padStart(13, '0')}`;
  for (const c of ALPHABET) if (creditCodeCheckOk(body + c)) return body + c;
  throw new Error('no check character');
}

/** A tiny deterministic generator (mulberry32). */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BAD_KINDS = ['sci_phone', 'check_digit', 'no_name', 'owner', 'email', 'amount', 'date', 'select', 'duplicate'] as const;

/** Row i (0-based) of the sheet and, for planted rows, what is wrong with it. */
export function rowOf(i: number, owners: string[], random: () => number): { cells: Array<string | number>; bad: string | null } {
  const n = i + 1;
  const cells: Array<string | number> = [
    `测试客户${n}号科技有限公司`,
    n % 10 === 0 ? '个人' : '公司',
    `1${String(3000000000 + n).padStart(10, '0')}`,
    creditCode(n),
    REGIONS[n % REGIONS.length]!,
    INDUSTRIES[n % INDUSTRIES.length]!,
    SOURCES[n % SOURCES.length]!,
    ['A', 'B', 'C'][n % 3]!,
    owners[n % owners.length]!,
    `联系人${n}`,
    `1${String(5000000000 + n).padStart(10, '0')}`,
    '采购经理',
    `buyer${n}@example.com`,
    // Full-width ￥: the half-width ¥ (U+00A5) does not exist in GBK, so the GBK CSV would turn it into '?'.
    `￥${(n % 900) + 100},${String(n % 1000).padStart(3, '0')}.50`,
    `2026/${(n % 12) + 1}/${(n % 28) + 1}`,
    String((n % 500) + 5),
    ['A', 'B', 'C'][n % 3]!,
    `第 ${n} 行的备注`,
    `https://c${n}.example.com`,
    `浙江省杭州市西湖区文三路 ${n} 号`,
    '中国工商银行杭州分行',
    `6222${String(n).padStart(12, '0')}`,
    `0571-8${String(n % 10000000).padStart(7, '0')}`,
    String(310000 + (n % 1000)),
  ];
  // 3 % of rows are bad, spread over the kinds.
  if (random() >= 0.03) return { cells, bad: null };
  const bad = BAD_KINDS[Math.floor(random() * BAD_KINDS.length)]!;
  if (bad === 'sci_phone') cells[2] = '1.38E+10';
  if (bad === 'check_digit') cells[3] = String(cells[3]).slice(0, 17) + (String(cells[3]).endsWith('0') ? '1' : '0');
  if (bad === 'no_name') cells[0] = '';
  if (bad === 'owner') cells[8] = '不存在的人';
  if (bad === 'email') cells[12] = 'not-an-email';
  if (bad === 'amount') cells[13] = '一千元';
  if (bad === 'date') cells[14] = '2026-02-30';
  if (bad === 'select') cells[16] = 'Z';
  if (bad === 'duplicate' && i > 0) {
    // The same customer as the row before (same credit code and phone), other spelling of the name.
    cells[0] = `测试客户${n - 1}号科技`;
    cells[2] = `1${String(3000000000 + n - 1).padStart(10, '0')}`;
    cells[3] = creditCode(n - 1);
  }
  return { cells, bad };
}

export async function writeFiles(rows: number, owners: string[], xlsxPath: string, csvPath: string): Promise<Record<string, number>> {
  const planted: Record<string, number> = {};
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('客户');
  const csv = createWriteStream(csvPath);
  const write = (line: string) => new Promise<void>((resolve) => (csv.write(iconv.encode(line, 'gbk')) ? resolve() : csv.once('drain', () => resolve())));
  const csvCell = (v: string | number) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  sheet.addRow(HEADERS).commit();
  await write(HEADERS.join(',') + '\r\n');
  const random = rng(13);
  for (let i = 0; i < rows; i++) {
    const { cells, bad } = rowOf(i, owners, random);
    if (bad) planted[bad] = (planted[bad] ?? 0) + 1;
    sheet.addRow(cells).commit();
    await write(cells.map(csvCell).join(',') + '\r\n');
  }
  sheet.commit();
  await workbook.commit();
  await new Promise<void>((resolve) => csv.end(() => resolve()));
  return planted;
}

export const CONTRACT_BAD_KINDS = ['plan_sum', 'deal_unknown', 'method', 'duplicate_number', 'date'] as const;
const METHODS = ['电汇', '银行承兑汇票', '商业承兑汇票', '信用证', '现金'];

/**
 * The contracts line of the bench: `rows` customers (one won deal each, imported first as customers and deals files)
 * and one contract per deal with 1–12 instalment columns (第N期付款日/金额/付款方式), every 4th an equal split
 * (分期数 + 首期付款日) instead, and 3 % planted bad rows: plans that do not sum, unknown deals, unknown payment methods,
 * repeated contract numbers, impossible dates.
 */
export async function writeContractFiles(rows: number, owners: string[], paths: { customers: string; deals: string; contracts: string }): Promise<Record<string, number>> {
  const planted: Record<string, number> = {};
  const open = (path: string, name: string) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
    return { workbook, sheet: workbook.addWorksheet(name) };
  };
  const customers = open(paths.customers, '客户');
  const deals = open(paths.deals, '商机');
  const contracts = open(paths.contracts, '合同');
  customers.sheet.addRow(['客户名称', '手机号', '负责人']).commit();
  deals.sheet.addRow(['商机名称', '客户名称', '状态', '金额', '成交日期']).commit();
  const instalmentHeaders = Array.from({ length: 12 }, (_, k) => [`第${k + 1}期付款日`, `第${k + 1}期金额`, `第${k + 1}期付款方式`]).flat();
  contracts.sheet.addRow(['合同编号', '客户名称', '商机名称', '签订日期', '合同金额', ...instalmentHeaders, '分期数', '首期付款日']).commit();
  const random = rng(10);
  for (let i = 0; i < rows; i++) {
    const n = i + 1;
    const customer = `合同测试客户${n}号有限公司`;
    const title = `设备采购${n}`;
    const signed = `2026-${String((n % 9) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
    const parts = (n % 12) + 1;
    const amountFen = parts * ((n % 50) + 1) * 1_000_00 + (n % 7) * 100;
    customers.sheet.addRow([customer, `1${String(6000000000 + n).padStart(10, '0')}`, owners[n % owners.length]!]).commit();
    deals.sheet.addRow([title, customer, '赢单', amountFen / 100, signed]).commit();
    const split = n % 4 === 0;
    const plan: Array<string | number> = [];
    if (!split) {
      const share = Math.floor(amountFen / parts);
      for (let k = 0; k < parts; k++) {
        const fen = k === parts - 1 ? amountFen - share * (parts - 1) : share;
        plan.push(`2026-${String(((n + k) % 12) + 1).padStart(2, '0')}-15`, (fen / 100).toFixed(2), METHODS[(n + k) % METHODS.length]!);
      }
    }
    const cells: Array<string | number> = [`HT-BENCH-${String(n).padStart(7, '0')}`, customer, title, signed, `¥${(amountFen / 100).toFixed(2)}`, ...plan];
    while (cells.length < 5 + 36) cells.push('');
    cells.push(split ? parts : '', split ? '2026-10-15' : '');
    // Planted on instalment rows only (an equal split always sums): 4 % of the three in four rows = 3 % of the file.
    if (!split && random() < 0.04) {
      const bad = CONTRACT_BAD_KINDS[Math.floor(random() * CONTRACT_BAD_KINDS.length)]!;
      planted[bad] = (planted[bad] ?? 0) + 1;
      if (bad === 'plan_sum') cells[4] = `¥${(amountFen / 100 + 1).toFixed(2)}`;
      if (bad === 'deal_unknown') cells[2] = `不存在的商机${n}`;
      if (bad === 'method') cells[7] = '飞鸽传书';
      if (bad === 'duplicate_number' && i > 0) cells[0] = `HT-BENCH-${String(n - 1).padStart(7, '0')}`;
      if (bad === 'date') cells[3] = '2026-02-30';
    }
    contracts.sheet.addRow(cells).commit();
  }
  for (const f of [customers, deals, contracts]) {
    f.sheet.commit();
    await f.workbook.commit();
  }
  return planted;
}

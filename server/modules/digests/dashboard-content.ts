/**
 * A dashboard subscription's robot message: for each subscribed metric its first table as displayed on the dashboard
 * (rows cut to fit the robots' markdown limit), and a link that opens the dashboard with the same filters, where
 * every figure drills down to its records. Pure.
 */
import { DateTime } from 'luxon';
import type { Msg } from '../../../shared/messages.js';
import { MARKDOWN_BUDGET_BYTES } from './content.js';

export interface DashboardTable {
  title: Msg;
  columns: Array<{ key: string; title: Msg }>;
  rows: Array<Record<string, unknown>>;
}

export interface DashboardFigures {
  asOf: string;
  timeZone: string;
  items: Array<{ name: string; title: Msg; tables: DashboardTable[] }>;
}

type Locale = 'zh-CN' | 'en';
const MAX_COLUMNS = 4;

function value(v: unknown, en: boolean): string {
  if (v == null || v === '') return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === 'boolean') return v ? (en ? 'yes' : '是') : en ? 'no' : '否';
  return String(v).replace(/[\r\n]+/g, ' ').replace(/([[\]()*_`])/g, '\\$1');
}

export function dashboardMarkdown(name: string, figures: DashboardFigures, link: string, locale: Locale, late: boolean): { title: string; body: string } {
  const en = locale === 'en';
  const lang = en ? 'en' : 'zh';
  const render = (maxRows: number) => {
    const lines: string[] = late ? [en ? '> Sent late: the server was down at the scheduled time.' : '> 迟发：计划发送时服务器未运行。'] : [];
    for (const item of figures.items) {
      lines.push(`**${item.title[lang]}**`);
      const table = item.tables[0];
      if (!table || !table.rows.length) {
        lines.push(en ? '- no data' : '- 暂无数据');
        continue;
      }
      const [label, ...rest] = table.columns;
      const shown = rest.slice(0, MAX_COLUMNS - 1);
      for (const row of table.rows.slice(0, maxRows)) {
        lines.push(`- ${value(row[label!.key], en)}${en ? ': ' : '：'}${shown.map((c) => `${c.title[lang]} ${value(row[c.key], en)}`).join(' · ')}`);
      }
      if (table.rows.length > maxRows) lines.push(en ? `- … ${table.rows.length - maxRows} more` : `- …另有 ${table.rows.length - maxRows} 行`);
    }
    lines.push('', en ? `[Open the dashboard: every figure opens its records](${link})` : `[打开仪表盘：每个数字都可点开明细](${link})`);
    return lines.join('\n');
  };
  let body = render(8);
  for (let max = 7; max >= 1 && Buffer.byteLength(body) > MARKDOWN_BUDGET_BYTES; max--) body = render(max);
  const day = DateTime.fromISO(figures.asOf, { zone: figures.timeZone }).toISODate();
  return { title: en ? `Dashboard · ${name} · ${day}` : `仪表盘 · ${name} · ${day}`, body };
}

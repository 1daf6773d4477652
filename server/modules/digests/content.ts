/**
 * The daily digest (顾问日清) of one store/team: figures fetched by the repo go in, the content as shown in the app
 * and the robot markdown in zh-CN and English come out. Every link is absolute (public base URL), so a click in the
 * robot's group opens the record. Pure: no I/O, unit-tested.
 */
import type { AnyActor } from '../../core/policy.js';
import { redactFor } from '../../core/redact.js';
import { absoluteLink, type Locale } from '../channels/templates.js';

export type RecordType = 'customer' | 'deal' | 'task';

/** A record behind a figure: `path` is the app path (`/deals/<id>`). */
export interface RecordRef {
  type: RecordType;
  id: string;
  label: string;
  path: string;
}

export interface Metric {
  count: number;
  /** Money behind the figure (B2B digests: pipeline value, amount won), in fen. */
  amountFen?: number;
  /** The first records (the repo caps them), newest first. */
  records: RecordRef[];
}

export interface SellerFigure {
  userId: string;
  name: string;
  dealsWon: number;
  effectiveActivities: number;
  /** The seller's deals won that day: the "detail" behind a top-3 line. */
  wonDeals: RecordRef[];
}

/** A store's day: arrivals, deals, no-shows, new contacts, overdue tasks. */
export const METRIC_KEYS = ['arrivals', 'dealsWon', 'noShows', 'newContacts', 'overdueTasks'] as const;
/** A B2B team's day (issue 15 point 4): pipeline value, stage moves, amount won, overdue actions. */
export const B2B_METRIC_KEYS = ['pipelineValue', 'stageMoves', 'amountWon', 'overdueTasks'] as const;
export type MetricKey = (typeof METRIC_KEYS)[number] | (typeof B2B_METRIC_KEYS)[number];
export type DigestKind = 'store' | 'b2b';

export type DigestFigures = Partial<Record<MetricKey, Metric>> & {
  /** Which figures the team gets; absent = store (digests sent before B2B digests existed). */
  kind?: DigestKind;
  sellers: SellerFigure[];
};

export const keysOf = (kind: DigestKind | undefined): readonly MetricKey[] => (kind === 'b2b' ? B2B_METRIC_KEYS : METRIC_KEYS);

export interface DigestMeta {
  teamId: string;
  teamName: string;
  date: string;
  slot: string;
  late: boolean;
  publicUrl: string;
}

export interface LinkedRecord {
  type: RecordType;
  id: string;
  label: string;
  url: string;
}

export interface DigestLine {
  key: MetricKey;
  label: string;
  labelEn: string;
  count: number;
  amountFen?: number;
  /** This line on the digest page. */
  url: string;
  records: LinkedRecord[];
}

export interface TopSeller {
  rank: number;
  userId: string;
  name: string;
  dealsWon: number;
  effectiveActivities: number;
  records: LinkedRecord[];
}

export interface DigestContent {
  teamId: string;
  teamName: string;
  date: string;
  slot: string;
  late: boolean;
  url: string;
  kind?: DigestKind;
  lines: DigestLine[];
  topSellers: TopSeller[];
}

export const LABELS: Record<MetricKey | 'top', { 'zh-CN': string; en: string }> = {
  arrivals: { 'zh-CN': '今日到店', en: 'Arrivals today' },
  dealsWon: { 'zh-CN': '今日成交', en: 'Deals won' },
  noShows: { 'zh-CN': '未到店', en: 'No-shows' },
  newContacts: { 'zh-CN': '新增客户/联系人', en: 'New contacts' },
  overdueTasks: { 'zh-CN': '逾期任务', en: 'Overdue tasks' },
  pipelineValue: { 'zh-CN': '在手商机金额', en: 'Pipeline value' },
  stageMoves: { 'zh-CN': '今日阶段推进', en: 'Stage moves today' },
  amountWon: { 'zh-CN': '今日成交金额', en: 'Amount won today' },
  top: { 'zh-CN': 'TOP3 顾问', en: 'Top 3 sellers' },
};

/** Ranked by deals won, then effective activities, then name; a seller with neither is not a "top" seller. */
export function topSellers(sellers: SellerFigure[], n = 3): SellerFigure[] {
  return sellers
    .filter((s) => s.dealsWon > 0 || s.effectiveActivities > 0)
    .sort((a, b) => b.dealsWon - a.dealsWon || b.effectiveActivities - a.effectiveActivities || a.name.localeCompare(b.name, 'zh-CN') || a.userId.localeCompare(b.userId))
    .slice(0, n);
}

export function digestPath(teamId: string, date: string): string {
  return `/digests?team=${encodeURIComponent(teamId)}&date=${date}`;
}

export function buildDigest(figures: DigestFigures, meta: DigestMeta): DigestContent {
  const url = absoluteLink(meta.publicUrl, digestPath(meta.teamId, meta.date))!;
  const link = (r: RecordRef): LinkedRecord => ({ type: r.type, id: r.id, label: r.label, url: absoluteLink(meta.publicUrl, r.path)! });
  return {
    teamId: meta.teamId,
    teamName: meta.teamName,
    date: meta.date,
    slot: meta.slot,
    late: meta.late,
    url,
    kind: figures.kind ?? 'store',
    lines: keysOf(figures.kind).map((key) => {
      const metric = figures[key] ?? { count: 0, records: [] };
      return {
        key,
        label: LABELS[key]['zh-CN'],
        labelEn: LABELS[key].en,
        count: metric.count,
        ...(metric.amountFen !== undefined ? { amountFen: metric.amountFen } : {}),
        url: `${url}#${key}`,
        records: metric.records.map(link),
      };
    }),
    topSellers: topSellers(figures.sellers).map((s, i) => ({
      rank: i + 1,
      userId: s.userId,
      name: s.name,
      dealsWon: s.dealsWon,
      effectiveActivities: s.effectiveActivities,
      records: s.wonDeals.map(link),
    })),
  };
}

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** Names go inside markdown link text: brackets would end the link early. */
const mdText = (s: string) => s.replace(/[[\]]/g, (c) => (c === '[' ? '［' : '］')).replace(/[\r\n]+/g, ' ').slice(0, 40);

/** WeCom markdown takes 4,096 bytes with the title; the link line appended by the outbox needs room too. */
export const MARKDOWN_BUDGET_BYTES = 3_400;

export function digestTitle(content: Pick<DigestContent, 'teamName' | 'date' | 'late'>, locale: Locale): string {
  return locale === 'en'
    ? `Daily digest · ${content.teamName} · ${content.date}${content.late ? ' (late)' : ''}`
    : `【顾问日清】${content.teamName} ${content.date}${content.late ? '（迟发）' : ''}`;
}

/**
 * The robot markdown: one line per figure with its count linking to the digest page and up to `perLine` records
 * linking to themselves, then the top 3. If the text outgrows the budget, record links are dropped line by line
 * (counts and their links always stay).
 */
export function renderMarkdown(content: DigestContent, locale: Locale, perLine = 3): { title: string; body: string } {
  const en = locale === 'en';
  const sep = en ? ', ' : '、';
  const colon = en ? ': ' : '：';
  const render = (maxRecords: number) => {
    const lines = content.lines.map((line) => {
      const label = en ? line.labelEn : line.label;
      const shown = line.records.slice(0, maxRecords).map((r) => `[${mdText(r.label)}](${r.url})`);
      const more = line.count > shown.length && shown.length ? (en ? ` +${line.count - shown.length}` : ` 等${line.count}条`) : '';
      const figure = line.amountFen !== undefined ? `${yuan(line.amountFen)}${en ? ` (${line.count})` : `（${line.count} 单）`}` : String(line.count);
      return `- ${label}${colon}[${figure}](${line.url})${shown.length ? ` · ${shown.join(sep)}${more}` : ''}`;
    });
    const top = content.topSellers.map((s) => {
      const figures = en ? `won ${s.dealsWon}, effective activities ${s.effectiveActivities}` : `成交 ${s.dealsWon} · 有效跟进 ${s.effectiveActivities}`;
      const deals = s.records.slice(0, maxRecords).map((r) => `[${mdText(r.label)}](${r.url})`);
      return `${s.rank}. ${mdText(s.name)}${en ? ` (${figures})` : `（${figures}）`}${deals.length ? ` ${deals.join(sep)}` : ''}`;
    });
    const topLabel = en ? LABELS.top.en : LABELS.top['zh-CN'];
    const late = content.late ? [en ? '> Sent late: the server was down at the scheduled time.' : '> 迟发：计划发送时服务器未运行。'] : [];
    return [...late, ...lines, '', `**${topLabel}**`, ...(top.length ? top : [en ? 'None yet today' : '今日暂无'])].join('\n');
  };
  let body = render(perLine);
  for (let max = perLine - 1; max >= 0 && Buffer.byteLength(body) > MARKDOWN_BUDGET_BYTES; max--) body = render(max);
  return { title: digestTitle(content, locale), body };
}

/**
 * The digest as `reader` may see it: the same counts and records without the fields the policy hides from them
 * (RESTRICTED_FIELDS in core/policy.ts, applied by the one output layer core/redact.ts) — for support, every amount.
 * No list of its own here: a field restricted later is hidden in digests too. The very object comes back when
 * nothing is hidden from the reader, so a caller can tell whether the stored markdown may be shown as sent.
 */
export function withoutAmounts(content: DigestContent, reader: AnyActor): DigestContent {
  return redactFor(reader, content);
}

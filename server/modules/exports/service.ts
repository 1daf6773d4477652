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
import { canonicalCustomerValues } from '../dictionaries/service.js';
import * as repo from './repo.js';
import type { ListExportName, ListExportQuery } from './schema.js';
import { exportColumns, exportTitle } from './presenter.js';
import { aboutSheet, spreadsheetStream } from './workbook.js';

const BATCH = 2000;

export async function exportList(db: Db, clock: Clock, actor: Actor, list: ListExportName, query: ListExportQuery, defaultTimeZone: string, lang: Lang, onError: (err: unknown) => void) {
  const scope = scopeOf(actor);
  const calendar = await loadWorkCalendar(db, defaultTimeZone);
  const zone = calendar.settings.timeZone;
  // Segment values as the list reads them: a filter spelled "浙江" means the dictionary entry's key, as on screen.
  const segment = await canonicalCustomerValues(db, { region: query.region, industry: query.industry, level: query.level, source: query.source });
  const filters: ListExportQuery & { teamPath?: string; fromAt?: string; toAt?: string } = { ...query, ...segment };
  if (query.teamId) {
    const team = await repo.teamPathOf(db, query.teamId);
    if (!team) throw invalid('teamId', 'invalid');
    filters.teamPath = team.path;
  }
  if (query.from) filters.fromAt = DateTime.fromISO(query.from, { zone }).toUTC().toJSDate().toISOString();
  if (query.to) filters.toAt = DateTime.fromISO(query.to, { zone }).plus({ days: 1 }).toUTC().toJSDate().toISOString();
  const columns = exportColumns(list, lang, hiddenKeys(actor));
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
  const records = { name: exportTitle(list, lang), columns, rows: rows() };
  const now = clock.now().toISOString();
  const { format, ...shown } = query;
  const sheets =
    format === 'csv'
      ? [records]
      : [aboutSheet({ title: exportTitle(list, lang), user: actor.displayName, role: actor.role, scope: scope.kind === 'all' ? 'all' : scope.kind === 'subtree' ? `subtree ${scope.path}` : `own ${scope.userId}`, asOf: now, timeZone: zone, filters: shown }, lang), records];
  return { stream: spreadsheetStream(format, sheets, onError), filename: `${list}.${format}`, format };
}

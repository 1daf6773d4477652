/**
 * The full trail, exportable: one row per trail entry of every request the caller may see (same scope and
 * participant rule as the list), with the request's kind, deal, status, route version and values; CSV (UTF-8 BOM) or
 * .xlsx with an About sheet. Prices are dropped for roles that may not see amounts (RESTRICTED_FIELDS keys).
 */
import type { Lang } from '../../core/errors.js';
import { hiddenKeys, scopeOf, type Actor } from '../../core/policy.js';
import { aboutSheet, spreadsheetStream, visibleColumns, type Column } from '../exports/workbook.js';
import { parseJson } from '../../core/json.js';
import { today } from './flow.js';
import * as repo from './repo.js';
import { flowCtx, type ApprovalDeps } from './service.js';
import type { ExportQuery } from './schema.js';

const LIMIT = 5000;

export async function exportTrail(deps: ApprovalDeps, actor: Actor, query: ExportQuery, lang: Lang, onError: (err: unknown) => void) {
  const ctx = await flowCtx(deps, deps.db);
  const acting = [actor.id, ...(await repo.delegatorsTo(deps.db, actor.id, today(ctx)))];
  const filters: repo.ListFilters = {
    status: query.assignee === 'me' ? undefined : query.status,
    kind: query.kind,
    subjectId: query.dealId,
    requesterId: query.requester === 'me' ? actor.id : undefined,
    pendingFor: query.assignee === 'me' ? acting : undefined,
    scope: scopeOf(actor),
    participant: acting,
  };
  const requests = await repo.exportRequests(deps.db, filters, LIMIT);
  const trail = await repo.trailOf(deps.db, requests.map((r) => r.id));
  const users = new Map((await repo.usersByIds(deps.db, [...requests.map((r) => r.owner_id), ...trail.flatMap((t) => [t.actor_id ?? '', t.on_behalf_of ?? ''])].filter(Boolean))).map((u) => [u.id, u.display_name]));
  const titles = new Map((await repo.dealTitles(deps.db, requests.map((r) => r.subject_id))).map((d) => [d.id, d.title]));
  const byId = new Map(requests.map((r) => [r.id, r]));
  const zh = lang === 'zh';
  const columns: Column[] = [
    { key: 'requestId', header: zh ? '审批编号' : 'Request', width: 38 },
    { key: 'kind', header: zh ? '类型' : 'Kind' },
    { key: 'deal', header: zh ? '商机' : 'Deal', width: 24 },
    { key: 'requester', header: zh ? '申请人' : 'Requester' },
    { key: 'status', header: zh ? '当前状态' : 'Status' },
    { key: 'routeVersion', header: zh ? '路线版本' : 'Route version' },
    { key: 'netPriceFen', header: zh ? '成交价（分）' : 'Net price (fen)' },
    { key: 'discountBp', header: zh ? '折扣（基点）' : 'Discount (bp)' },
    { key: 'at', header: zh ? '时间' : 'At', width: 26 },
    { key: 'step', header: zh ? '步骤' : 'Step' },
    { key: 'action', header: zh ? '动作' : 'Action' },
    { key: 'actor', header: zh ? '操作人' : 'Actor' },
    { key: 'onBehalfOf', header: zh ? '代谁审批' : 'On behalf of' },
    { key: 'comment', header: zh ? '意见' : 'Comment', width: 40 },
  ];
  const rows = trail.map((t) => {
    const r = byId.get(t.request_id)!;
    const facts = parseJson<{ netPriceFen?: number; requestedDiscountBp?: number }>(r.facts, {});
    return {
      requestId: r.id,
      kind: r.kind,
      deal: titles.get(r.subject_id) ?? r.subject_id,
      requester: users.get(r.owner_id) ?? r.owner_id,
      status: r.status,
      routeVersion: r.route_version,
      netPriceFen: facts.netPriceFen,
      discountBp: facts.requestedDiscountBp,
      at: t.at,
      step: t.step_idx === null ? '' : t.step_idx + 1,
      action: t.action,
      actor: t.actor_id ? (users.get(t.actor_id) ?? t.actor_id) : zh ? '系统' : 'system',
      onBehalfOf: t.on_behalf_of ? (users.get(t.on_behalf_of) ?? t.on_behalf_of) : '',
      comment: t.comment ?? '',
    };
  });
  const sheet = { name: zh ? '审批记录' : 'Approval trail', columns: visibleColumns(columns, hiddenKeys(actor)), rows: [rows] };
  if (query.format === 'csv') return { stream: spreadsheetStream('csv', [sheet], onError), filename: 'approvals.csv', format: 'csv' as const };
  const about = aboutSheet(
    { title: zh ? '审批记录' : 'Approval trail', user: actor.displayName, role: actor.role, scope: scopeOf(actor).kind, asOf: deps.clock.now().toISOString(), timeZone: deps.config.timeZone, filters: { ...query }, notes: requests.length >= LIMIT ? [`first ${LIMIT} requests`] : [] },
    lang,
  );
  return { stream: spreadsheetStream('xlsx', [about, sheet], onError), filename: 'approvals.xlsx', format: 'xlsx' as const };
}

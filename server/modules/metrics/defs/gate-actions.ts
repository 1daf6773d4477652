/**
 * Gate actions as owed standard actions (for saturation): every checklist item of a stage's exit gate is an action
 * each stay in that stage owes. It falls due at the stay's first SLA deadline (the level-1 firing of the stage clock
 * anchored in the stay) — the stage should have been left by then, so its gate work should be done — or, when the
 * deal passed the gate before any deadline fired, at that exit. Done = the deal passed the gate before a deadline
 * fired (the gate refuses a move with an unticked item), or the item was ticked by the deadline; otherwise missed.
 * Stays left backward or lost before a deadline owed nothing. Checklist state is the deal's `checklist` JSON
 * (item → { done, at }).
 */
import { sql, type RawBuilder } from 'kysely';
import { dealWhere, historyJoin, type MetricContext } from '../context.js';
import type { FactRow } from '../framework.js';
import { weekSql } from '../sqlparts.js';

/** The item (a column holding its key) was ticked at or before `due`, per the deal's checklist JSON. */
function tickedBy(ctx: MetricContext, item: RawBuilder<unknown>, due: RawBuilder<unknown>): RawBuilder<unknown> {
  if (ctx.dialect === 'postgres') {
    const entry = sql`(deals.checklist::jsonb -> ${item})`;
    return sql`((${entry} ->> 'done') = 'true' and (${entry} ->> 'at') <= ${due})`;
  }
  const path = (leaf: string) => sql`'$."' || ${item} || ${`".${leaf}`}`;
  return sql`(json_extract(deals.checklist, ${path('done')}) = 1 and json_extract(deals.checklist, ${path('at')}) <= ${due})`;
}

/** One fact per (stay, gate checklist item) due in the period and by now, in saturation's columns; null if no gate has items. */
export function gateActionFacts(ctx: MetricContext): RawBuilder<FactRow> | null {
  const def = ctx.pipeline?.def;
  if (!def) return null;
  const items = def.stages.filter((s) => !s.terminal).flatMap((stage) => stage.gate.checklist.map((item) => ({ stage: stage.key, item: item.key })));
  if (items.length === 0) return null;
  const lost = def.stages.filter((s) => s.terminal === 'lost').map((s) => s.key);
  const notLost = lost.length ? sql`and n.stage_key not in (${sql.join(lost)})` : sql``;
  const gated = sql.join([...new Set(items.map((i) => i.stage))]);
  // A stay's due instant is never after it was left and, for a stay still open, is a level-1 firing of its deal. So
  // the only stays that can fall due in the period are those left in or after it (left_at index) and the open stays
  // of deals with a level-1 firing due in it (firings' due index): the rest of the history is never read. The history
  // row drives the join (CROSS JOIN keeps SQLite from scanning the pipeline's deals instead).
  const firedIn = sql`(select f.subject_id from sla_firings f where f.subject_type = 'deal' and f.level = 1 and f.due_at >= ${ctx.fromAt} and f.due_at < ${ctx.toAt})`;
  // For a narrow scope its deals drive instead, each read with its history (`historyJoin`).
  const candidates = ctx.drive === 'scope'
    ? sql`select h.id, h.deal_id, h.stage_key, h.entered_at, h.left_at from ${historyJoin(ctx)}
      where deals.id = h.deal_id and ${dealWhere(ctx)} and h.entered_at < ${ctx.toAt} and h.stage_key in (${gated})
        and (h.left_at >= ${ctx.fromAt} or (h.left_at is null and h.deal_id in ${firedIn}))`
    : sql`select h.id, h.deal_id, h.stage_key, h.entered_at, h.left_at from deal_stage_history h
      where h.left_at >= ${ctx.fromAt} and h.entered_at < ${ctx.toAt} and h.stage_key in (${gated})
    union all
    select h.id, h.deal_id, h.stage_key, h.entered_at, h.left_at from deal_stage_history h
      where h.left_at is null and h.entered_at < ${ctx.toAt} and h.stage_key in (${gated}) and h.deal_id in ${firedIn}`;
  const fd = sql`(select min(f.due_at) from sla_timers t join sla_firings f on f.timer_id = t.id and f.level = 1
        where t.subject_type = 'deal' and t.subject_id = h.deal_id and t.kind = 'stage_dwell' and t.stage_key = h.stage_key
          and t.anchor_at >= h.entered_at and (h.left_at is null or t.anchor_at < h.left_at))`;
  const fx = sql`(select min(n.entered_at) from deal_stage_history n where n.deal_id = h.deal_id and n.entered_at = h.left_at and n.direction in ('forward', 'skip') ${notLost})`;
  // The due instant is computed once per stay (a materialised CTE: inlined, PostgreSQL evaluated the subqueries once per
  // comparison), then filtered.
  const owedCte = sql`with owed as materialized (
      select y.id, y.deal_id, y.stage_key, y.owner_id, y.fd, coalesce(y.fd, y.fx) as due from (
        select h.id, h.deal_id, h.stage_key, deals.owner_id, ${fd} as fd, case when h.left_at is null then cast(null as text) else ${fx} end as fx
        from (${candidates}) h cross join deals where deals.id = h.deal_id and ${dealWhere(ctx)}
      ) y
    )`;
  const owed = sql`select * from owed where due >= ${ctx.fromAt} and due < ${ctx.toAt} and due <= ${ctx.asOf}`;
  // The (stage, item) pairs as one derived table joined once: a CTE named per item would be evaluated per item.
  const pairs = sql.join(
    items.map(({ stage, item }) => sql`select cast(${stage} as text) as stage_key, cast(${item} as text) as item_key`),
    sql` union all `,
  );
  return sql<FactRow>`${owedCte} select ${'g:'} || gi.item_key || ${':'} || x.id as row_id, x.id as record_id, x.deal_id as deal_id, x.due as "at", 'gate' as kind,
      x.owner_id as owner, ${weekSql(ctx, 'x.due')} as week,
      case when x.fd is null then 'done' when ${tickedBy(ctx, sql.ref('gi.item_key'), sql`x.fd`)} then 'done' else 'missed' end as state,
      'gate' as source, gi.stage_key || ${'/'} || gi.item_key as item
    from (${owed}) x join (${pairs}) gi on gi.stage_key = x.stage_key join deals on deals.id = x.deal_id`;
}

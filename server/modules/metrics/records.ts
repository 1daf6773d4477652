/**
 * A drill row: one fact with the columns that matter to act on it — deal, customer, owner, stage, amount, working
 * days in stage, last effective interaction — whatever the metric counted (deal, stay, step, SLA clock, activity).
 */
import { parseJson } from '../../core/json.js';
import { stageLabel, type PipelineDefinition } from '../pipelines/definition.js';
import type { MetricContext } from './context.js';
import type { FactRow, MetricDef } from './framework.js';
import * as repo from './repo.js';
import { round } from './stats.js';

export interface DrillItem {
  kind: string;
  recordId: string;
  dealId: string | null;
  title: string;
  customer: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  stage: { key: string; name: string; nameEn: string } | null;
  status: string | null;
  amountFen?: number | null;
  daysInStage: number | null;
  lastEffectiveAt: string | null;
  at: string | null;
  detail: string | null;
  dims: Record<string, string>;
  link: string;
}

export async function displayFacts(ctx: MetricContext, def: MetricDef<unknown>, facts: FactRow[]): Promise<DrillItem[]> {
  const dealIds = [...new Set(facts.map((f) => f.deal_id).filter((x): x is string => !!x))];
  const byKind = (k: string) => facts.filter((f) => f.kind === k).map((f) => f.record_id);
  const [deals, last, stays, steps, timers, activities, customers] = await Promise.all([
    repo.dealsForDisplay(ctx.db, dealIds),
    repo.lastEffective(ctx.db, dealIds),
    repo.staysForDisplay(ctx.db, [...byKind('stay'), ...byKind('gate')]),
    repo.stepsForDisplay(ctx.db, byKind('step')),
    repo.timersForDisplay(ctx.db, byKind('timer')),
    repo.activitiesForDisplay(ctx.db, byKind('activity')),
    repo.customersForDisplay(ctx.db, byKind('customer')),
  ]);
  const customerMap = new Map(customers.map((c) => [c.id, c]));
  const dealMap = new Map(deals.map((d) => [d.id, d]));
  const defs = new Map(
    (await repo.pipelineDefinitions(ctx.db, [...new Set(deals.map((d) => d.pipeline_id))])).map((p) => [p.id, parseJson<PipelineDefinition>(p.definition, { key: '', name: '', stages: [] })]),
  );
  const stayMap = new Map(stays.map((s) => [s.id, s]));
  const stepMap = new Map(steps.map((s) => [s.id, s]));
  const timerMap = new Map(timers.map((s) => [s.id, s]));
  const actMap = new Map(activities.map((a) => [a.id, a]));
  const wt = ctx.working();
  const now = ctx.now.getTime();
  return facts.map((f) => {
    const deal = f.deal_id ? dealMap.get(f.deal_id) : undefined;
    const pdef = deal ? (defs.get(deal.pipeline_id) ?? null) : null;
    const dims = Object.fromEntries(def.dims.map((d) => [d, String(f[d] ?? '')]));
    const item: DrillItem = {
      kind: f.kind,
      recordId: f.record_id,
      dealId: f.deal_id ?? null,
      title: deal?.title ?? '',
      customer: deal ? { id: deal.customer_id, name: deal.customer_name } : null,
      owner: deal ? { id: deal.owner_id, name: deal.owner_name } : null,
      stage: deal ? stageLabel(pdef, deal.stage_key) : null,
      status: deal?.status ?? null,
      daysInStage: deal ? round(wt.between(deal.stage_entered_at, now)) : null,
      lastEffectiveAt: deal ? (last.get(deal.id) ?? null) : null,
      at: f.at ?? null,
      detail: null,
      dims,
      link: deal ? `/deals/${deal.id}` : '',
    };
    if (!ctx.hideAmounts) item.amountFen = deal?.amount_fen ?? null;
    if (f.kind === 'stay' || f.kind === 'gate') {
      const s = stayMap.get(f.record_id);
      if (s) {
        item.stage = stageLabel(pdef, s.stage_key);
        item.daysInStage = round(wt.between(s.entered_at, s.left_at ?? now));
        item.detail = s.left_at ? `${s.entered_at} → ${s.left_at}` : `${s.entered_at} →`;
        if (f.kind === 'gate') item.detail = `gate ${String(f.item ?? '')}: ${item.detail}`;
      }
    } else if (f.kind === 'customer') {
      const c = customerMap.get(f.record_id);
      if (c) {
        item.title = c.name;
        item.customer = { id: c.id, name: c.name };
        item.owner = { id: c.owner_id, name: c.owner_name };
        item.link = `/customers/${c.id}`;
      }
      // Consistency facts carry how many sellers logged the customer and how many of their tags agree.
      if (f.tags !== undefined) item.detail = `sellers ${String(f.sellers)}, tags in common ${String(f.agreed)} / ${String(f.tags)}`;
    } else if (f.kind === 'step') {
      const s = stepMap.get(f.record_id);
      if (s) item.detail = `${s.cadence_key}/${s.step_key}: ${s.status}${s.completed_at ? ` @ ${s.completed_at}` : ''} (due ${s.due_at})`;
    } else if (f.kind === 'timer') {
      const t = timerMap.get(f.record_id);
      if (t) item.detail = `SLA ${t.stage_key ?? ''}: level ${t.level_reached}, ${t.status}`;
    } else if (f.kind === 'activity') {
      const a = actMap.get(f.record_id);
      if (a) {
        item.title = a.summary;
        item.customer = { id: a.customer_id, name: a.customer_name };
        item.owner = { id: a.owner_id, name: a.owner_name };
        item.detail = a.type;
        item.link = `/customers/${a.customer_id}`;
        if (!deal) {
          item.stage = null;
          item.daysInStage = null;
        }
      }
    }
    return item;
  });
}

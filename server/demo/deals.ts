import type { DealStageHistoryTable, DealsTable } from '../db/schema.js';
import type { Random } from './random.js';
import type { CustomFieldRef, CustomerDraft, PipelineRef } from './generate.js';
import { DAY, HOUR, duringWorkingHours, iso, shanghaiDate } from './time.js';
import * as V from './vocab.js';

/** Which templates suit which kind of customer; matched on the template key so renamed templates still work. */
function pipelineWeights(type: V.CustomerType, pipelines: PipelineRef[]): Array<[PipelineRef, number]> {
  const affinity: Record<V.CustomerType, Array<[RegExp, number]>> = {
    hospital: [[/hospital/, 8], [/b2b/, 2]],
    clinic: [[/b2b/, 3], [/fmcg/, 2], [/hospital/, 1]],
    distributor: [[/b2b/, 3], [/manufactur/, 3], [/fmcg/, 3]],
    checkup: [[/b2b/, 2], [/fmcg/, 1]],
    eldercare: [[/b2b/, 2], [/fmcg/, 1]],
    person: [[/store/, 1]],
  };
  const weights = pipelines.map((p): [PipelineRef, number] => {
    const match = affinity[type].find(([re]) => re.test(p.templateKey));
    return [p, match ? match[1] : 0];
  });
  return weights.some(([, w]) => w > 0) ? weights : pipelines.map((p) => [p, 1]);
}

function amountFen(random: Random, templateKey: string): number {
  const yuan = /hospital/.test(templateKey)
    ? random.int(50, 3000) * 1000
    : /store/.test(templateKey)
      ? random.int(20, 300) * 100
      : random.int(20, 800) * 1000;
  return yuan * 100;
}

function customValue(random: Random, field: CustomFieldRef, nowMs: number): unknown {
  switch (field.type) {
    case 'number':
      return random.int(1, 50);
    case 'money':
      return random.int(1, 500) * 100_000;
    case 'date':
      return shanghaiDate(nowMs - random.int(1, 60) * DAY);
    case 'select':
      return field.options[0] ?? '已确认';
    case 'multiselect':
      return field.options.slice(0, 1);
    case 'attachment':
    case 'user':
      return undefined;
    default:
      return '已确认';
  }
}

/** Keys of the shipped lost reasons with how often the demo company loses for each. */
const LOST_REASON_KEYS: Array<[string, number]> = [['price', 30], ['competitor', 25], ['budget_cancelled', 15], ['need_changed', 12], ['unreachable', 8], ['tender_lost', 7], ['other', 3]];

export function buildDeals(random: Random, nowMs: number, count: number, customers: CustomerDraft[], pipelines: PipelineRef[], dealFields: CustomFieldRef[]) {
  const deals: DealsTable[] = [];
  const history: DealStageHistoryTable[] = [];
  const companyWeights = customers.map((c): [CustomerDraft, number] => [c, c.weight]);
  for (let i = 0; i < count; i++) {
    const customer = random.weighted(companyWeights);
    const pipeline = random.weighted(pipelineWeights(customer.type, pipelines));
    const stages = pipeline.stages;
    const open = stages.map((st, idx) => ({ st, idx })).filter(({ st }) => !st.terminal).map(({ idx }) => idx);
    const wonIdx = stages.findIndex((st) => st.terminal === 'won');
    const lostIdx = stages.findIndex((st) => st.terminal === 'lost');
    const status = random.weighted([['open', 73], ['won', 15], ['lost', 12]] as const);
    // A funnel: early stages hold more open deals than late ones; lost deals mostly drop out early too.
    const funnel = open.map((idx, n): [number, number] => [n, open.length - n]);
    const reached = status === 'won' ? open.length - 1 : random.weighted(funnel);

    // The stages the deal went through, in order; a few deals went one step back once.
    const path: Array<{ idx: number; direction: string }> = [{ idx: open[0], direction: 'created' }];
    const backAt = reached >= 2 && random.chance(0.06) ? random.int(1, reached - 1) : -1;
    for (let n = 1; n <= reached; n++) {
      path.push({ idx: open[n], direction: 'forward' });
      if (n === backAt) {
        path.push({ idx: open[n - 1], direction: 'backward' });
        path.push({ idx: open[n], direction: 'forward' });
      }
    }
    // Closing moves into the pipeline's terminal won/lost stage when it has one.
    const terminalIdx = status === 'won' ? wonIdx : status === 'lost' ? lostIdx : -1;
    if (terminalIdx >= 0) path.push({ idx: terminalIdx, direction: 'forward' });
    const current = path[path.length - 1].idx;

    const lastEnteredMs = duringWorkingHours(random, nowMs - (status === 'open' ? random.int(0, 20) : random.int(3, 80)) * DAY, nowMs);
    const entered: number[] = new Array(path.length);
    entered[path.length - 1] = lastEnteredMs;
    for (let p = path.length - 2; p >= 0; p--) entered[p] = duringWorkingHours(random, entered[p + 1] - random.int(2, 18) * DAY, nowMs);
    const createdMs = entered[0];
    if (createdMs < Date.parse(customer.row.created_at)) {
      customer.row.created_at = iso(createdMs - random.int(1, 30) * DAY);
      for (const contact of customer.contacts) contact.created_at = contact.updated_at = customer.row.created_at;
    }

    const id = random.uuid();
    const owner = customer.seller;
    const checklist: Record<string, { done: boolean; by: string; at: string; note?: string }> = {};
    const custom: Record<string, unknown> = {};
    // Stages the deal left forward had their gate met, so their checklist is done; a stage left for "lost" was not.
    const passed = new Set(path.slice(0, status === 'lost' && terminalIdx >= 0 ? -2 : -1).map((p) => p.idx));
    for (const idx of [...passed].sort((a, b) => a - b)) {
      const leftMs = entered[path.findIndex((p) => p.idx === idx) + 1];
      for (const item of stages[idx].checklist) checklist[item] = { done: true, by: owner.id, at: iso(leftMs - random.int(1, 48) * HOUR) };
      for (const field of stages[idx].requiredFields.filter((f) => f.startsWith('custom.'))) {
        const def = dealFields.find((d) => d.key === field.slice('custom.'.length));
        const value = def ? customValue(random, def, nowMs) : undefined;
        if (value !== undefined) custom[def!.key] = value;
      }
    }
    // Open deals have ticked part of the current stage's checklist: the kanban shows work in progress.
    if (status === 'open') {
      for (const item of stages[current].checklist) {
        if (random.chance(0.4)) checklist[item] = { done: true, by: owner.id, at: iso(Math.min(nowMs, lastEnteredMs + random.int(1, 20) * HOUR)) };
      }
    }

    const product = random.pick(V.PRODUCTS);
    const expectedMs = status === 'open' ? nowMs + random.int(-10, 120) * DAY : lastEnteredMs + random.int(-5, 5) * DAY;
    const deal: DealsTable = {
      id,
      title: `${customer.row.name} ${product}${random.pick(['采购项目', '年度供货', '试用转采购', '集采配套', '设备更新'])}`,
      customer_id: customer.row.id,
      pipeline_id: pipeline.id,
      stage_key: stages[current].key,
      status,
      owner_id: owner.id,
      team_path: owner.teamPath,
      amount_fen: amountFen(random, pipeline.templateKey),
      expected_close_date: shanghaiDate(expectedMs),
      checklist: JSON.stringify(checklist),
      custom: JSON.stringify(custom),
      stage_entered_at: iso(lastEnteredMs),
      created_at: iso(createdMs),
      updated_at: iso(Math.min(nowMs, lastEnteredMs + random.int(0, 48) * HOUR)),
      // Lost deals carry a key of the shipped lost_reason dictionary (migration 0018), so the loss matrix has data.
      lost_reason: status === 'lost' ? random.weighted(LOST_REASON_KEYS) : null,
      lost_at: status === 'lost' ? iso(lastEnteredMs) : null,
    };
    deals.push(deal);
    customer.deals.push(deal);
    path.forEach((step, p) => {
      history.push({
        id: random.uuid(),
        deal_id: id,
        stage_key: stages[step.idx].key,
        entered_at: iso(entered[p]),
        left_at: p + 1 < path.length ? iso(entered[p + 1]) : null,
        entered_by: p === 0 || random.chance(0.9) ? owner.id : owner.leadId,
        direction: step.direction,
        skip_reason: status === 'lost' && p === path.length - 1 && terminalIdx >= 0 ? random.pick(V.LOST_REASONS) : null,
        lost_reason: status === 'lost' && p === path.length - 1 && terminalIdx >= 0 ? deal.lost_reason : null,
      });
    });
  }
  return { deals, history };
}

/** The kanban of one pipeline: a column per stage with count, amount and the 50 most recently updated deals. */
import type { Queryable } from '../../db/index.js';
import { notFound } from '../../core/errors.js';
import { canSeeAmounts, scopeOf, type Actor } from '../org/scope.js';
import * as pipelinesRepo from '../pipelines/repo.js';
import { presentStage } from '../pipelines/presenter.js';
import { loaded, presentDeal } from './presenter.js';
import * as repo from './repo.js';

export const BOARD_COLUMN_LIMIT = 50;

export async function getBoard(db: Queryable, actor: Actor, pipelineIdOrKey: string, query: { ownerId?: string; q?: string }) {
  const row = await pipelinesRepo.findPipeline(db, pipelineIdOrKey);
  if (!row) throw notFound('Pipeline');
  const pipeline = loaded(row);
  const scope = scopeOf(actor);
  const amounts = canSeeAmounts(actor);
  const filters = { ownerId: query.ownerId, q: query.q };
  const totals = await repo.stageTotals(db, scope, row.id, filters);
  const columns = [];
  for (const stage of pipeline.def.stages) {
    const total = totals.get(stage.key) ?? { count: 0, amountFen: 0 };
    const deals = total.count > 0 ? await repo.stageDeals(db, scope, row.id, stage.key, filters, BOARD_COLUMN_LIMIT) : [];
    columns.push({
      stageKey: stage.key,
      count: total.count,
      ...(amounts ? { amountFen: total.amountFen } : {}),
      deals: deals.map((d) => presentDeal(d, pipeline, { amounts })),
    });
  }
  return {
    pipeline: {
      id: row.id,
      key: row.key,
      name: row.name,
      nameEn: row.name_en ?? row.name,
      version: row.version,
      stages: pipeline.def.stages.map((s) => ({ ...presentStage(s), gate: s.gate })),
    },
    columns,
  };
}

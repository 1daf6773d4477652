/**
 * The kanban of one pipeline: a column per stage with count and amount (one GROUP BY over a covering index) and the
 * first `limit` most recently updated deals; each column's `nextCursor` loads more through `getBoardColumn`.
 */
import type { Queryable } from '../../db/index.js';
import { invalid, notFound } from '../../core/errors.js';
import { decodeCursor } from '../../core/paging.js';
import { canSeeAmounts, scopeOf, type Actor } from '../org/scope.js';
import { findTeam } from '../org/repo.js';
import * as pipelinesRepo from '../pipelines/repo.js';
import { presentStage } from '../pipelines/presenter.js';
import { loaded, presentDeal, type LoadedPipeline } from './presenter.js';
import * as repo from './repo.js';
import type { BoardColumnQuery } from './schema.js';

export const BOARD_COLUMN_LIMIT = 50;

type BoardQuery = { ownerId?: string; teamId?: string; q?: string; limit?: number };

async function boardContext(db: Queryable, actor: Actor, pipelineIdOrKey: string, query: BoardQuery) {
  const row = await pipelinesRepo.findPipeline(db, pipelineIdOrKey);
  if (!row) throw notFound('Pipeline');
  let teamPath: string | undefined;
  if (query.teamId) {
    const team = await findTeam(db, query.teamId);
    if (!team) throw invalid('teamId', 'not_found_team');
    teamPath = team.path;
  }
  return {
    row,
    pipeline: loaded(row),
    scope: scopeOf(actor),
    amounts: canSeeAmounts(actor),
    filters: { ownerId: query.ownerId, q: query.q, teamPath },
    limit: query.limit ?? BOARD_COLUMN_LIMIT,
  };
}

function presentCards(rows: repo.DealRow[], pipeline: LoadedPipeline, amounts: boolean) {
  return rows.map((d) => presentDeal(d, pipeline, { amounts }));
}

export async function getBoard(db: Queryable, actor: Actor, pipelineIdOrKey: string, query: BoardQuery) {
  const { row, pipeline, scope, amounts, filters, limit } = await boardContext(db, actor, pipelineIdOrKey, query);
  const totals = await repo.stageTotals(db, scope, row.id, filters);
  const columns = [];
  for (const stage of pipeline.def.stages) {
    const total = totals.get(stage.key) ?? { count: 0, amountFen: 0 };
    const page = total.count > 0 ? await repo.stageDeals(db, scope, row.id, stage.key, filters, limit) : { items: [], nextCursor: null };
    columns.push({
      stageKey: stage.key,
      count: total.count,
      ...(amounts ? { amountFen: total.amountFen } : {}),
      deals: presentCards(page.items, pipeline, amounts),
      nextCursor: page.nextCursor,
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

/** More cards of one column ("load more"), with the same filters as the board. */
export async function getBoardColumn(db: Queryable, actor: Actor, pipelineIdOrKey: string, stageKey: string, query: BoardColumnQuery) {
  const { row, pipeline, scope, amounts, filters, limit } = await boardContext(db, actor, pipelineIdOrKey, query);
  if (!pipeline.def.stages.some((s) => s.key === stageKey)) throw notFound('Stage');
  const cursor = query.cursor ? decodeCursor(query.cursor, repo.BOARD_ORDER) : undefined;
  const page = await repo.stageDeals(db, scope, row.id, stageKey, filters, limit, cursor);
  return { stageKey, deals: presentCards(page.items, pipeline, amounts), nextCursor: page.nextCursor };
}

/**
 * Context for the "needs my intervention" list (issue 15 point 3): a manager prioritises by amount, stage, how
 * long the stage's clock has been overdue and when the seller last did something that counts. The SLA module owns
 * the interventions; this read model only adds deal facts, in the caller's scope (amounts hidden from support).
 */
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import type { Queryable } from '../../db/index.js';
import { canSeeAmounts, scopeOf, type Actor } from '../org/scope.js';
import { stageLabel } from '../pipelines/definition.js';
import * as repo from './repo.js';
import { loadPipelines } from './service.js';

const DAY_MS = 86_400_000;

export const attentionQuery = z.object({
  ids: z
    .string()
    .max(64 * 101)
    .transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(64)).max(100, 'at most 100 ids'))
    .describe('Comma-separated deal ids (at most 100)'),
});

export const dealAttentionSchema = z
  .object({
    dealId: z.string(),
    amountFen: z.number().int().optional().describe('Absent for roles that may not see amounts'),
    stage: z.object({ key: z.string(), name: z.string(), nameEn: z.string() }),
    overdueSince: z.string().nullable().describe("When the current stage's clock first fired (its first level's due time)"),
    daysOverdue: z.number().int().nullable().describe('Whole days since overdueSince'),
    lastEffectiveActivity: z.object({ id: z.string(), type: z.string(), occurredAt: z.string(), summary: z.string() }).nullable(),
  })
  .meta({ id: 'DealAttention' });

export const dealAttentionPage = z.object({ items: z.array(dealAttentionSchema) });

export async function dealAttention(db: Queryable, clock: Clock, actor: Actor, ids: string[]): Promise<z.infer<typeof dealAttentionPage>> {
  const rows = await repo.interventionContextRows(db, scopeOf(actor), ids);
  const pipelines = await loadPipelines(db, rows.map((r) => r.pipeline_id));
  const activities = new Map((await repo.activitiesByIds(db, rows.map((r) => r.last_activity_id).filter((x): x is string => !!x))).map((a) => [a.id, a]));
  const amounts = canSeeAmounts(actor);
  const now = clock.now().getTime();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: ids
      .filter((id) => byId.has(id))
      .map((id) => {
        const r = byId.get(id)!;
        const since = r.overdue_since ? String(r.overdue_since) : null;
        const last = r.last_activity_id ? activities.get(r.last_activity_id) : undefined;
        return {
          dealId: r.id,
          ...(amounts ? { amountFen: Number(r.amount_fen) } : {}),
          stage: stageLabel(pipelines.get(r.pipeline_id)?.def ?? null, r.stage_key),
          overdueSince: since,
          daysOverdue: since ? Math.max(0, Math.floor((now - new Date(since).getTime()) / DAY_MS)) : null,
          lastEffectiveActivity: last ? { id: last.id, type: last.type, occurredAt: last.occurred_at, summary: last.summary } : null,
        };
      }),
  };
}

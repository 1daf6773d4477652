/**
 * The `require_approval` rule action's executor body (rules/actions.ts calls it inside the rule's savepoint): submits
 * an approval of the kind for the deal at its current amount, requested by the deal owner, unless one is pending or
 * an approved one still covers the deal. Refusals (no approver, no amount) are outcomes of the run, not failures.
 */
import type { Clock } from '../../core/clock.js';
import { AppError } from '../../core/errors.js';
import { parseJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { loadCalendars } from '../calendar/schedules.js';
import { envelopeBreach, type Envelope } from './facts.js';
import * as repo from './repo.js';
import { startRound } from './service.js';

export async function requireApprovalForRule(input: { db: Queryable; clock: Clock; ruleKey: string; dealId: string; kind: string }) {
  const { db, clock, dealId, kind } = input;
  const deal = await repo.findDealForApproval(db, dealId);
  if (!deal) throw new Error('require_approval: the deal no longer exists');
  const existing = (await repo.requestsOfSubject(db, 'deal', dealId, ['pending', 'approved'])).filter((r) => r.kind === kind);
  const pending = existing.find((r) => r.status === 'pending');
  if (pending) return { kind, deal: dealId, started: false, reason: 'pending', request: pending.id };
  const covering = existing.find((r) => r.status === 'approved' && !envelopeBreach(parseJson<Envelope>(r.envelope, {} as Envelope), { amountFen: Number(deal.amount_fen) }, '0000-00-00'));
  if (covering) return { kind, deal: dealId, started: false, reason: 'covered', request: covering.id };
  const [owner] = await repo.usersByIds(db, [deal.owner_id]);
  try {
    const calendars = await loadCalendars(db);
    const request = await startRound(
      { db, clock, calendars },
      { requester: { id: deal.owner_id, teamPath: owner?.team_path ?? deal.team_path }, deal, kind, values: { documentDiscountFen: 0 }, actorId: null, via: `rule:${input.ruleKey}` },
    );
    return { kind, deal: dealId, started: true, request: request.id, routeVersion: request.route_version };
  } catch (error) {
    if (error instanceof AppError) return { kind, deal: dealId, started: false, reason: error.message };
    throw error;
  }
}

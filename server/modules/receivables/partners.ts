/** Finance partners (财务对接人) per team: who receives a team's overdue-receivable work orders. Admins set them. */
import { z } from 'zod';
import { commandIn } from '../../core/command.js';
import { invalid, notFound } from '../../core/errors.js';
import { auditActorId, authorize, roleIn, type AnyActor } from '../../core/policy.js';
import type { MoneyDeps } from '../contracts/service.js';
import { presentPartner } from './presenter.js';
import * as repo from './repo.js';

export const partnerBody = z.strictObject({ userId: z.string().min(1).max(64).nullable() });

export async function listPartners(deps: MoneyDeps, actor: AnyActor) {
  authorize(actor, 'receivable.board');
  const rows = await repo.listPartners(deps.db);
  return { items: rows.map(presentPartner) };
}

export async function setPartner(deps: MoneyDeps, actor: AnyActor, teamId: string, userId: string | null) {
  authorize(actor, 'receivable.managePartners');
  await deps.db.transaction().execute(async (trx) => {
    const team = await trx.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).executeTakeFirst();
    if (!team) throw notFound('Team');
    if (userId) {
      const user = await trx.selectFrom('users').select(['id', 'role', 'active']).where('id', '=', userId).executeTakeFirst();
      if (!user || user.active !== 1 || !roleIn(user.role, 'financeRoles')) throw invalid('userId', 'not_finance_user');
    }
    const before = (await repo.partnersOf(trx, [teamId]))[0];
    await repo.setPartner(trx, teamId, userId, auditActorId(actor), deps.clock.now().toISOString());
    await commandIn(trx, deps.clock, { entity: 'team', actorId: auditActorId(actor) }).updated(teamId, { financePartnerId: before?.id ?? null }, { financePartnerId: userId }, undefined, { action: 'finance_partner' });
  });
  return listPartners(deps, actor);
}
